// The words every page shows for stored codes (statuses, kinds, ranks). One table per code, so a
// visit's status reads the same to the unit, its HQ and the office.
import type { Rank, ReceptionStatus, VisitKind, VisitStatus } from '../domain/types.js';
import type { Translate } from './i18n.js';

export type Words = { zh: string; en: string };

export const VISIT_STATUS_WORDS: Record<VisitStatus, Words> = {
  submitted: { zh: '待衔接', en: 'Awaiting HQ coordination' },
  coordinated: { zh: '已衔接待审批', en: 'Coordinated, awaiting approval' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '未通过', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

export const RECEPTION_STATUS_WORDS: Record<ReceptionStatus, Words> = {
  submitted: { zh: '待审批', en: 'Awaiting approval' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '未通过', en: 'Rejected' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

export const KIND_WORDS: Record<VisitKind, Words> = {
  inspection: { zh: '考察', en: 'Inspection' },
  condolence: { zh: '慰问', en: 'Condolence' },
};

export const RANK_WORDS: Record<Rank, Words> = {
  provincial: { zh: '省部级', en: 'Provincial' },
  departmental: { zh: '厅局级', en: 'Departmental' },
  county: { zh: '县处级', en: 'County' },
  other: { zh: '其他', en: 'Other' },
};

/** Highest first: the order forms and standards list them in. */
export const RANKS: readonly Rank[] = ['provincial', 'departmental', 'county', 'other'];

export function say(words: Words, t: Translate): string {
  return t(words.zh, words.en);
}

export const visitStatusLabel = (status: VisitStatus, t: Translate) => say(VISIT_STATUS_WORDS[status], t);
export const receptionStatusLabel = (status: ReceptionStatus, t: Translate) => say(RECEPTION_STATUS_WORDS[status], t);
export const kindLabel = (kind: VisitKind, t: Translate) => say(KIND_WORDS[kind], t);
export const rankLabel = (rank: Rank, t: Translate) => say(RANK_WORDS[rank], t);
