// Documents over HTTP against a real libSQL file and a real FILES_DIR: upload → download gives
// the same bytes and SHA-256 for every accepted format, the list and the download are 404 to
// whoever may not see the record, and a withdrawn document leaves the list but not the store.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../src/domain/documents.js';
import { call, createUserAndLogin, loginAdmin } from '../helpers/api.js';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { JPEG, ofdPackage, PDF, PNG, sha256 } from '../helpers/documents.js';
import { documentForm, download, multipartBody, upload } from '../helpers/multipart.js';
import { newReception, newVisit } from '../helpers/records.js';

let ctx: TestContext;
let office: string;
const tokens = {} as Record<'owner' | 'otherUnit' | 'hqOwn' | 'hqOther', string>;
let visitId: string;
let receptionId: string;

beforeAll(async () => {
  ctx = await createTestApp();
  office = await loginAdmin(ctx);
  tokens.owner = (await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'hangzhou' })).token;
  tokens.otherUnit = (await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'ningbo' })).token;
  tokens.hqOwn = (await createUserAndLogin(ctx, office, { role: 'hq', regionId: 'aksu' })).token;
  tokens.hqOther = (await createUserAndLogin(ctx, office, { role: 'hq', regionId: 'nagqu' })).token;
  visitId = await newVisit(ctx, tokens.owner);
  receptionId = await newReception(ctx, tokens.owner);
});

afterAll(() => ctx.database.client.close());

const visitDocs = () => `/api/v1/visits/${visitId}/documents`;
const receptionDocs = () => `/api/v1/receptions/${receptionId}/documents`;

