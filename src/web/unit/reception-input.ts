// The reception form's flat fields ('guests.0.name', 'workMeal.date', …) read into the API's
// reception body and checked with the API's own schema. Blank rows are left out; an error on a
// kept row is reported under that row's field names, so it lands next to the right input. Guest
// rows come and go (the form adds and removes them), so they are read by the indexes sent, and
// the guest count is the number of guests listed (docs/API.md).
import type { ReceptionViolation } from '../../domain/reception-rules.js';
import { type ValidationIssue, validationFailed } from '../../services/errors.js';
import { zodIssues } from '../../schemas/common.js';
import { NewReceptionBody, type NewReceptionInput } from '../../schemas/receptions.js';
import type { Lang } from '../../views/i18n.js';
import { problemMessages } from '../../views/problem-messages.js';
import { formInt } from '../page.js';
import type { FieldErrors, FormValues } from './fields.js';

/** Guest rows a new form offers; more are added as needed, up to MAX_GUEST_ROWS. */
export const GUEST_ROWS = 3;
export const MAX_GUEST_ROWS = 1000;
export const LODGING_ROWS = 3;
export const ACTIVITY_ROWS = 3;

const GUEST_FIELDS = ['name', 'title', 'rank'] as const;
const LODGING_FIELDS = ['rank', 'rooms', 'nights', 'ratePerNightYuan'] as const;
const ACTIVITY_FIELDS = ['date', 'description', 'place'] as const;
const MEAL_FIELDS = ['date', 'accompanyCount', 'costPerPersonYuan'] as const;

const blank = (values: FormValues, names: string[]) => names.every((name) => (values[name] ?? '').trim() === '');
const text = (value: string | undefined) => value ?? '';
const optionalText = (value: string | undefined) => (value?.trim() ? value : undefined);

const GUEST_KEY = /^guests\.(\d{1,3})\.(name|title|rank)$/;

/** The guest rows the form holds, by their index; a form with none yet shows GUEST_ROWS blank ones. */
export function guestRowIndexes(values: FormValues): number[] {
  const found = new Set<number>();
  for (const key of Object.keys(values)) {
    const match = GUEST_KEY.exec(key);
    if (match) found.add(Number(match[1]));
  }
  const indexes = [...found].sort((a, b) => a - b);
  return indexes.length ? indexes : Array.from({ length: GUEST_ROWS }, (_, i) => i);
}

/**
 * The form with its guest rows changed, without saving (the no-JavaScript way to add or remove a
 * row: a submit button named `intent`); null when the post is no such change.
 */
export function withGuestRowsChanged(values: FormValues): FormValues | null {
  const rows = guestRowIndexes(values);
  if (values.intent === 'add-guest') {
    const next = Math.max(-1, ...rows) + 1;
    return next < MAX_GUEST_ROWS ? { ...values, [`guests.${next}.name`]: '' } : values;
  }
  const removed = /^remove-guest-(\d{1,3})$/.exec(values.intent ?? '')?.[1];
  if (removed === undefined) return null;
  const kept = Object.fromEntries(Object.entries(values).filter(([key]) => !key.startsWith(`guests.${removed}.`)));
  // The last row removed: one blank row stays, so the list can be filled again.
  return rows.length > 1 ? kept : { ...kept, [`guests.${removed}.name`]: '' };
}

/** The rows the user filled in, each with its row number on the form. */
function filledRows<T>(
  values: FormValues,
  prefix: string,
  indexes: number | number[],
  fields: readonly string[],
  read: (row: (f: string) => string) => T,
) {
  const rows: { formIndex: number; value: T }[] = [];
  const all = typeof indexes === 'number' ? Array.from({ length: indexes }, (_, i) => i) : indexes;
  for (const i of all) {
    // A rank select alone does not make a row: it always has a value.
    const typed = fields.filter((f) => f !== 'rank').map((f) => `${prefix}.${i}.${f}`);
    if (blank(values, typed)) continue;
    rows.push({ formIndex: i, value: read((f) => text(values[`${prefix}.${i}.${f}`])) });
  }
  return rows;
}

