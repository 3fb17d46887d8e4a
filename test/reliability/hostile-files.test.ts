// Hostile uploads (issue 20): a renamed program, ZIP bombs posing as OFD, a PDF that runs a
// script, file names that try to climb folders or hide characters, and oversized bodies over a
// real socket. Each is refused or stored harmlessly; nothing is ever served inline.
import { readdirSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/app.js';
import { MAX_DOCUMENT_BYTES } from '../../src/domain/documents.js';
import { createNodeServer } from '../../src/node-body.js';
import { call, createUserAndLogin, loginAdmin } from '../helpers/api.js';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { craftZip, EXECUTABLE, OFD_XML, ofdPackage, PDF_WITH_SCRIPT, sha256 } from '../helpers/documents.js';
import { documentForm, download, multipartBody, upload } from '../helpers/multipart.js';
import { newVisit } from '../helpers/records.js';

let ctx: TestContext;
let token: string;
let path: string;

beforeAll(async () => {
  ctx = await createTestApp();
  const office = await loginAdmin(ctx);
  token = (await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'hangzhou' })).token;
  path = `/api/v1/visits/${await newVisit(ctx, token)}/documents`;
});

afterAll(() => ctx.database.client.close());

/** Every file kept in FILES_DIR (name = SHA-256), and what is left in staging. */
function stored(): { kept: string[]; staging: string[] } {
  const kept = readdirSync(ctx.filesDir)
    .filter((d) => d !== '.staging')
    .flatMap((d) => readdirSync(join(ctx.filesDir, d)));
  return { kept: kept.sort(), staging: readdirSync(join(ctx.filesDir, '.staging')) };
}

async function expectRefused(bytes: Uint8Array, filename: string, declared = 'application/pdf') {
  const before = stored();
  const count = (await call(ctx, 'GET', `${path}?limit=200`, { token })).body.items.length;
  const res = await upload(ctx, path, documentForm({ bytes, filename, contentType: declared }), token);
  expect(res.status, JSON.stringify(res.body)).toBe(415);
  expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  expect(stored()).toEqual(before);
  expect((await call(ctx, 'GET', `${path}?limit=200`, { token })).body.items.length).toBe(count);
  return res.body.detail as string;
}

describe('refused by content', () => {
  it('refuses a program renamed to look like a scan, whatever it declares', async () => {
    await expectRefused(EXECUTABLE, '公函扫描件.pdf');
    await expectRefused(new TextEncoder().encode('\x7fELF\x02\x01\x01'), 'scan.png', 'image/png');
    await expectRefused(new TextEncoder().encode('<html><script>alert(1)</script></html>'), 'letter.pdf');
    await expectRefused(new TextEncoder().encode('#!/bin/sh\nrm -rf /\n'), 'letter.jpg', 'image/jpeg');
  });

  it('refuses ZIP bombs posing as OFD, judged from the directory without unpacking', async () => {
    const tooBig = craftZip([
      { name: 'OFD.xml', data: OFD_XML },
      { name: 'Doc_0/Res/blob.bin', data: 'x', claimedSize: 4_000_000_000 },
    ]);
    expect(await expectRefused(tooBig, 'bomb.ofd', 'application/ofd')).toMatch(/unpack/);

    // A real deflate bomb: 64 MiB of zeros squeezed into ~64 KB, a ratio of about 1000.
    const zeros = new Uint8Array(64 * 1024 * 1024);
    const real = craftZip([
      { name: 'OFD.xml', data: OFD_XML, deflate: true },
      { name: 'Doc_0/Res/zeros.bin', data: zeros, deflate: true },
    ]);
    expect(real.byteLength).toBeLessThan(200_000);
    expect(await expectRefused(real, 'bomb2.ofd', 'application/ofd')).toMatch(/unpack/);

    const overlapping = craftZip([
      { name: 'OFD.xml', data: OFD_XML },
      { name: 'Doc_0/a.xml', data: '<a/>'.repeat(100), deflate: true },
      { name: 'Doc_0/b.xml', data: '<a/>'.repeat(100), deflate: true, offsetOf: 1 },
      { name: 'Doc_0/c.xml', data: '<a/>'.repeat(100), deflate: true, offsetOf: 1 },
    ]);
    expect(await expectRefused(overlapping, 'overlap.ofd', 'application/ofd')).toMatch(/overlap/);

    const many = craftZip([
      { name: 'OFD.xml', data: OFD_XML },
      ...Array.from({ length: 10_001 }, (_, i) => ({ name: `p/${i}`, data: '' })),
    ]);
    expect(await expectRefused(many, 'many.ofd', 'application/ofd')).toMatch(/too-many-entries/);
  });

  it('refuses a package whose paths leave their folder, nest absurdly or are absolute', async () => {
    for (const name of [
      '../../etc/cron.d/evil',
      'Doc_0/../../x',
      '/etc/passwd',
      'C:/Windows/x.dll',
      'Doc_0\\..\\x',
      `${'d/'.repeat(20)}x`,
    ]) {
      const zip = craftZip([
        { name: 'OFD.xml', data: OFD_XML },
        { name, data: 'x' },
      ]);
      await expectRefused(zip, 'paths.ofd', 'application/ofd');
    }
  });

  it('refuses a ZIP that is not OFD (no OFD.xml at its root)', async () => {
    const plain = craftZip([
      { name: 'docs/OFD.xml', data: OFD_XML },
      { name: 'readme.txt', data: 'hello' },
    ]);
    expect(await expectRefused(plain, 'not.ofd', 'application/ofd')).toMatch(/OFD\.xml/);
  });

  it('accepts an honest OFD package', async () => {
    const res = await upload(ctx, path, documentForm({ bytes: ofdPackage(), filename: '电子公文.ofd' }), token);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.contentType).toBe('application/ofd');
  });
});

