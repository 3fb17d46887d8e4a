// Who is told of what (docs/API.md, "Notifications"): each event type and the parties whose
// accounts receive it, and how long and how often a message is tried again. Pure: the SQL that
// selects the accounts (db/repo/outbox.ts) and the texts (services/notification-text.ts) follow
// this table.
import type { ReceptionStatus, VisitStatus } from './types.js';

export const VISIT_EVENT_TYPES = [
  'visit.submitted',
  'visit.coordinated',
  'visit.approved',
  'visit.rejected',
  'visit.cancelled',
  'visit.withdrawn',
] as const;
export const RECEPTION_EVENT_TYPES = ['reception.submitted', 'reception.approved', 'reception.rejected', 'reception.cancelled'] as const;
export const EVENT_TYPES = [...VISIT_EVENT_TYPES, ...RECEPTION_EVENT_TYPES, 'monthly.outlook'] as const;

export type VisitEventType = (typeof VISIT_EVENT_TYPES)[number];
export type ReceptionEventType = (typeof RECEPTION_EVENT_TYPES)[number];
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * Accounts told: every office account; the HQ accounts of the record's region; the accounts of
 * the record's unit (a visit's owner, a reception's host).
 */
export type Party = 'office' | 'region-hq' | 'record-unit';

/** The contract's table. The monthly outlook goes to the office (all regions) or one region's HQ. */
export const RECIPIENTS: Record<Exclude<EventType, 'monthly.outlook'>, readonly Party[]> = {
  'visit.submitted': ['region-hq'],
  'visit.coordinated': ['office', 'record-unit'],
  'visit.approved': ['record-unit', 'region-hq'],
  'visit.rejected': ['record-unit', 'region-hq'],
  'visit.cancelled': ['record-unit', 'region-hq'],
  'visit.withdrawn': ['region-hq', 'office'],
  'reception.submitted': ['office'],
  'reception.approved': ['record-unit'],
  'reception.rejected': ['record-unit'],
  'reception.cancelled': ['record-unit'],
};

/** Every visit status is reached by exactly one kind of change, so the status names the event. */
export const visitEventOf = (status: VisitStatus): VisitEventType => `visit.${status}`;
export const receptionEventOf = (status: ReceptionStatus): ReceptionEventType => `reception.${status}`;

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}

export interface RetrySchedule {
  /** The wait after the first failure; each further failure doubles it… */
  baseMs: number;
  /** …up to this. */
  maxMs: number;
  /** A message still failing this long after its event is given up (at least 24 hours). */
  giveUpAfterMs: number;
}

export const DEFAULT_RETRY: RetrySchedule = { baseMs: 30_000, maxMs: 3_600_000, giveUpAfterMs: 72 * 3_600_000 };

/** When to try again after `attempts` failed tries, or null when the message is given up. */
export function nextAttemptAt(schedule: RetrySchedule, args: { attempts: number; createdAt: Date; now: Date }): Date | null {
  const exponent = Math.min(Math.max(args.attempts - 1, 0), 30);
  const wait = Math.min(schedule.baseMs * 2 ** exponent, schedule.maxMs);
  const next = new Date(args.now.getTime() + wait);
  return next.getTime() - args.createdAt.getTime() > schedule.giveUpAfterMs ? null : next;
}
