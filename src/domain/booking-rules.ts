// THE INDEX OF BOOKING RULES: every refusal code a booking can get, in the order a booking is
// checked (the order a user would fix them: the unit's own caps, then the region's calendar),
// each with its pure check and the places that say the same rule another way.
//
// One rule lives in several forms, because each place needs it at a different cost:
//   - the pure check here (caps.ts, capacity.ts): explains a refusal with its numbers;
//   - the SQL guard clause, GUARD_CLAUSES[code] in src/db/repo/visit-guards.ts: makes the write
//     itself refuse, atomically, however many requests race (docs/ARCHITECTURE.md, "The one rule about writes");
//   - the slot-search filter, SLOT_FILTERS[code] in slots.ts: the whole year in O(days + visits);
//   - the planner's counterpart, PLANNER_RULES[code] in planner/rules.ts: day tables for the search;
//   - the words: BOOKING_RULE_MESSAGES[code] in src/views/booking-rule-messages.ts (zh/en, pages),
//     REFUSAL_DETAIL[code] in src/services/visit-problems.ts (the 409's English `detail`), and
//     STATUS_AND_TITLE[code] in src/http/problem.ts (status and title).
// Every one of those tables is keyed by BookingRefusalCode, so a new code does not compile until
// each has it. The domain may not import the db, services or views, so those three are named
// here by key (BOOKING_RULE_TABLES); the domain ones are typed references in each rule.
// test/routes/guard-agreement.test.ts walks BOOKING_RULE_ORDER: each rule must refuse some of
// its random candidates both as its SQL clause and as its pure check, and the two must agree on
// every candidate (test/domain/slots.test.ts and test/domain/planner/feasibility.test.ts hold
// slot search and the planner to checkBooking the same way).
//
// ADDING A RULE, e.g. "a region takes at most N people a day":
//  1. types.ts: add the refusal to BookingRefusal with the numbers that explain it, e.g.
//     `{ code: 'REGION_HEADCOUNT_EXCEEDED'; limit: number; dates: IsoDate[] }`, and what the rule
//     reads (RegionRules.maxPeoplePerDay). Stored data: a column in src/db/schema.ts with its
//     drizzle-kit migration, the region mapping in db/repo/reference.ts, the rules body in
//     src/schemas and the office's regions page.
//  2. Write the pure check beside its kin (capacity.ts: `regionHeadcountRefusal(input)`), with a
//     table-driven test in test/domain. If it needs facts the checks do not get yet (here each
//     nearby visit's headcount), add them to RegionCheckInput and to what
//     db/repo/booking-context.ts#bookingFacts and regionVisitsAround read.
//  3. `npx tsc --noEmit` now lists every table that lacks the code. Fill each in:
//     BOOKING_RULES below (check, source, the SQL clause in words) and BOOKING_RULE_ORDER (after
//     REGION_CAPACITY_EXCEEDED: a full day is fixed by moving the dates either way);
//     GUARD_CLAUSES (SQL: reuse the capacity clause's materialized read of the visits overlapping
//     the window, so it stays one short index range); SLOT_FILTERS (an 'unusable-days' filter
//     summing people per day in one pass); PLANNER_RULES (a per-day people table in model.ts and
//     state.ts, also called from clashesWithFixed / regionAllows and kept by PlanState.adjust);
//     BOOKING_RULE_MESSAGES (zh/en), REFUSAL_DETAIL, STATUS_AND_TITLE; SAMPLE_REFUSALS in
//     test/domain/booking-rules.test.ts. Untyped, so check by hand: WINDOW_WIDE in
//     src/web/office/plan-reasons.tsx and docs listing the codes (the OpenAPI descriptions follow
//     BOOKING_REFUSAL_CODES).
//  4. test/routes/guard-agreement.test.ts picks the rule up from the index; make its seeded data
//     bind it (e.g. a low maxPeoplePerDay for one region) until it refuses its share.
//  5. `npx vitest run test/domain test/routes/guard-agreement.test.ts test/routes/visits-rules.test.ts`,
//     then the benchmark's booking rows (npm run bench): the guard runs on every booking.
import type { CapsCheckInput } from './caps.js';
import { batchCapRefusal, headcountCapRefusal, personTripsCapRefusal } from './caps.js';
import type { RegionCheckInput } from './capacity.js';
import { blackoutRefusal, capacityRefusal, spacingRefusal } from './capacity.js';
import { PLANNER_RULES, type PlannerRule } from './planner/rules.js';
import { SLOT_FILTERS, type SlotFilter } from './slots.js';
import type { BookingRefusal, BookingRefusalCode } from './types.js';

