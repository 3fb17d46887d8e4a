// Words for the codes the HQ pages show, in the user's language.
import type { Rank, ReceptionStatus, VisitKind, VisitStatus } from '../../domain/types.js';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.js';
import type { RegionView } from '../../db/repo/reference.js';
import { pageContext } from '../page.js';
import type { Translate } from '../../views/i18n.js';

export function kindLabel(kind: VisitKind, t: Translate): string {
  return kind === 'condolence' ? t('慰问', 'Condolence') : t('考察', 'Inspection');
}

const VISIT_STATUS: Record<VisitStatus, [string, string]> = {
  submitted: ['待衔接', 'Awaiting coordination'],
  coordinated: ['已衔接,待审批', 'Coordinated, awaiting approval'],
  approved: ['已批准', 'Approved'],
  rejected: ['未同意', 'Rejected'],
  withdrawn: ['已撤回', 'Withdrawn'],
  cancelled: ['已取消', 'Cancelled'],
};

export function visitStatusLabel(status: VisitStatus, t: Translate): string {
  const [zh, en] = VISIT_STATUS[status];
  return t(zh, en);
}

const RECEPTION_STATUS: Record<ReceptionStatus, [string, string]> = {
  submitted: ['待审批', 'Awaiting approval'],
  approved: ['已批准', 'Approved'],
  rejected: ['未批准', 'Rejected'],
  cancelled: ['已取消', 'Cancelled'],
};

export function receptionStatusLabel(status: ReceptionStatus, t: Translate): string {
  const [zh, en] = RECEPTION_STATUS[status];
  return t(zh, en);
}

const RANK: Record<Rank, [string, string]> = {
  provincial: ['省部级', 'Provincial'],
  departmental: ['厅局级', 'Departmental'],
  county: ['县处级', 'County'],
  other: ['其他', 'Other'],
};

export function rankLabel(rank: Rank, t: Translate): string {
  const [zh, en] = RANK[rank];
  return t(zh, en);
}

export function dateRange(startDate: string, endDate: string, t: Translate): string {
  return startDate === endDate ? startDate : `${startDate} ${t('至', 'to')} ${endDate}`;
}

export function yuan(amount: number | null, t: Translate): string {
  return amount === null ? '—' : t(`${amount} 元`, `${amount} yuan`);
}

/** The region's name in the reader's language. */
export function regionNameIn(c: Context<AppEnv>, region: RegionView | undefined): string | undefined {
  return region && pageContext(c).t(region.name, region.nameEn);
}
