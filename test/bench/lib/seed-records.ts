// Bulk seeding of the records around the visits: receptions spread over the years like the
// visits, and open plan requests of a year. Same approach as seed.ts (many rows per statement).
import type { Client, InStatement } from '@libsql/client';
import { addDays, fromDayNumber, toDayNumber } from '../../../src/domain/dates.js';
import { prng, REGION_IDS } from './seed.js';

const RECEPTION_STATUS_WEIGHTS: [string, number][] = [
  ['approved', 0.6],
  ['submitted', 0.2],
  ['rejected', 0.1],
  ['cancelled', 0.1],
];

function pickReceptionStatus(r: number): string {
  let acc = 0;
  for (const [status, weight] of RECEPTION_STATUS_WEIGHTS) {
    acc += weight;
    if (r < acc) return status;
  }
  return 'approved';
}

const RECEPTION_COLUMNS = `id, host_unit_id, region_id, official_letter_ref, start_date, end_date, guest_count, lead_rank, guests_json,
  work_meal_json, lodging_json, activities_json, venue, dietary_notes, gifts_yuan, status, sequence, last_op_id, created_by, created_at, updated_at`;

/** Inserts `count` receptions (1..3 days, two guests, a work meal) spread like the visits; returns how many. */
export async function seedReceptions(
  client: Client,
  options: {
    count: number;
    unitIds: readonly string[];
    fromYear: number;
    toYear: number;
    seed?: number;
    actorId: string;
    idPrefix?: string;
  },
): Promise<number> {
  const random = prng(options.seed ?? 77);
  const prefix = options.idPrefix ?? 'rseed';
  const firstDay = toDayNumber(`${options.fromYear}-01-01`);
  const lastDay = toDayNumber(`${options.toYear}-12-31`);
  const guests = JSON.stringify([
    { name: '来宾甲', title: '副专员', rank: 'departmental' },
    { name: '来宾乙', title: '处长', rank: 'county' },
  ]);
  let inserted = 0;
  while (inserted < options.count) {
    const n = Math.min(200, options.count - inserted);
    const args: (string | number | null)[] = [];
    for (let i = 0; i < n; i++) {
      const index = inserted + i;
      const start = fromDayNumber(firstDay + Math.floor(random() * (lastDay - firstDay + 1)));
      const status = pickReceptionStatus(random());
      const at = `${start.slice(0, 4)}-01-01T00:00:00.000Z`;
      args.push(
        `${prefix}-${String(index).padStart(7, '0')}`,
        options.unitIds[Math.floor(random() * options.unitIds.length)]!,
        REGION_IDS[Math.floor(random() * REGION_IDS.length)]!,
        `受援地函〔${start.slice(0, 4)}〕${index}号`,
        start,
        addDays(start, Math.floor(random() * 3)),
        2,
        'departmental',
        guests,
        JSON.stringify({ date: start, accompanyCount: 2, costPerPersonYuan: 90 }),
        '[]',
        '[]',
        '杭州',
        null,
        0,
        status,
        status === 'submitted' ? 0 : 1,
        `${prefix}-op-${index}`,
        options.actorId,
        at,
        at,
      );
    }
    await client.batch(
      [
        {
          sql: `INSERT INTO receptions (${RECEPTION_COLUMNS}) VALUES ${Array(n)
            .fill(`(${Array(21).fill('?').join(',')})`)
            .join(',')}`,
          args,
        },
      ],
      'write',
    );
    inserted += n;
  }
  return inserted;
}

/** `count` open plan requests of `year`, spread over the regions, months and units. */
export async function seedPlanRequests(
  client: Client,
  options: { count: number; year: number; unitIds: readonly string[]; actorId: string },
) {
  const statements: InStatement[] = Array.from({ length: options.count }, (_, i) => {
    const month = String(1 + (i % 12)).padStart(2, '0');
    return {
      sql: `INSERT INTO plan_requests (id, year, unit_id, region_id, kind, days, headcount, earliest, latest, preferred_start, priority,
        leader_name, purpose, status, visit_id, created_by, created_at, updated_at)
        VALUES (?, ?, ?, ?, 'inspection', 3, 5, ?, ?, NULL, ?, '带队领导', '考察对接', 'open', NULL, ?, ?, ?)`,
      args: [
        `preq-${options.year}-${i}`,
        options.year,
        options.unitIds[i % options.unitIds.length]!,
        REGION_IDS[i % REGION_IDS.length]!,
        `${options.year}-${month}-01`,
        `${options.year}-${month}-25`,
        1 + (i % 3),
        options.actorId,
        '2026-12-01T00:00:00.000Z',
        '2026-12-01T00:00:00.000Z',
      ],
    };
  });
  if (statements.length) await client.batch(statements, 'write');
}