export type { CapsCheckInput, RegionCheckInput };

/** Everything a booking is checked against: the unit's caps and usage, the region's rules and visits. */
export type BookingCheckInput = CapsCheckInput & RegionCheckInput;

export type RefusalOf<C extends BookingRefusalCode> = Extract<BookingRefusal, { code: C }>;

/** A refusal's numbers as an untyped problem body may carry them: any may be missing. */
export type RefusalNumbers<C extends BookingRefusalCode> = Partial<Omit<RefusalOf<C>, 'code'>>;

interface RuleEntry<C extends BookingRefusalCode, Scope extends string, Input> {
  code: C;
  /** What the rule looks at: the unit's caps for the year, or the region's calendar. */
  scope: Scope;
  /** The 2013 notice's words the rule enforces (docs/ARCHITECTURE.md). */
  source: string;
  /** The pure check: this rule's refusal with its numbers, or null. */
  check: (input: Input) => RefusalOf<C> | null;
  /** GUARD_CLAUSES[code] in src/db/repo/visit-guards.ts, in words: when the SQL lets the write through. */
  sqlGuard: string;
  /** SLOT_FILTERS[code] in slots.ts. */
  slotSearch: SlotFilter;
  /** PLANNER_RULES[code] in planner/rules.ts. */
  planner: PlannerRule;
  /** Tests of this rule beyond the agreement tests every rule is in (AGREEMENT_TESTS). */
  tests: readonly string[];
}

export type BookingRule<C extends BookingRefusalCode = BookingRefusalCode> = C extends BookingRefusalCode
  ? RuleEntry<C, 'unit-caps', CapsCheckInput> | RuleEntry<C, 'region', RegionCheckInput>
  : never;

const CAPS_SOURCE = '适当控制年度批次和人员规模 (cap the yearly batches and the delegation size)';
const REGION_SOURCE = '统筹计划、合理安排考察慰问时序 (plan centrally, sequence the visits sensibly)';

export const BOOKING_RULES: { readonly [C in BookingRefusalCode]: BookingRule<C> } = {
  HEADCOUNT_CAP_EXCEEDED: {
    code: 'HEADCOUNT_CAP_EXCEEDED',
    scope: 'unit-caps',
    source: CAPS_SOURCE,
    check: headcountCapRefusal,
    sqlGuard: "headcount <= the unit's max_headcount_per_batch for the year (override, else default, else DEFAULT_QUOTA_LIMITS)",
    slotSearch: SLOT_FILTERS.HEADCOUNT_CAP_EXCEEDED,
    planner: PLANNER_RULES.HEADCOUNT_CAP_EXCEEDED,
    tests: ['test/domain/caps.test.ts'],
  },
  BATCH_CAP_EXCEEDED: {
    code: 'BATCH_CAP_EXCEEDED',
    scope: 'unit-caps',
    source: CAPS_SOURCE,
    check: batchCapRefusal,
    sqlGuard: "count(the unit's counted visits of the year) < max_batches, in the one pass over them the caps share",
    slotSearch: SLOT_FILTERS.BATCH_CAP_EXCEEDED,
    planner: PLANNER_RULES.BATCH_CAP_EXCEEDED,
    tests: ['test/domain/caps.test.ts'],
  },
  PERSON_TRIPS_CAP_EXCEEDED: {
    code: 'PERSON_TRIPS_CAP_EXCEEDED',
    scope: 'unit-caps',
    source: CAPS_SOURCE,
    check: personTripsCapRefusal,
    sqlGuard: "sum(headcount of the unit's counted visits of the year) + headcount <= max_person_trips, in the same pass",
    slotSearch: SLOT_FILTERS.PERSON_TRIPS_CAP_EXCEEDED,
    planner: PLANNER_RULES.PERSON_TRIPS_CAP_EXCEEDED,
    tests: ['test/domain/caps.test.ts'],
  },
  BLACKOUT_CONFLICT: {
    code: 'BLACKOUT_CONFLICT',
    scope: 'region',
    source: REGION_SOURCE,
    check: blackoutRefusal,
    sqlGuard: 'no region_blackouts row of the region shares a day with start_date..end_date',
    slotSearch: SLOT_FILTERS.BLACKOUT_CONFLICT,
    planner: PLANNER_RULES.BLACKOUT_CONFLICT,
    tests: ['test/domain/capacity.test.ts'],
  },
  REGION_CAPACITY_EXCEEDED: {
    code: 'REGION_CAPACITY_EXCEEDED',
    scope: 'region',
    source: REGION_SOURCE,
    check: capacityRefusal,
    sqlGuard:
      'no probe day (the first day, or a day another visit arrives inside the window) already holds max_concurrent_delegations ' +
      'of the visits overlapping the window (one materialized read of them, MAX_VISIT_DAYS back)',
    slotSearch: SLOT_FILTERS.REGION_CAPACITY_EXCEEDED,
    planner: PLANNER_RULES.REGION_CAPACITY_EXCEEDED,
    tests: ['test/domain/capacity.test.ts', 'test/routes/visits-concurrency.test.ts'],
  },
  REGION_SPACING_VIOLATION: {
    code: 'REGION_SPACING_VIOLATION',
    scope: 'region',
    source: REGION_SOURCE,
    check: spacingRefusal,
    sqlGuard: 'no counted visit of the region starts fewer than min_gap_days days before or after start_date',
    slotSearch: SLOT_FILTERS.REGION_SPACING_VIOLATION,
    planner: PLANNER_RULES.REGION_SPACING_VIOLATION,
    tests: ['test/domain/capacity.test.ts'],
  },
};

