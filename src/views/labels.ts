// The words every page shows for stored codes (statuses, kinds, ranks), from src/domain/words.ts,
// in the page's language.
import type { Rank, ReceptionStatus, VisitKind, VisitStatus } from '../domain/types.js';
import {
  DOCUMENT_KIND_WORDS,
  KIND_WORDS,
  PLAN_REQUEST_STATUS_WORDS,
  PRIORITY_WORDS,
  RANK_WORDS,
  RANKS,
  RECEPTION_STATUS_WORDS,
  VISIT_STATUS_WORDS,
  type PlanRequestStatus,
  type Words,
} from '../domain/words.js';
import type { Translate } from './i18n.js';

export {
  DOCUMENT_KIND_WORDS,
  KIND_WORDS,
  PLAN_REQUEST_STATUS_WORDS,
  PRIORITY_WORDS,
  RANK_WORDS,
  RANKS,
  RECEPTION_STATUS_WORDS,
  VISIT_STATUS_WORDS,
  type PlanRequestStatus,
  type Words,
};

export function say(words: Words, t: Translate): string {
  return t(words.zh, words.en);
}

export const visitStatusLabel = (status: VisitStatus, t: Translate) => say(VISIT_STATUS_WORDS[status], t);
export const receptionStatusLabel = (status: ReceptionStatus, t: Translate) => say(RECEPTION_STATUS_WORDS[status], t);
export const kindLabel = (kind: VisitKind, t: Translate) => say(KIND_WORDS[kind], t);
export const rankLabel = (rank: Rank, t: Translate) => say(RANK_WORDS[rank], t);
