// Documents from the pages: the documents section on a record's (interim) page, uploading through
// its multipart form (token first, checked before the file is stored), withdrawing, refusals told
// in Chinese on the page, where the forms may send the user back to, and the office's archive tab.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createTestApp, type TestContext } from '../helpers/app.js';
import { call, loginAdmin } from '../helpers/api.js';
import { EXECUTABLE, PDF, sha256 } from '../helpers/documents.js';
import { multipartBody, type Part } from '../helpers/multipart.js';
import { newReception, newVisit } from '../helpers/records.js';
import { createWebUser, getPage, postForm, webLogin, type WebSession } from '../helpers/web.js';

let ctx: TestContext;
let admin: string;
let unit: { token: string; web: WebSession };
let hqOwn: { token: string; web: WebSession };
let hqOther: { token: string; web: WebSession };
let office: WebSession;
let visitId: string;

beforeAll(async () => {
  ctx = await createTestApp();
  admin = await loginAdmin(ctx);
  unit = await createWebUser(ctx, admin, { role: 'unit', unitId: 'hangzhou' });
  hqOwn = await createWebUser(ctx, admin, { role: 'hq', regionId: 'aksu' });
  hqOther = await createWebUser(ctx, admin, { role: 'hq', regionId: 'nagqu' });
  office = await webLogin(ctx, ADMIN.email, ADMIN.password);
  visitId = await newVisit(ctx, unit.token);
});

afterAll(() => ctx.database.client.close());

/** Posts the page's upload form as a browser does: fields in the form's order, with the session cookie. */
async function postUpload(session: WebSession, path: string, parts: Part[]) {
  const form = multipartBody(parts);
  const res = await ctx.app.request(path, {
    method: 'POST',
    headers: { cookie: session.cookie, 'content-type': form.contentType, accept: 'text/html' },
    body: form.body,
  });
  return { status: res.status, headers: res.headers, html: await res.text() };
}

const filePart = (data: Uint8Array, filename = '公函扫描件.pdf'): Part => ({
  name: 'file',
  filename,
  contentType: 'application/pdf',
  data,
});
const staging = () => readdirSync(join(ctx.filesDir, '.staging'));
const listed = async () => (await call(ctx, 'GET', `/api/v1/visits/${visitId}/documents?limit=200`, { token: unit.token })).body.items;

