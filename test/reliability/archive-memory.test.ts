// The year's archive streams (issue 20, "Must hold"): the real server (src/server.ts, a child
// process on 127.0.0.1) holds a year of 1,000 visits and 100 MB of documents uploaded through the
// API; while the archive downloads, the server's resident memory (read from /proc) grows by less
// than 50 MB, Info-ZIP's `unzip -t` passes, and every SHA-256 in manifest.json matches the file.
//
// Measured on the server that took the uploads, as a running service would be. A process that
// has never collected garbage holding ArrayBuffers lets spent chunks pile up to V8's first
// external-memory limit (64 MB) before its first such collection, whatever the archive's size;
// after that, collections come every 15-20 MB (docs/ARCHITECTURE.md, "Documents").
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/setup.js';
import { CITY_IDS, seedVisits } from '../bench/lib/seed.js';
import { httpLogin } from '../bench/lib/http.js';
import { startServer, type ServerProcess } from '../bench/lib/server-process.js';
import { sha256 } from '../helpers/documents.js';
import { checkArchive } from '../helpers/zip-check.js';

const ADMIN = { email: 'archive-admin@test.local', password: 'archive-admin-password' };
const YEAR = 2030;
const VISITS = 1_000;
const DOCUMENTS = 50;
const DOCUMENT_BYTES = 2 * 1024 * 1024;
const MB = 1024 * 1024;

let dir: string;
let server: ServerProcess;
let token: string;
const uploaded = new Map<string, string>();

/** The child's resident set size, from the kernel. */
function rssOf(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
  if (!line) throw new Error('no VmRSS in /proc/<pid>/status');
  return Number(line[1]) * 1024;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'planner-archive-memory-'));
  const databaseUrl = `file:${join(dir, 'planner.db')}`;
  const seeded = await openDatabase(databaseUrl);
  await seedVisits(seeded.client, { count: VISITS, unitIds: CITY_IDS, fromYear: YEAR, toYear: YEAR, actorId: 'seed', idPrefix: 'archive' });
  seeded.client.close();
  server = await startServer({
    databaseUrl,
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
    env: { FILES_DIR: join(dir, 'files') },
  });
  token = await httpLogin(server.baseUrl, ADMIN.email, ADMIN.password);

  // 100 MB of distinct documents (so none is stored once for two), through the real upload path.
  for (let i = 0; i < DOCUMENTS; i++) {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(DOCUMENT_BYTES - 9)]);
    const form = new FormData();
    form.append('kind', i % 2 ? 'other' : 'official_letter');
    form.append('file', new Blob([bytes], { type: 'application/pdf' }), `扫描件-${i}.pdf`);
    const visitId = `archive-${String(i * 7).padStart(7, '0')}`;
    const res = await fetch(`${server.baseUrl}/api/v1/visits/${visitId}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    uploaded.set(`documents/${visitId}/扫描件-${i}.pdf`, sha256(bytes));
  }
}, 180_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Downloads the year's archive to a file while sampling the server's RSS; the peak and the file. */
async function downloadSampling(year: number): Promise<{ path: string; peak: number; before: number; seconds: number }> {
  const pid = server.child.pid!;
  const before = rssOf(pid);
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssOf(pid));
  }, 10);
  const path = join(dir, `archive-${year}.zip`);
  const started = performance.now();
  try {
    const res = await fetch(`${server.baseUrl}/api/v1/archive/${year}.zip`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    await pipeline(Readable.fromWeb(res.body as never), createWriteStream(path));
    expect(statSync(path).size).toBe(Number(res.headers.get('content-length')));
  } finally {
    clearInterval(sampler);
  }
  peak = Math.max(peak, rssOf(pid));
  return { path, peak, before, seconds: (performance.now() - started) / 1000 };
}

describe('the archive of a year with 1,000 visits and 100 MB of documents', () => {
  it('streams with the server’s memory growing by less than 50 MB, and verifies with unzip and the manifest', async () => {
    // Warm up the code path on an empty year, so the measurement is the documents' streaming.
    await downloadSampling(YEAR + 1);
    const run = await downloadSampling(YEAR);
    const size = statSync(run.path).size;
    const growth = run.peak - run.before;
    console.log(
      `archive ${YEAR}: ${(size / MB).toFixed(1)} MB in ${run.seconds.toFixed(2)} s; server RSS ${(run.before / MB).toFixed(1)} MB before, ` +
        `${(run.peak / MB).toFixed(1)} MB at peak (+${(growth / MB).toFixed(1)} MB)`,
    );
    expect(size).toBeGreaterThan(DOCUMENTS * DOCUMENT_BYTES);
    expect(growth).toBeLessThan(50 * MB);

    const archive = checkArchive(run.path);
    expect(archive.tested).toMatch(/No errors detected/);
    const documents = archive.manifest.files.filter((f) => f.path.startsWith('documents/'));
    expect(documents).toHaveLength(DOCUMENTS);
    for (const [path, hash] of uploaded) expect(documents.find((f) => f.path === path)?.sha256).toBe(hash);
    const visits = parse(archive.read('visits.csv').toString('utf8'), { bom: true, columns: true });
    expect(visits).toHaveLength(VISITS);
    rmSync(archive.dir, { recursive: true, force: true });
  }, 180_000);
});
