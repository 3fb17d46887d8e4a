// The visit form's fields read into the booking input, checked with the API's own schema so a
// page and an API client get the same 422 for the same mistake.
import { inclusiveDays, isValidIsoDate } from '../../domain/dates.js';
import { MAX_VISIT_DAYS } from '../../domain/types.js';
import { zodIssues } from '../../schemas/common.js';
import { NewVisitBody, type VisitFieldsInput } from '../../schemas/visits.js';
import { validationFailed } from '../../services/errors.js';
import { formInt } from '../page.js';
import type { FormValues } from './fields.js';

export const VISIT_FIELDS = [
  'regionId',
  'kind',
  'startDate',
  'endDate',
  'headcount',
  'leaderName',
  'leaderTitle',
  'purpose',
  'cadresVisited',
  'consolationYuan',
] as const;

/** The form's values for a stored visit (edit page). */
export function visitValues(visit: Record<(typeof VISIT_FIELDS)[number], string | number | null>): FormValues {
  return Object.fromEntries(VISIT_FIELDS.map((name) => [name, visit[name] === null ? '' : String(visit[name])]));
}

/** Throws VALIDATION_FAILED with errors by field name; cadres and money only count for condolence visits. */
export function visitInputOf(values: FormValues): VisitFieldsInput {
  const condolence = values.kind === 'condolence';
  const candidate = {
    regionId: values.regionId ?? '',
    kind: values.kind ?? '',
    startDate: values.startDate ?? '',
    endDate: values.endDate ?? '',
    headcount: formInt(values.headcount),
    leaderName: values.leaderName ?? '',
    leaderTitle: values.leaderTitle?.trim() ? values.leaderTitle : null,
    purpose: values.purpose ?? '',
    cadresVisited: condolence ? (formInt(values.cadresVisited) ?? null) : null,
    consolationYuan: condolence ? (formInt(values.consolationYuan) ?? null) : null,
  };
  const parsed = NewVisitBody.safeParse(candidate);
  if (!parsed.success) throw validationFailed(zodIssues(parsed.error));
  const { unitId: _never, ...input } = parsed.data;
  return input;
}

/** The form's idempotency key: one per rendered form, so a double submit books once. */
export function idempotencyKeyOf(values: FormValues): string | null {
  const key = values.idempotencyKey ?? '';
  return /^[A-Za-z0-9_-]{16,200}$/.test(key) ? key : null;
}

export interface SlotQuery {
  regionId: string;
  days: number;
  headcount: number;
  /** Search from the chosen start date (the service never searches before today). */
  from?: string;
}

/** What the slot finder needs, when the form holds it: region, days (field or dates) and headcount. */
export function slotQueryOf(values: FormValues): SlotQuery | null {
  const headcount = formInt(values.headcount);
  let days = formInt(values.days);
  if (
    days === undefined &&
    isValidIsoDate(values.startDate ?? '') &&
    isValidIsoDate(values.endDate ?? '') &&
    values.endDate! >= values.startDate!
  ) {
    days = inclusiveDays(values.startDate!, values.endDate!);
  }
  const whole = (n: number | undefined, max: number): n is number => n !== undefined && Number.isInteger(n) && n >= 1 && n <= max;
  if (!values.regionId || !whole(days, MAX_VISIT_DAYS) || !whole(headcount, 10_000)) return null;
  const from = isValidIsoDate(values.startDate ?? '') ? values.startDate : undefined;
  return { regionId: values.regionId, days, headcount, from };
}
