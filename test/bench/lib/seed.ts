// Fast bulk seeding through the raw libSQL client: many rows per INSERT, one transaction per
// chunk. The rows are spread the way a province's history would be: many units, the four
// regions, decades of years, every status, visits of 1..10 days.
import type { Client, InStatement } from '@libsql/client';
import { addDays, fromDayNumber, toDayNumber } from '../../../src/domain/dates.js';

export const REGION_IDS = ['aksu', 'alar', 'nagqu', 'haixi'] as const;
export const CITY_IDS = [
  'hangzhou',
  'ningbo',
  'wenzhou',
  'jiaxing',
  'huzhou',
  'shaoxing',
  'jinhua',
  'quzhou',
  'zhoushan',
  'taizhou',
  'lishui',
] as const;

/** Small deterministic PRNG (mulberry32) so every run seeds the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Departments besides the 11 seeded cities, so caps are spread over a realistic number of units. */
export async function ensureDepartments(client: Client, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `dept-${String(i + 1).padStart(3, '0')}`);
  const at = '2020-01-01T00:00:00.000Z';
  const statements: InStatement[] = ids.map((id, i) => ({
    sql: `INSERT OR IGNORE INTO units (id, name, kind, created_at) VALUES (?, ?, 'department', ?)`,
    args: [id, `省直部门${i + 1}`, at],
  }));
  if (statements.length) await client.batch(statements, 'write');
  return [...CITY_IDS, ...ids];
}

const STATUS_WEIGHTS: [string, number][] = [
  ['approved', 0.55],
  ['submitted', 0.1],
  ['coordinated', 0.08],
  ['rejected', 0.1],
  ['withdrawn', 0.1],
  ['cancelled', 0.07],
];

function pickStatus(r: number): string {
  let acc = 0;
  for (const [status, weight] of STATUS_WEIGHTS) {
    acc += weight;
    if (r < acc) return status;
  }
  return 'approved';
}

export interface SeedOptions {
  count: number;
  unitIds: readonly string[];
  regionIds?: readonly string[];
  /** Inclusive year range the visits start in. */
  fromYear: number;
  toYear: number;
  seed?: number;
  /** Only counted statuses (submitted/coordinated/approved) when set. */
  countedOnly?: boolean;
  actorId: string;
  /** Prefix of generated ids, so several seedings can share a database. */
  idPrefix?: string;
  rowsPerStatement?: number;
  /** Visit lengths drawn from 1..maxDays. */
  maxDays?: number;
}

const VISIT_COLUMNS = `id, unit_id, region_id, kind, start_date, end_date, year, headcount, leader_name, leader_title, purpose,
  cadres_visited, consolation_yuan, status, sequence, coordination_opinion, idempotency_key, last_op_id, created_by, created_at, updated_at`;

/** Inserts `count` visits and their 'create' audit rows; returns how many went in. */
export async function seedVisits(client: Client, options: SeedOptions): Promise<number> {
  const random = prng(options.seed ?? 42);
  const regionIds = options.regionIds ?? REGION_IDS;
  const perStatement = options.rowsPerStatement ?? 400;
  const maxDays = options.maxDays ?? 10;
  const firstDay = toDayNumber(`${options.fromYear}-01-01`);
  const lastDay = toDayNumber(`${options.toYear}-12-31`);
  const prefix = options.idPrefix ?? 'seed';
  let inserted = 0;
  while (inserted < options.count) {
    const n = Math.min(perStatement, options.count - inserted);
    const visitArgs: (string | number | null)[] = [];
    const auditArgs: (string | number | null)[] = [];
    for (let i = 0; i < n; i++) {
      const index = inserted + i;
      const id = `${prefix}-${String(index).padStart(7, '0')}`;
      const start = fromDayNumber(firstDay + Math.floor(random() * (lastDay - firstDay + 1)));
      const end = addDays(start, Math.floor(random() * maxDays));
      const condolence = random() < 0.3;
      const status = options.countedOnly ? pickStatus(random() * 0.73) : pickStatus(random());
      const at = `${start.slice(0, 4)}-01-01T00:00:00.000Z`;
      visitArgs.push(
        id,
        options.unitIds[Math.floor(random() * options.unitIds.length)]!,
        regionIds[Math.floor(random() * regionIds.length)]!,
        condolence ? 'condolence' : 'inspection',
        start,
        end,
        Number(start.slice(0, 4)),
        3 + Math.floor(random() * 20),
        '带队领导',
        '副市长',
        condolence ? '慰问援疆干部' : '考察对接项目',
        condolence ? 1 + Math.floor(random() * 10) : null,
        condolence ? 1000 * (1 + Math.floor(random() * 50)) : null,
        status,
        status === 'submitted' ? 0 : 2,
        // The HQ's opinion, as coordination leaves it: every visit past it has one; of the
        // rejected ones, those the HQ disagreed with (the rest the office rejected before).
        status === 'coordinated' || status === 'approved' || (status === 'rejected' && index % 2 === 0) ? '同意,已与受援地衔接' : null,
        null,
        `op-${id}`,
        options.actorId,
        at,
        at,
      );
      auditArgs.push('visit', id, at, options.actorId, 'create', null, 'submitted');
    }
    const rowMarks = (cols: number) => `(${Array(cols).fill('?').join(',')})`;
    await client.batch(
      [
        { sql: `INSERT INTO visits (${VISIT_COLUMNS}) VALUES ${Array(n).fill(rowMarks(21)).join(',')}`, args: visitArgs },
        {
          sql: `INSERT INTO audit_log (entity, entity_id, at, actor_id, action, from_status, to_status) VALUES ${Array(n).fill(rowMarks(7)).join(',')}`,
          args: auditArgs,
        },
      ],
      'write',
    );
    inserted += n;
  }
  return inserted;
}