describe('stored harmlessly', () => {
  it('stores a PDF that runs a script but only ever serves it as a download', async () => {
    const res = await upload(ctx, path, documentForm({ bytes: PDF_WITH_SCRIPT, filename: 'letter.pdf', contentType: 'text/html' }), token);
    expect(res.status).toBe(201);
    const got = await download(ctx, res.body.id, token);
    expect(sha256(got.bytes)).toBe(sha256(PDF_WITH_SCRIPT));
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('keeps a file name that climbs folders or hides characters only as harmless text', async () => {
    // As a browser sends names (raw UTF-8 in filename="…"), and percent-encoded in filename*=,
    // where control characters can travel too.
    const cases: [given: string, kept: string, how: 'filename' | 'filenameStar'][] = [
      ['../../../etc/passwd.pdf', '.._.._.._etc_passwd.pdf', 'filename'],
      ['..\\..\\windows\\system32\\公函.pdf', '.._.._windows_system32_公函.pdf', 'filename'],
      ['invoice\u202Efdp.exe', 'invoicefdp.exe', 'filename'],
      ['..', 'document', 'filename'],
      ['a\u0001b\u001b[31mc\u007f\u0085.pdf', 'ab[31mc.pdf', 'filenameStar'],
      ['公函\r\n扫描件\u0000.pdf', '公函扫描件.pdf', 'filenameStar'],
      ['\t \u0000', 'document', 'filenameStar'],
    ];
    for (const [given, kept, how] of cases) {
      const bytes = new TextEncoder().encode(`%PDF-1.4\n% ${JSON.stringify(given)}\n%%EOF\n`);
      const form = multipartBody([
        { name: 'kind', data: 'other' },
        { name: 'file', [how]: given, contentType: 'application/pdf', data: bytes },
      ]);
      const res = await upload(ctx, path, form, token);
      expect(res.status, JSON.stringify(given)).toBe(201);
      expect(res.body.filename, JSON.stringify(given)).toBe(kept);
      const got = await download(ctx, res.body.id, token);
      const disposition = got.headers.get('content-disposition') ?? '';
      // biome-ignore lint/suspicious/noControlCharactersInRegex: asserting none are there
      expect(disposition).not.toMatch(/[\u0000-\u001f\u007f]/);
      expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(kept);
    }
    // Bytes are kept under their hash only: nothing was written anywhere a name pointed.
    expect(stored().kept.every((name) => /^[0-9a-f]{64}$/.test(name))).toBe(true);
  });

  it('refuses a raw control character in a part header as a malformed body (422), storing nothing', async () => {
    const before = stored();
    const form = multipartBody([
      { name: 'kind', data: 'other' },
      { name: 'file', filename: 'a\u0001b.pdf', contentType: 'application/pdf', data: PDF_WITH_SCRIPT },
    ]);
    const res = await upload(ctx, path, form, token);
    expect(res.status).toBe(422);
    expect(stored()).toEqual(before);
  });
});

describe('oversized uploads over a real socket (the Node entry)', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createNodeServer(ctx.app.fetch, MAX_BODY_BYTES);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  /** Sends `total` bytes of a PDF file part, chunked (no Content-Length) or declared; the answer. */
  function send(total: number, chunked: boolean): Promise<{ status: number; body: string; sent: number }> {
    const boundary = 'hostile-boundary';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nother\r\n--${boundary}\r\n` +
        `Content-Disposition: form-data; name="file"; filename="huge.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const headers: Record<string, string> = {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      authorization: `Bearer ${token}`,
    };
    if (!chunked) headers['content-length'] = String(head.length + total + tail.length);
    return new Promise((resolve, reject) => {
      const req = httpRequest(`${base}${path}`, { method: 'POST', headers, agent: false });
      let sent = 0;
      let answered = false;
      req.on('response', (res) => {
        answered = true;
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, sent }));
      });
      req.on('error', (err) => {
        if (!answered) reject(err);
      });
      req.write(head);
      const chunk = Buffer.alloc(256 * 1024, 0x41);
      const pump = () => {
        while (sent < total && !answered) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        if (!answered) req.end(tail);
      };
      pump();
    });
  }

  it('answers 413 to a 50 MB chunked upload once 10 MB are in, without reading the rest', async () => {
    const before = stored();
    const res = await send(50 * 1024 * 1024, true);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).code).toBe('PAYLOAD_TOO_LARGE');
    // The answer came while the client was still sending: the server stopped reading.
    expect(res.sent).toBeLessThan(50 * 1024 * 1024);
    expect(stored()).toEqual(before);
  });

  it('answers 413 at once to a declared length over the limit', async () => {
    const res = await send(MAX_DOCUMENT_BYTES + 1024 * 1024, false);
    expect(res.status).toBe(413);
    expect(res.sent).toBeLessThan(MAX_DOCUMENT_BYTES);
  });

  it('still stores a file just under the limit sent the same way', async () => {
    const res = await send(MAX_DOCUMENT_BYTES - 1024 * 1024, true);
    expect(res.status, res.body).toBe(201);
    expect(JSON.parse(res.body).size).toBe(MAX_DOCUMENT_BYTES - 1024 * 1024 + '%PDF-1.4\n'.length);
  });
});
