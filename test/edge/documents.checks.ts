// Documents in workerd: the same upload, download and archive as on Node, with the bytes in
// wrangler's local R2 (the FILES binding) instead of FILES_DIR. Same bytes and SHA-256 back, 404
// to another unit and another region's HQ, 413 beyond 10 MB, and a year's archive that Info-ZIP
// tests clean with every SHA-256 in its manifest matching.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../src/domain/documents.js';
import { ofdPackage, PDF, PNG, sha256 } from '../helpers/documents.js';
import { documentForm } from '../helpers/multipart.js';
import { checkArchive } from '../helpers/zip-check.js';
import type { EdgeSuite } from './helpers/suite.js';
import { day, visitBody, YEAR } from './helpers/visits.js';

export function documentChecks(edge: EdgeSuite): void {
  let unit: string;
  let otherUnit: string;
  let otherHq: string;
  let visitId: string;

  beforeAll(async () => {
    if (edge.startError !== undefined) return; // the checks below then fail with it
    const office = edge.adminToken;
    unit = (await edge.http.createUser(office, { role: 'unit', unitId: 'jinhua' })).token;
    otherUnit = (await edge.http.createUser(office, { role: 'unit', unitId: 'quzhou' })).token;
    otherHq = (await edge.http.createUser(office, { role: 'hq', regionId: 'nagqu' })).token;
    await edge.http.call('PUT', '/api/v1/regions/aksu/rules', {
      token: office,
      body: { maxConcurrentDelegations: 100, minGapDays: 0, blackouts: [] },
    });
    const booked = await edge.http.call('POST', '/api/v1/visits', {
      token: unit,
      body: visitBody({ startDate: day('09-01'), endDate: day('09-02') }),
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    visitId = booked.body.id;
  });

  const send = (token: string | undefined, form: { body: Uint8Array<ArrayBuffer>; contentType: string }) =>
    fetch(`${edge.baseUrl}/api/v1/visits/${visitId}/documents`, {
      method: 'POST',
      headers: { 'content-type': form.contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: form.body,
      signal: AbortSignal.timeout(30_000),
    });
  const get = (path: string, token?: string) =>
    fetch(`${edge.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal: AbortSignal.timeout(60_000) });

  it('gives back the same bytes and SHA-256 it was given, from R2', async () => {
    for (const [bytes, filename] of [
      [PDF, '公函扫描件.pdf'],
      [PNG, 'scan.png'],
      [ofdPackage(), '电子公文.ofd'],
    ] as const) {
      const res = await send(unit, documentForm({ bytes, filename }, 'official_letter'));
      const body = (await res.json()) as any;
      expect(res.status, JSON.stringify(body)).toBe(201);
      expect(body).toMatchObject({ filename, size: bytes.byteLength, sha256: sha256(bytes) });
      const got = await get(`/api/v1/documents/${body.id}`, unit);
      expect(got.status).toBe(200);
      expect(got.headers.get('content-disposition')).toMatch(/^attachment; /);
      expect(got.headers.get('x-content-type-options')).toBe('nosniff');
      expect(got.headers.get('content-length')).toBe(String(bytes.byteLength));
      expect(sha256(new Uint8Array(await got.arrayBuffer()))).toBe(sha256(bytes));
    }
    const [rows] = await edge.stored([`SELECT count(*) AS n FROM documents WHERE record_id = '${visitId}'`]);
    expect(rows).toEqual([{ n: 3 }]);
  });

  it('answers 404 on the list and the document to another unit, another region’s HQ and anonymous', async () => {
    const list = await get(`/api/v1/visits/${visitId}/documents`, unit);
    const [first] = ((await list.json()) as any).items;
    for (const token of [otherUnit, otherHq, undefined]) {
      expect((await get(`/api/v1/visits/${visitId}/documents`, token)).status).toBe(404);
      expect((await get(`/api/v1/documents/${first.id}`, token)).status).toBe(404);
    }
  });

  it('refuses a file over 10 MB with 413 and a program with 415', async () => {
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    big.set(PDF);
    const tooBig = await send(unit, documentForm({ bytes: big, filename: 'big.pdf' }));
    expect(tooBig.status).toBe(413);
    const program = await send(unit, documentForm({ bytes: new TextEncoder().encode('MZ\x90\x00 not a scan'), filename: 'scan.pdf' }));
    expect(program.status).toBe(415);
  });

  it('exports the year as a ZIP that unzip -t passes, every SHA-256 of its manifest matching', async () => {
    const res = await get(`/api/v1/archive/${YEAR}.zip`, edge.adminToken);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.byteLength).toBe(Number(res.headers.get('content-length')));
    const path = join(tmpdir(), `edge-archive-${process.pid}.zip`);
    writeFileSync(path, bytes);
    const archive = checkArchive(path);
    expect(archive.tested).toMatch(/No errors detected/);
    expect(archive.paths).toContain(`documents/${visitId}/公函扫描件.pdf`);
    expect(sha256(archive.read(`documents/${visitId}/电子公文.ofd`))).toBe(sha256(ofdPackage()));
  });
}