/**
 * The codes as a complete list: compiles only when every refusal code is in it. The second
 * type parameter turns a missing code into an error that names the problem.
 */
function everyCode<const T extends readonly BookingRefusalCode[]>(
  codes: T & ([Exclude<BookingRefusalCode, T[number]>] extends [never] ? unknown : 'must list every BookingRefusalCode'),
): T {
  return codes;
}

/** The checking order: checkBooking names the first rule that refuses, in this order. */
export const BOOKING_RULE_ORDER = everyCode([
  'HEADCOUNT_CAP_EXCEEDED',
  'BATCH_CAP_EXCEEDED',
  'PERSON_TRIPS_CAP_EXCEEDED',
  'BLACKOUT_CONFLICT',
  'REGION_CAPACITY_EXCEEDED',
  'REGION_SPACING_VIOLATION',
]);

/** The same codes in the order the contract (docs/API.md, Visits) and the OpenAPI descriptions list them. */
export const BOOKING_REFUSAL_CODES = everyCode([
  'BATCH_CAP_EXCEEDED',
  'HEADCOUNT_CAP_EXCEEDED',
  'PERSON_TRIPS_CAP_EXCEEDED',
  'REGION_CAPACITY_EXCEEDED',
  'REGION_SPACING_VIOLATION',
  'BLACKOUT_CONFLICT',
]);

/** The rules in checking order. */
export const BOOKING_RULES_IN_ORDER: readonly BookingRule[] = BOOKING_RULE_ORDER.map((code) => BOOKING_RULES[code]);

/** Tables outside the domain, each keyed by BookingRefusalCode (the domain cannot import them). */
export const BOOKING_RULE_TABLES = {
  sqlGuard: 'src/db/repo/visit-guards.ts#GUARD_CLAUSES (bookingGuard = the region exists AND every clause, in checking order)',
  messages: 'src/views/booking-rule-messages.ts#BOOKING_RULE_MESSAGES (zh/en, with the numbers)',
  detail: "src/services/visit-problems.ts#REFUSAL_DETAIL (the 409's English detail)",
  httpStatusAndTitle: 'src/http/problem.ts#STATUS_AND_TITLE',
} as const;

/** The tests that hold each form of every rule in agreement with its pure check. */
export const AGREEMENT_TESTS = {
  sqlGuard: 'test/routes/guard-agreement.test.ts',
  slotSearch: 'test/domain/slots.test.ts',
  planner: 'test/domain/planner/feasibility.test.ts',
  index: 'test/domain/booking-rules.test.ts',
} as const;

export function isBookingRefusalCode(code: string): code is BookingRefusalCode {
  return Object.hasOwn(BOOKING_RULES, code);
}

/** A table with one entry per refusal code, each taking that code's refusal. */
export type RefusalTable<T> = { readonly [C in BookingRefusalCode]: (refusal: RefusalOf<C>) => T };

/** The table's entry for this refusal, applied to it. */
export function byRefusal<T>(table: RefusalTable<T>, refusal: BookingRefusal): T {
  // The entry for refusal.code takes exactly that code's refusal; TypeScript cannot correlate the
  // key and the argument through the union, hence the one cast.
  return (table[refusal.code] as (refusal: BookingRefusal) => T)(refusal);
}