export function receptionInputOf(values: FormValues): NewReceptionInput {
  const guests = filledRows(values, 'guests', guestRowIndexes(values), GUEST_FIELDS, (f) => ({
    name: f('name'),
    title: f('title'),
    rank: f('rank'),
  }));
  const lodging = filledRows(values, 'lodging', LODGING_ROWS, LODGING_FIELDS, (f) => ({
    rank: f('rank'),
    rooms: formInt(f('rooms')),
    nights: formInt(f('nights')),
    ratePerNightYuan: formInt(f('ratePerNightYuan')),
  }));
  const activities = filledRows(values, 'activities', ACTIVITY_ROWS, ACTIVITY_FIELDS, (f) => ({
    date: f('date'),
    description: f('description'),
    place: f('place'),
  }));
  const mealNames = MEAL_FIELDS.map((f) => `workMeal.${f}`);
  const candidate = {
    regionId: text(values.regionId),
    officialLetterRef: optionalText(values.officialLetterRef),
    startDate: text(values.startDate),
    endDate: text(values.endDate),
    guestCount: guests.length,
    leadRank: text(values.leadRank),
    guests: guests.map((r) => r.value),
    workMeal: blank(values, mealNames)
      ? undefined
      : {
          date: text(values['workMeal.date']),
          accompanyCount: formInt(values['workMeal.accompanyCount']),
          costPerPersonYuan: formInt(values['workMeal.costPerPersonYuan']),
        },
    lodging: lodging.map((r) => r.value),
    activities: activities.map((r) => r.value),
    venue: optionalText(values.venue),
    dietaryNotes: optionalText(values.dietaryNotes),
    giftsYuan: formInt(values.giftsYuan),
  };
  const parsed = NewReceptionBody.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const formIndex: Record<string, number[]> = {
    guests: guests.map((r) => r.formIndex),
    lodging: lodging.map((r) => r.formIndex),
    activities: activities.map((r) => r.formIndex),
  };
  throw validationFailed(zodIssues(parsed.error).map((issue) => onFormRow(issue, formIndex)));
}

/** 'lodging.0.rooms' of the parsed list → the form row it came from ('lodging.2.rooms'). */
function onFormRow(issue: ValidationIssue, formIndex: Record<string, number[]>): ValidationIssue {
  const [list, index, ...rest] = issue.path.split('.');
  const rows = list ? formIndex[list] : undefined;
  if (!rows || index === undefined || !/^\d+$/.test(index)) return issue;
  return { ...issue, path: [list, rows[Number(index)] ?? index, ...rest].join('.') };
}

/** Each broken reception rule also shown at the field that breaks it. */
export function violationFieldErrors(violations: ReceptionViolation[], values: FormValues, lang: Lang): FieldErrors {
  const errors: FieldErrors = {};
  for (const violation of violations) {
    const message = problemMessages(violation, lang)[0] ?? violation.code;
    for (const path of violationPaths(violation, values)) errors[path] ??= message;
  }
  return errors;
}

function violationPaths(violation: ReceptionViolation, values: FormValues): string[] {
  switch (violation.code) {
    case 'OFFICIAL_LETTER_REQUIRED':
      return ['officialLetterRef'];
    case 'WORK_MEAL_LIMIT_EXCEEDED':
      return [];
    case 'ACCOMPANY_LIMIT_EXCEEDED':
      return ['workMeal.accompanyCount'];
    case 'MEAL_STANDARD_EXCEEDED':
      return ['workMeal.costPerPersonYuan'];
    case 'LODGING_STANDARD_EXCEEDED':
      return Array.from({ length: LODGING_ROWS }, (_, i) => i)
        .filter(
          (i) => values[`lodging.${i}.rank`] === violation.rank && formInt(values[`lodging.${i}.ratePerNightYuan`]) === violation.requested,
        )
        .map((i) => `lodging.${i}.ratePerNightYuan`);
    case 'LODGING_RANK_NOT_IN_GUESTS':
      return Array.from({ length: LODGING_ROWS }, (_, i) => i)
        .filter((i) => values[`lodging.${i}.rank`] === violation.rank)
        .map((i) => `lodging.${i}.rank`);
    case 'GIFTS_FORBIDDEN':
      return ['giftsYuan'];
  }
}