describe('upload and download', () => {
  const files = [
    { label: 'PDF', bytes: PDF, filename: '阿地委函〔2027〕12号 公函.pdf', type: 'application/pdf' },
    { label: 'PNG', bytes: PNG, filename: '扫描件.png', type: 'image/png' },
    { label: 'JPEG', bytes: JPEG, filename: 'photo.JPG', type: 'image/jpeg' },
    { label: 'OFD', bytes: ofdPackage(), filename: '电子公文.ofd', type: 'application/ofd' },
  ];

  for (const file of files) {
    it(`gives back the same ${file.label} bytes and SHA-256, typed by content and as an attachment`, async () => {
      // Declared as something else entirely: the bytes decide.
      const form = documentForm({ bytes: file.bytes, filename: file.filename, contentType: 'text/html' }, 'official_letter');
      const res = await upload(ctx, visitDocs(), form, tokens.owner);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({
        recordType: 'visit',
        recordId: visitId,
        kind: 'official_letter',
        filename: file.filename,
        contentType: file.type,
        size: file.bytes.byteLength,
        sha256: sha256(file.bytes),
        uploadedAt: '2027-01-10T02:00:00.000Z',
        withdrawnAt: null,
      });
      const got = await download(ctx, res.body.id, tokens.owner);
      expect(got.status).toBe(200);
      expect(sha256(got.bytes)).toBe(sha256(file.bytes));
      expect(Buffer.from(got.bytes).equals(Buffer.from(file.bytes))).toBe(true);
      expect(got.headers.get('content-type')).toBe(file.type);
      expect(got.headers.get('x-content-type-options')).toBe('nosniff');
      const disposition = got.headers.get('content-disposition') ?? '';
      expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''/);
      expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(file.filename);
    });
  }

  it('keeps the bytes under their SHA-256 in FILES_DIR, once however often they are uploaded', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.4\n% the same scan, twice\n%%EOF\n');
    const first = await upload(ctx, visitDocs(), documentForm({ bytes, filename: 'a.pdf' }), tokens.owner);
    const second = await upload(ctx, receptionDocs(), documentForm({ bytes, filename: 'b.pdf' }), office);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.body.id).not.toBe(second.body.id);
    const hash = sha256(bytes);
    const path = join(ctx.filesDir, hash.slice(0, 2), hash);
    expect(readFileSync(path).equals(Buffer.from(bytes))).toBe(true);
    expect(readdirSync(join(ctx.filesDir, hash.slice(0, 2))).filter((name) => name === hash)).toHaveLength(1);
    expect(readdirSync(join(ctx.filesDir, '.staging'))).toEqual([]);
  });

  it('accepts a file of exactly 10 MB and refuses one byte more with 413, storing nothing', async () => {
    const exact = new Uint8Array(MAX_DOCUMENT_BYTES);
    exact.set(PDF);
    exact[exact.length - 1] = 7;
    const ok = await upload(ctx, visitDocs(), documentForm({ bytes: exact, filename: 'big.pdf' }), tokens.owner);
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.size).toBe(MAX_DOCUMENT_BYTES);

    const over = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    over.set(PDF);
    const before = (await call(ctx, 'GET', `${visitDocs()}?limit=200`, { token: tokens.owner })).body.items.length;
    const res = await upload(ctx, visitDocs(), documentForm({ bytes: over, filename: 'too-big.pdf' }), tokens.owner);
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await call(ctx, 'GET', `${visitDocs()}?limit=200`, { token: tokens.owner })).body.items.length).toBe(before);
    expect(existsSync(join(ctx.filesDir, sha256(over).slice(0, 2), sha256(over)))).toBe(false);
    expect(readdirSync(join(ctx.filesDir, '.staging'))).toEqual([]);
  });

  it('refuses a body whose declared length is over the limit before reading it', async () => {
    const form = documentForm({ bytes: PDF, filename: 'a.pdf' });
    const res = await ctx.app.request(visitDocs(), {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.owner}`, 'content-type': form.contentType, 'content-length': String(20 * 1024 * 1024) },
      body: form.body,
    });
    expect(res.status).toBe(413);
  });
});

describe('who may upload, list and download', () => {
  let documentId: string;

  beforeAll(async () => {
    const res = await upload(ctx, receptionDocs(), documentForm({ bytes: PNG, filename: '公函.png' }, 'official_letter'), tokens.owner);
    expect(res.status).toBe(201);
    documentId = res.body.id;
  });

  it('lets the record’s unit and the office upload; the HQ of its region may not; others do not see the record', async () => {
    const form = () => documentForm({ bytes: JPEG, filename: 'x.jpg' });
    const statuses = {
      office: (await upload(ctx, receptionDocs(), form(), office)).status,
      owner: (await upload(ctx, receptionDocs(), form(), tokens.owner)).status,
      hqOwn: (await upload(ctx, receptionDocs(), form(), tokens.hqOwn)).status,
      hqOther: (await upload(ctx, receptionDocs(), form(), tokens.hqOther)).status,
      otherUnit: (await upload(ctx, receptionDocs(), form(), tokens.otherUnit)).status,
      anonymous: (await upload(ctx, receptionDocs(), form())).status,
      unknownRecord: (await upload(ctx, '/api/v1/visits/no-such-visit/documents', form(), office)).status,
    };
    expect(statuses).toEqual({ office: 201, owner: 201, hqOwn: 403, hqOther: 404, otherUnit: 404, anonymous: 401, unknownRecord: 404 });
  });

  it('lists and serves a document to whoever sees the record, and answers 404 to another unit, another region’s HQ and anonymous', async () => {
    const outcome = async (token?: string) => ({
      list: (await call(ctx, 'GET', receptionDocs(), { token })).status,
      download: (await download(ctx, documentId, token)).status,
    });
    expect(await outcome(office)).toEqual({ list: 200, download: 200 });
    expect(await outcome(tokens.owner)).toEqual({ list: 200, download: 200 });
    expect(await outcome(tokens.hqOwn)).toEqual({ list: 200, download: 200 });
    expect(await outcome(tokens.otherUnit)).toEqual({ list: 404, download: 404 });
    expect(await outcome(tokens.hqOther)).toEqual({ list: 404, download: 404 });
    expect(await outcome(undefined)).toEqual({ list: 404, download: 404 });
    // The 404 is the same as for a document that does not exist: nothing tells them apart.
    const other = await call(ctx, 'GET', `/api/v1/documents/${documentId}`, { token: tokens.otherUnit });
    const missing = await call(ctx, 'GET', '/api/v1/documents/no-such-document', { token: tokens.otherUnit });
    const anonymous = await call(ctx, 'GET', `/api/v1/documents/${documentId}`);
    expect(other.body).toEqual(missing.body);
    expect(anonymous.body).toEqual(missing.body);
  });

  it('lists the record’s documents in upload order, a page at a time, with who uploaded them', async () => {
    const first = await call(ctx, 'GET', `${receptionDocs()}?limit=2`, { token: tokens.hqOwn });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    const all = [...first.body.items];
    let cursor = first.body.nextCursor;
    while (cursor) {
      const next = await call(ctx, 'GET', `${receptionDocs()}?limit=2&cursor=${cursor}`, { token: tokens.hqOwn });
      all.push(...next.body.items);
      cursor = next.body.nextCursor;
    }
    const full = await call(ctx, 'GET', `${receptionDocs()}?limit=200`, { token: tokens.hqOwn });
    expect(all.map((d) => d.id)).toEqual(full.body.items.map((d: { id: string }) => d.id));
    const key = (d: { uploadedAt: string; id: string }) => `${d.uploadedAt} ${d.id}`;
    expect(all.map(key)).toEqual(all.map(key).sort());
    expect(all.find((d) => d.id === documentId)).toMatchObject({
      filename: '公函.png',
      uploadedByName: expect.stringContaining('hangzhou'),
    });
    expect((await call(ctx, 'GET', `${receptionDocs()}?cursor=bogus`, { token: tokens.hqOwn })).status).toBe(422);
  });
});

describe('withdrawing', () => {
  it('takes a document off the list, keeps its bytes and history, and lets only the office still fetch it', async () => {
    const made = await upload(ctx, visitDocs(), documentForm({ bytes: PDF, filename: '作废的公函.pdf' }, 'official_letter'), tokens.owner);
    const id = made.body.id as string;
    expect((await call(ctx, 'POST', `/api/v1/documents/${id}/withdraw`, { token: tokens.hqOwn })).status).toBe(403);
    expect((await call(ctx, 'POST', `/api/v1/documents/${id}/withdraw`, { token: tokens.otherUnit })).status).toBe(404);
    const done = await call(ctx, 'POST', `/api/v1/documents/${id}/withdraw`, { token: tokens.owner });
    expect(done.status).toBe(200);
    expect(done.body.withdrawnAt).toBe('2027-01-10T02:00:00.000Z');
    const again = await call(ctx, 'POST', `/api/v1/documents/${id}/withdraw`, { token: office });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'INVALID_TRANSITION', from: 'withdrawn', action: 'withdraw' });

    const listed = await call(ctx, 'GET', `${visitDocs()}?limit=200`, { token: tokens.owner });
    expect(listed.body.items.map((d: { id: string }) => d.id)).not.toContain(id);
    expect((await download(ctx, id, tokens.owner)).status).toBe(404);
    expect(sha256((await download(ctx, id, office)).bytes)).toBe(sha256(PDF));

    const history = await call(ctx, 'GET', `/api/v1/visits/${visitId}/history`, { token: tokens.owner });
    const about = history.body.items.filter((h: { note: string | null }) => h.note?.includes(id));
    expect(about.map((h: { action: string }) => h.action)).toEqual(['document_upload', 'document_withdraw']);
  });
});

describe('bad uploads', () => {
  const send = (form: { body: Uint8Array<ArrayBuffer>; contentType: string }) => upload(ctx, visitDocs(), form, tokens.owner);

  it('names each missing or wrong field with 422', async () => {
    const noKind = await send(multipartBody([{ name: 'file', filename: 'a.pdf', data: PDF }]));
    expect(noKind.status).toBe(422);
    expect(noKind.body.errors.map((e: { path: string }) => e.path)).toEqual(['kind']);
    const badKind = await send(documentForm({ bytes: PDF, filename: 'a.pdf' }, 'invoice'));
    expect(badKind.status).toBe(422);
    const noFile = await send(multipartBody([{ name: 'kind', data: 'other' }]));
    expect(noFile.status).toBe(422);
    expect(noFile.body.errors.map((e: { path: string }) => e.path)).toEqual(['file']);
    // What a browser sends when no file was chosen: an empty part with an empty name.
    const nothingChosen = await send(
      multipartBody([
        { name: 'kind', data: 'other' },
        { name: 'file', filename: '', data: '' },
      ]),
    );
    expect(nothingChosen.status).toBe(422);
    const two = await send(
      multipartBody([
        { name: 'kind', data: 'other' },
        { name: 'file', filename: 'a.pdf', data: PDF },
        { name: 'file', filename: 'b.pdf', data: PDF },
      ]),
    );
    expect(two.status).toBe(422);
  });

  it('takes kind after the file too (curl -F file=@… -F kind=…)', async () => {
    const res = await send(
      multipartBody([
        { name: 'file', filename: 'late-kind.pdf', data: PDF },
        { name: 'kind', data: 'other' },
      ]),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });

  it('answers 415 to a body that is not multipart and 422 to one cut short, storing nothing', async () => {
    const json = await call(ctx, 'POST', visitDocs(), { token: tokens.owner, body: { kind: 'other' } });
    expect(json.status).toBe(415);
    const whole = documentForm({ bytes: PDF, filename: 'cut.pdf' });
    const cut = await send({ body: whole.body.slice(0, whole.body.byteLength - 20), contentType: whole.contentType });
    expect(cut.status).toBe(422);
    const noBoundary = await send({ body: whole.body, contentType: 'multipart/form-data' });
    expect([415, 422]).toContain(noBoundary.status);
    expect(readdirSync(join(ctx.filesDir, '.staging'))).toEqual([]);
  });
});