describe('the documents section', () => {
  it('is a section of the record page, with an upload form whose token comes first', async () => {
    const old = await getPage(ctx, unit.web, `/visits/${visitId}/documents`);
    expect(old.status).toBe(301);
    expect(old.headers.get('location')).toBe(`/visits/${visitId}#documents`);
    const page = await getPage(ctx, unit.web, `/visits/${visitId}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('id="documents-title"');
    expect(page.html).toContain('杭州市');
    expect(page.html).toContain('尚无文件');
    const form = /<form[^>]*enctype="multipart\/form-data"[^>]*>([\s\S]*?)<\/form>/.exec(page.html);
    expect(form?.[0]).toContain(`action="/visits/${visitId}/documents"`);
    const names = [...(form?.[1] ?? '').matchAll(/name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual(['_csrf', 'kind', 'file']);
  });

  it('uploads through the form and comes back to the page with the file listed', async () => {
    const res = await postUpload(unit.web, `/visits/${visitId}/documents`, [
      { name: '_csrf', data: unit.web.csrf },
      { name: 'kind', data: 'official_letter' },
      filePart(PDF),
    ]);
    expect(res.status, res.html).toBe(303);
    const location = res.headers.get('location') ?? '';
    expect(location).toMatch(new RegExp(`^/visits/${visitId}\\?uploaded=[^#]+#documents$`));
    const page = await getPage(ctx, unit.web, location);
    expect(page.html).toContain('已上传:公函扫描件.pdf');
    expect(page.html).toContain('公函扫描件');
    const [document] = await listed();
    expect(document).toMatchObject({ filename: '公函扫描件.pdf', kind: 'official_letter', sha256: sha256(PDF) });
    expect(page.html).toContain(`href="/api/v1/documents/${document.id}"`);
    // The link downloads with the session cookie (the API takes it for reads).
    const download = await ctx.app.request(`/api/v1/documents/${document.id}`, { headers: { cookie: unit.web.cookie } });
    expect(download.status).toBe(200);
    expect(sha256(new Uint8Array(await download.arrayBuffer()))).toBe(sha256(PDF));
  });

  it('refuses an upload without the form token, or with it after the file, storing nothing', async () => {
    const before = (await listed()).length;
    const missing = await postUpload(unit.web, `/visits/${visitId}/documents`, [{ name: 'kind', data: 'other' }, filePart(PDF, 'a.pdf')]);
    expect(missing.status).toBe(403);
    const late = await postUpload(unit.web, `/visits/${visitId}/documents`, [
      { name: 'kind', data: 'other' },
      filePart(PDF, 'b.pdf'),
      { name: '_csrf', data: unit.web.csrf },
    ]);
    expect(late.status).toBe(403);
    const wrong = await postUpload(unit.web, `/visits/${visitId}/documents`, [
      { name: '_csrf', data: 'x'.repeat(43) },
      filePart(PDF, 'c.pdf'),
    ]);
    expect(wrong.status).toBe(403);
    expect(wrong.html).toContain('表单已过期');
    expect((await listed()).length).toBe(before);
    expect(staging()).toEqual([]);
  });

  it('tells a refused file in Chinese on the page, with the status of the refusal', async () => {
    const res = await postUpload(unit.web, `/visits/${visitId}/documents`, [
      { name: '_csrf', data: unit.web.csrf },
      { name: 'kind', data: 'other' },
      filePart(EXECUTABLE, 'scan.pdf'),
    ]);
    expect(res.status).toBe(415);
    expect(res.html).toContain('只接受 PDF、PNG、JPEG 或 OFD 文件');
    expect(res.html).toMatch(/id="document-file"[^>]*aria-invalid="true"/);
  });

  it('always comes back to the record page, whatever `back` a form carries', async () => {
    const upload = (back: string) =>
      postUpload(unit.web, `/visits/${visitId}/documents`, [
        { name: '_csrf', data: unit.web.csrf },
        { name: 'back', data: back },
        { name: 'kind', data: 'other' },
        filePart(new TextEncoder().encode(`%PDF-1.4\n% ${back}\n`), 'x.pdf'),
      ]);
    for (const back of [`/visits/${visitId}`, 'https://evil.example/', '//evil.example', '/office', `/visits/${visitId}/../../office`]) {
      expect((await upload(back)).headers.get('location'), back).toMatch(new RegExp(`^/visits/${visitId}\\?uploaded=[^&#]+#documents$`));
    }
  });

  it('withdraws through the row’s button and comes back with the file gone from the list', async () => {
    const [first] = await listed();
    const res = await postForm(ctx, unit.web, `/documents/${first.id}/withdraw`, {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/visits/${visitId}?withdrawn=1#documents`);
    expect((await listed()).map((d: { id: string }) => d.id)).not.toContain(first.id);
    const page = await getPage(ctx, unit.web, res.headers.get('location')!);
    expect(page.html).toContain('文件已撤回');
    expect(page.html).not.toContain(`document-${first.id}`);
    const again = await postForm(ctx, office, `/documents/${first.id}/withdraw`, {});
    expect(again.status).toBe(409);
  });

  it('shows the region’s HQ the files without forms, and is not found for another region’s HQ', async () => {
    const own = await getPage(ctx, hqOwn.web, `/visits/${visitId}`);
    expect(own.status).toBe(200);
    expect(own.html).toContain('x.pdf');
    expect(own.html).not.toContain('enctype="multipart/form-data"');
    expect(own.html).not.toContain('/withdraw"');
    expect((await getPage(ctx, hqOther.web, `/visits/${visitId}`)).status).toBe(404);
    const forged = await postUpload(hqOther.web, `/visits/${visitId}/documents`, [
      { name: '_csrf', data: hqOther.web.csrf },
      filePart(PDF),
    ]);
    expect(forged.status).toBe(404);
  });

  it('works for receptions too, linked from the office’s approval queue', async () => {
    const receptionId = await newReception(ctx, unit.token);
    const queue = await getPage(ctx, office, '/office/receptions');
    expect(queue.html).toContain(`href="/receptions/${receptionId}#documents"`);
    const res = await postUpload(office, `/receptions/${receptionId}/documents`, [
      { name: '_csrf', data: office.csrf },
      { name: 'kind', data: 'official_letter' },
      filePart(PDF, '阿地委函.pdf'),
    ]);
    expect(res.status).toBe(303);
    const page = await getPage(ctx, office, `/receptions/${receptionId}`);
    expect(page.html).toContain('id="documents-title"');
    expect(page.html).toContain('阿地委函.pdf');
    // The record's history says what was uploaded, in words.
    expect(page.html).toContain('上传文件');
    expect(page.html).toContain('公函扫描件:阿地委函.pdf');
  });
});

describe('the office’s archive tab', () => {
  it('explains the archive and downloads it as a ZIP', async () => {
    const page = await getPage(ctx, office, '/office/reports/archive?year=2027');
    expect(page.status).toBe(200);
    expect(page.html).toContain('下载年度档案(ZIP)');
    expect(page.html).toContain('action="/office/reports/archive.zip"');
    const zip = await ctx.app.request('/office/reports/archive.zip?year=2027', { headers: { cookie: office.cookie } });
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    const bytes = new Uint8Array(await zip.arrayBuffer());
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect((await getPage(ctx, unit.web, '/office/reports/archive')).status).toBe(403);
  });
});
