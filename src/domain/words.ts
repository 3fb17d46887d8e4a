// The words for stored codes (statuses, kinds, ranks, priorities), as the programme says them in
// Chinese and in English: the pages (src/views/labels.ts), the CSV sheets and the messages all use
// these, so a visit's status reads the same everywhere. Pure data, hence in the domain.
import type { DocumentKind } from './documents.js';
import type { Rank, ReceptionStatus, VisitKind, VisitStatus } from './types.js';

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

export type PlanRequestStatus = 'open' | 'withdrawn' | 'committed';

export const PLAN_REQUEST_STATUS_WORDS: Record<PlanRequestStatus, Words> = {
  open: { zh: '待安排', en: 'Open' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
  committed: { zh: '已转为考察', en: 'Booked as a visit' },
};

/** Plan request priorities as the form offers them (1 weighs most). */
export const PRIORITY_WORDS: Record<1 | 2 | 3, Words> = {
  1: { zh: '重要(优先安排)', en: 'High (placed first)' },
  2: { zh: '一般', en: 'Normal' },
  3: { zh: '可调整', en: 'Flexible' },
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

export const DOCUMENT_KIND_WORDS: Record<DocumentKind, Words> = {
  official_letter: { zh: '公函扫描件', en: 'Official letter (scan)' },
  other: { zh: '其他材料', en: 'Other' },
};

/** Highest first: the order forms and standards list them in. */
export const RANKS: readonly Rank[] = ['provincial', 'departmental', 'county', 'other'];

/** A code in a spreadsheet cell: the Chinese word, the stored code in parentheses ("已批准 (approved)"). */
export function sheetWord(words: Words, code: string): string {
  return `${words.zh} (${code})`;
}
