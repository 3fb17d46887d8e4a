// The monthly outlook (月询, docs/API.md "Notifications"): on the 1st of each month the
// office is told of every region's visits and receptions that month, and each HQ of its own
// region's. Created by the delivery pass (the Node loop, the Workers cron) once per month and
// scope: the event's dedupe key makes a second creation, by another process or after a restart,
// write nothing. A service down on the 1st catches up within the first days of the month.
import { eventExists, existingDedupeKeys, insertScopedEvent } from '../db/repo/events.js';
import type { Db } from '../db/client.js';
import type { Actor } from '../domain/actor.js';
import { calendarDayIn, PROGRAMME_TIME_ZONE } from '../domain/dates.js';
import { newId } from '../lib/crypto.js';
import { messagesWaiting, type ServiceDeps, telling } from './deps.js';
import { monthlyReport } from './reports.js';

/** Up to this day of the month, a missing outlook is still sent (the service was down on the 1st). */
export const OUTLOOK_CATCH_UP_DAYS = 7;

// The months whose outlooks this process already found complete, per database: checked once, not
// on every pass.
const completeMonths = new WeakMap<Db, string>();

const OUTLOOK_READER: Actor = { id: 'system', email: 'system', role: 'office', unitId: null, regionId: null, displayName: null };

const keyOf = (month: string, scope: string) => `monthly.outlook:${month}:${scope}`;

/** Creates this month's outlooks that do not exist yet (none after the catch-up days). */
export async function ensureMonthlyOutlook(deps: ServiceDeps): Promise<number> {
  const now = deps.now();
  const today = calendarDayIn(PROGRAMME_TIME_ZONE, now);
  const month = today.slice(0, 7);
  if (Number(today.slice(8, 10)) > OUTLOOK_CATCH_UP_DAYS || completeMonths.get(deps.db) === month) return 0;
  const report = await monthlyReport(deps, OUTLOOK_READER, month);
  const scopes = [
    { scope: 'all', regionId: null as string | null },
    ...report.regions.map((r) => ({ scope: r.regionId, regionId: r.regionId })),
  ];
  const existing = await existingDedupeKeys(
    deps.db,
    scopes.map((s) => keyOf(month, s.scope)),
  );
  let created = 0;
  for (const { scope, regionId } of scopes) {
    const dedupeKey = keyOf(month, scope);
    if (existing.has(dedupeKey)) continue;
    const regions = regionId ? report.regions.filter((r) => r.regionId === regionId) : report.regions;
    const eventId = newId();
    await insertScopedEvent(
      deps.db,
      { type: 'monthly.outlook', parties: regionId ? ['region-hq'] : ['office'], email: telling(deps).email },
      {
        eventId,
        type: 'monthly.outlook',
        recordType: 'month',
        recordId: month,
        regionId,
        at: now.toISOString(),
        data: { month, scope, regions },
        dedupeKey,
      },
    );
    if (await eventExists(deps.db, eventId)) created++;
  }
  completeMonths.set(deps.db, month);
  if (created > 0) messagesWaiting(deps);
  return created;
}
