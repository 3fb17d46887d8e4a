// A fingerprint of every table (row count and a hash of all rows), read through a fresh
// connection, so "no row changed" is checked against what is really in the file.
import { createHash } from 'node:crypto';
import { createLibsqlDb } from '../../../src/db/client.js';

export type Fingerprint = Record<string, { rows: number; hash: string }>;

export async function fingerprint(url: string): Promise<Fingerprint> {
  const fresh = createLibsqlDb(url);
  try {
    const tables = await fresh.client.execute(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`);
    const result: Fingerprint = {};
    for (const t of tables.rows) {
      const name = String(t.name);
      const rows = await fresh.client.execute(`SELECT * FROM "${name.replace(/"/g, '""')}"`);
      const lines = rows.rows.map((r) => JSON.stringify(rows.columns.map((c) => (typeof r[c] === 'bigint' ? String(r[c]) : r[c])))).sort();
      result[name] = { rows: lines.length, hash: createHash('sha256').update(lines.join('\n')).digest('hex') };
    }
    return result;
  } finally {
    fresh.client.close();
  }
}

/** The tables whose rows differ between two fingerprints. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => before[n]?.hash !== after[n]?.hash).sort();
}
