// The Node entry reads each body before the app runs (src/node-body.ts). Over real HTTP: the
// limit holds at its exact edge with and without a declared length, bodies arrive intact, and a
// client that gives up mid-body leaves nothing behind.
import { Agent, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/app.js';
import { createNodeServer } from '../../src/node-body.js';
import { call, createUserAndLogin, loginAdmin } from '../helpers/api.js';
import { createTestApp, type TestContext } from '../helpers/app.js';
import { rawPost } from '../helpers/raw-post.js';
import { visitBody } from '../helpers/visits.js';

let ctx: TestContext;
let server: Server;
let base: string;
let unitToken: string;

beforeAll(async () => {
  ctx = await createTestApp();
  const admin = await loginAdmin(ctx);
  unitToken = (await createUserAndLogin(ctx, admin, { role: 'unit', unitId: 'hangzhou' })).token;
  server = createNodeServer(ctx.app.fetch, MAX_BODY_BYTES);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  ctx.database.client.close();
});

/** A booking POST as the unit; the answer's JSON parsed. */
async function post(path: string, body: string | Buffer | string[]): Promise<{ status: number; body: any }> {
  const res = await rawPost(`${base}${path}`, { 'content-type': 'application/json', authorization: `Bearer ${unitToken}` }, body);
  return { status: res.status, body: res.body ? JSON.parse(res.body) : undefined };
}

/** A valid booking padded with trailing spaces to exactly `size` bytes. */
function bookingOfSize(size: number, over: Record<string, unknown> = {}): string {
  const json = JSON.stringify(visitBody(over));
  return json + ' '.repeat(size - Buffer.byteLength(json));
}

describe('bodies read before the app (Node entry)', () => {
  it('books from a body of exactly the limit, declared or chunked, with its text intact', async () => {
    const declared = await post('/api/v1/visits', bookingOfSize(MAX_BODY_BYTES, { purpose: '考察产业项目 «déjà» 🚄' }));
    expect(declared.status).toBe(201);
    expect(declared.body.purpose).toBe('考察产业项目 «déjà» 🚄');
    const body = bookingOfSize(MAX_BODY_BYTES, { startDate: '2027-04-01', endDate: '2027-04-01' });
    const chunked = await post('/api/v1/visits', [body.slice(0, 10), body.slice(10, 40_000), body.slice(40_000)]);
    expect(chunked.status).toBe(201);
  });

  it('refuses one byte over the limit with 413, declared or chunked, and stores nothing', async () => {
    const before = (await call(ctx, 'GET', '/api/v1/visits', { token: unitToken })).body.items.length;
    const over = bookingOfSize(MAX_BODY_BYTES + 1, { startDate: '2027-06-01', endDate: '2027-06-01' });
    for (const body of [over, [over.slice(0, 30_000), over.slice(30_000)]]) {
      const res = await post('/api/v1/visits', body);
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
    }
    expect((await call(ctx, 'GET', '/api/v1/visits', { token: unitToken })).body.items.length).toBe(before);
  });

  it('answers a body cut inside a UTF-8 character with 422, not a stored replacement character', async () => {
    const bytes = Buffer.from(JSON.stringify(visitBody({ purpose: '考察', startDate: '2027-07-01', endDate: '2027-07-01' })));
    const cut = bytes.indexOf(Buffer.from('考')) + 1;
    const res = await post('/api/v1/visits', Buffer.concat([bytes.subarray(0, cut), bytes.subarray(cut + 2)]));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('drops a request whose client stops sending mid-body, and keeps serving', async () => {
    const visitsBefore = (await call(ctx, 'GET', '/api/v1/visits', { token: unitToken })).body.items.length;
    await new Promise<void>((resolve) => {
      const req = httpRequest(`${base}/api/v1/visits`, {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${unitToken}`, 'content-length': '5000' },
      });
      req.on('error', () => resolve());
      req.on('close', () => resolve());
      req.write(JSON.stringify(visitBody({ startDate: '2027-08-01', endDate: '2027-08-01' })).slice(0, 60));
      setTimeout(() => req.destroy(), 50);
    });
    const after = await post('/api/v1/visits', JSON.stringify(visitBody({ startDate: '2027-09-01', endDate: '2027-09-01' })));
    expect(after.status).toBe(201);
    expect((await call(ctx, 'GET', '/api/v1/visits', { token: unitToken })).body.items.length).toBe(visitsBefore + 1);
  });
});

describe('keep-alive after a body was read first', () => {
  it('keeps a kept-alive connection open after a POST, for the next request on it', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const reused: boolean[] = [];
    for (let i = 0; i < 3; i++) {
      await new Promise<void>((resolve, reject) => {
        const req = httpRequest(`${base}/api/v1/visits`, {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${unitToken}` },
        });
        req.on('response', (res) => {
          reused.push(req.reusedSocket);
          res.resume();
          res.on('end', () => resolve());
        });
        req.on('error', reject);
        req.end('{"broken":');
      });
      // Longer than the adapter's own drain timer (500 ms): nothing may close the socket meanwhile.
      await new Promise((r) => setTimeout(r, 700));
    }
    agent.destroy();
    expect(reused).toEqual([false, true, true]);
  });
});
