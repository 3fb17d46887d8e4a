// GET /api/v1/archive/{year}.zip: what the year's archive holds, checked with Info-ZIP's unzip
// and a real CSV parser: the year's records only, every history entry, each reception's list,
// every document (withdrawn ones too, names made unique), and a manifest whose every SHA-256
// matches. Only the office may have it.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createUserAndLogin, loginAdmin } from '../helpers/api.js';
import { createTestApp, FIXED_NOW, type TestContext } from '../helpers/app.js';
import { ofdPackage, PDF, PNG, sha256 } from '../helpers/documents.js';
import { documentForm, upload } from '../helpers/multipart.js';
import { newReception, newVisit } from '../helpers/records.js';
import { type CheckedArchive, checkArchive } from '../helpers/zip-check.js';

let ctx: TestContext;
let office: string;
let unit: string;
let visit2027: string;
let visit2028: string;
let reception2027: string;
let withdrawn: string;
let archive: CheckedArchive;
let response: Response;
let zipBytes: Uint8Array;

const csv = (text: Buffer) => parse(text.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];

beforeAll(async () => {
  ctx = await createTestApp();
  office = await loginAdmin(ctx);
  unit = (await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'hangzhou' })).token;
  visit2027 = await newVisit(ctx, unit, { purpose: '=HYPERLINK("http://evil.example","考察")' });
  visit2028 = await newVisit(ctx, unit, { startDate: '2028-05-01', endDate: '2028-05-03' });
  reception2027 = await newReception(ctx, unit);
  let second = 0;
  const put = (path: string, bytes: Uint8Array, filename: string, kind = 'other') => {
    // One upload a second, as people upload: the archive names a record's files in upload order.
    ctx.setNow(new Date(FIXED_NOW.getTime() + ++second * 1000));
    return upload(ctx, path, documentForm({ bytes, filename }, kind), unit).then((r) => {
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.id as string;
    });
  };
  await put(`/api/v1/visits/${visit2027}/documents`, PDF, '公函.pdf', 'official_letter');
  await put(`/api/v1/visits/${visit2027}/documents`, PNG, '公函.pdf');
  withdrawn = await put(`/api/v1/visits/${visit2027}/documents`, ofdPackage(), '旧版.ofd');
  expect((await call(ctx, 'POST', `/api/v1/documents/${withdrawn}/withdraw`, { token: unit })).status).toBe(200);
  await put(`/api/v1/receptions/${reception2027}/documents`, PDF, '阿地委函.pdf', 'official_letter');
  await put(`/api/v1/visits/${visit2028}/documents`, PNG, 'next-year.png');

  response = await ctx.app.request('/api/v1/archive/2027.zip', { headers: { authorization: `Bearer ${office}` } });
  zipBytes = new Uint8Array(await response.arrayBuffer());
  const path = join(tmpdir(), `archive-test-${process.pid}.zip`);
  writeFileSync(path, zipBytes);
  archive = checkArchive(path);
});

afterAll(() => ctx.database.client.close());

describe('the archive of a year', () => {
  it('is a ZIP download of the announced length that unzip -t passes', () => {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="archive-2027.zip"');
    expect(Number(response.headers.get('content-length'))).toBe(zipBytes.byteLength);
    expect(archive.tested).toMatch(/No errors detected/);
  });

  it('holds the sheets, each reception’s list, every document of the year’s records and the manifest', () => {
    expect(archive.paths).toEqual(
      [
        'visits.csv',
        'receptions.csv',
        'history.csv',
        `reception-lists/${reception2027}.csv`,
        `documents/${visit2027}/公函.pdf`,
        `documents/${visit2027}/公函 (2).pdf`,
        `documents/${visit2027}/旧版.ofd`,
        `documents/${reception2027}/阿地委函.pdf`,
        'manifest.json',
      ].sort(),
    );
    expect(sha256(archive.read(`documents/${visit2027}/公函.pdf`))).toBe(sha256(PDF));
    expect(sha256(archive.read(`documents/${visit2027}/旧版.ofd`))).toBe(sha256(ofdPackage()));
  });

  it('lists every other file in manifest.json with a SHA-256 that matches (checked by checkArchive)', () => {
    expect(archive.manifest.year).toBe(2027);
    expect(archive.manifest.files.map((f) => f.path).sort()).toEqual(archive.paths.filter((p) => p !== 'manifest.json'));
    const old = archive.manifest.files.find((f) => f.path.endsWith('旧版.ofd'));
    expect(old?.document).toMatchObject({ id: withdrawn, kind: 'other', contentType: 'application/ofd', withdrawnAt: expect.any(String) });
  });

  it('has the year’s visits and receptions only, with formula-like cells neutralised', () => {
    const visits = csv(archive.read('visits.csv'));
    expect(visits.map((v) => v['编号 (ID)'])).toEqual([visit2027]);
    expect(visits[0]!['事由 (Purpose)']).toBe(`'=HYPERLINK("http://evil.example","考察")`);
    expect(visits[0]!['单位 (Unit)']).toBe('杭州市');
    expect(csv(archive.read('receptions.csv')).map((r) => r['编号 (ID)'])).toEqual([reception2027]);
    expect(archive.read(`reception-lists/${reception2027}.csv`).toString('utf8')).toContain('阿地委函〔2027〕12号');
  });

  it('has every history entry about those records, documents’ uploads and withdrawal included, and none of the next year’s', () => {
    const history = csv(archive.read('history.csv'));
    const about = (id: string) => history.filter((h) => h['对象编号 (Entity ID)'] === id).map((h) => h['操作 (Action)']);
    expect(about(visit2027)).toEqual(['create', 'document_upload', 'document_upload', 'document_upload', 'document_withdraw']);
    expect(about(reception2027)).toEqual(['create', 'document_upload']);
    expect(about(visit2028)).toEqual([]);
  });
});

describe('who may have it', () => {
  it('is the office’s alone; a year that is not one is 422', async () => {
    const status = async (path: string, token?: string) =>
      (await ctx.app.request(path, { headers: token ? { authorization: `Bearer ${token}` } : {} })).status;
    expect(await status('/api/v1/archive/2027.zip', unit)).toBe(403);
    expect(await status('/api/v1/archive/2027.zip')).toBe(401);
    expect(await status('/api/v1/archive/20x7.zip', office)).toBe(422);
    expect(await status('/api/v1/archive/1999.zip', office)).toBe(422);
    expect(await status('/api/v1/archive/2027.tar', office)).toBe(404);
  });

  it('is an empty but valid archive for a year without records', async () => {
    const res = await ctx.app.request('/api/v1/archive/2035.zip', { headers: { authorization: `Bearer ${office}` } });
    const path = join(tmpdir(), `archive-empty-${process.pid}.zip`);
    writeFileSync(path, new Uint8Array(await res.arrayBuffer()));
    const empty = checkArchive(path);
    expect(empty.paths).toEqual(['history.csv', 'manifest.json', 'receptions.csv', 'visits.csv']);
  });
});
