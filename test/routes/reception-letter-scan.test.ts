// requireLetterScan (docs/API.md): with it on, a reception is approved only with a current
// official-letter document on file, and the check is part of the approval's guarded UPDATE, so
// a withdrawal of the scan or a change of the setting racing the approval cannot slip past it.
// What was stored is read back through a fresh connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import type { Db } from '../../src/db/client.js';
import { openDatabase } from '../../src/db/setup.js';
import { DEFAULT_RECEPTION_STANDARDS } from '../../src/domain/reception-rules.js';
import { call, createUserAndLogin, loginAdmin } from '../helpers/api.js';
import { createTestApp, FIXED_NOW, type TestContext } from '../helpers/app.js';
import { JPEG, PDF } from '../helpers/documents.js';
import { documentForm, upload } from '../helpers/multipart.js';
import { newReception } from '../helpers/records.js';

let ctx: TestContext;
/** The same app on a second connection to the same file: requests on both really race. */
let second: TestContext;
let office: string;
let unit: string;

beforeAll(async () => {
  ctx = await createTestApp();
  const other = await openDatabase(ctx.url);
  second = {
    ...ctx,
    database: other,
    app: createApp({
      db: other.db,
      config: { publicUrl: 'http://planner.test', adminEmail: 'x@y.z', adminPassword: 'unused-pass', adminPasswordIsDefault: false },
      now: () => FIXED_NOW,
      files: ctx.files,
    }),
  };
  office = await loginAdmin(ctx);
  unit = (await createUserAndLogin(ctx, office, { role: 'unit', unitId: 'hangzhou' })).token;
});

afterAll(() => {
  second.database.client.close();
  ctx.database.client.close();
});

const amounts = { workMealPerPersonYuan: 120, lodgingPerNightYuan: DEFAULT_RECEPTION_STANDARDS.lodgingPerNightYuan };
const setStandards = (body: Record<string, unknown>) => call(ctx, 'PUT', '/api/v1/standards/reception', { token: office, body });
const uploadKind = (id: string, kind: string, bytes = PDF) =>
  upload(ctx, `/api/v1/receptions/${id}/documents`, documentForm({ bytes, filename: `${kind}.pdf` }, kind), unit);

async function stored(sql: string, args: string[] = []): Promise<Record<string, unknown>[]> {
  const fresh = ctx.freshConnection();
  try {
    return (await fresh.client.execute({ sql, args })).rows as unknown as Record<string, unknown>[];
  } finally {
    fresh.client.close();
  }
}

describe('the setting', () => {
  it('is off by default, set by PUT, and kept when a PUT leaves it out', async () => {
    expect((await call(ctx, 'GET', '/api/v1/standards/reception', { token: unit })).body).toEqual({ ...amounts, requireLetterScan: false });
    expect((await setStandards({ ...amounts, requireLetterScan: true })).body.requireLetterScan).toBe(true);
    // An older client that knows only the amounts does not switch it off.
    const older = await setStandards({ ...amounts, workMealPerPersonYuan: 110 });
    expect(older.body).toEqual({ ...amounts, workMealPerPersonYuan: 110, requireLetterScan: true });
    expect((await call(ctx, 'GET', '/api/v1/standards/reception', { token: unit })).body.requireLetterScan).toBe(true);
    expect((await setStandards({ ...amounts, requireLetterScan: 'yes' })).status).toBe(422);
    expect((await setStandards({ ...amounts, requireLetterScan: false })).body.requireLetterScan).toBe(false);
  });
});

describe('approval with requireLetterScan on', () => {
  beforeAll(async () => {
    expect((await setStandards({ ...amounts, requireLetterScan: true })).status).toBe(200);
  });

  it('refuses without the scan (another document, or a withdrawn scan, does not count) and approves after it', async () => {
    const id = await newReception(ctx, unit);
    const approve = () => call(ctx, 'POST', `/api/v1/receptions/${id}/approve`, { token: office });
    const refused = await approve();
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('OFFICIAL_LETTER_SCAN_REQUIRED');
    expect((await uploadKind(id, 'other', JPEG)).status).toBe(201);
    expect((await approve()).body.code).toBe('OFFICIAL_LETTER_SCAN_REQUIRED');
    const scan = await uploadKind(id, 'official_letter');
    expect((await call(ctx, 'POST', `/api/v1/documents/${scan.body.id}/withdraw`, { token: unit })).status).toBe(200);
    expect((await approve()).body.code).toBe('OFFICIAL_LETTER_SCAN_REQUIRED');
    expect((await stored('SELECT status FROM receptions WHERE id = ?', [id]))[0]?.status).toBe('submitted');

    expect((await uploadKind(id, 'official_letter')).status).toBe(201);
    const approved = await approve();
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.status).toBe('approved');
  });

  it('refuses when the scan is withdrawn after the check and before the approval’s UPDATE', async () => {
    const id = await newReception(ctx, unit, { startDate: '2027-08-01', endDate: '2027-08-01' });
    const scan = (await uploadKind(id, 'official_letter')).body.id as string;
    // The app's database, with the scan withdrawn through another connection just before the
    // approval's batch runs: after the service saw the scan, before the guarded UPDATE.
    const competitor = ctx.freshConnection();
    let armed = true;
    const db = new Proxy(ctx.database.db, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (prop !== 'batch' || typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          if (armed) {
            armed = false;
            await competitor.client.execute({
              sql: "UPDATE documents SET withdrawn_at = 'now', withdrawn_by = 'x' WHERE id = ?",
              args: [scan],
            });
          }
          return value.apply(target, args);
        };
      },
    }) as Db;
    const racing = {
      ...ctx,
      app: createApp({
        db,
        config: { publicUrl: 'http://planner.test', adminEmail: 'x@y.z', adminPassword: 'unused-pass', adminPasswordIsDefault: false },
        now: () => FIXED_NOW,
        files: ctx.files,
      }),
    };
    const res = await call(racing, 'POST', `/api/v1/receptions/${id}/approve`, { token: office });
    competitor.client.close();
    expect(armed).toBe(false);
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    expect(res.body.code).toBe('OFFICIAL_LETTER_SCAN_REQUIRED');
    expect(await stored('SELECT status FROM receptions WHERE id = ?', [id])).toEqual([{ status: 'submitted' }]);
    expect(await stored("SELECT count(*) AS n FROM audit_log WHERE entity_id = ? AND action = 'approve'", [id])).toEqual([{ n: 0 }]);
  });

  it('never approves a reception whose scan was withdrawn first, when both race', async () => {
    const ids: string[] = [];
    const scans: string[] = [];
    for (let i = 0; i < 16; i++) {
      const id = await newReception(ctx, unit, {
        startDate: `2027-06-${String(i + 1).padStart(2, '0')}`,
        endDate: `2027-06-${String(i + 1).padStart(2, '0')}`,
      });
      ids.push(id);
      scans.push((await uploadKind(id, 'official_letter')).body.id);
    }
    const results = await Promise.all(
      ids.flatMap((id, i) => [
        call(ctx, 'POST', `/api/v1/receptions/${id}/approve`, { token: office }),
        call(second, 'POST', `/api/v1/documents/${scans[i]}/withdraw`, { token: unit }),
      ]),
    );
    for (const [i, res] of results.entries()) {
      if (i % 2 === 0) expect([200, 409], JSON.stringify(res.body)).toContain(res.status);
      else expect(res.status).toBe(200);
      if (res.status === 409) expect(res.body.code).toBe('OFFICIAL_LETTER_SCAN_REQUIRED');
    }
    // The history says in which order the two writes landed: every approval came before its withdrawal.
    for (const [i, id] of ids.entries()) {
      const [reception] = await stored('SELECT status FROM receptions WHERE id = ?', [id]);
      const entries = await stored(
        "SELECT id, action FROM audit_log WHERE entity = 'reception' AND entity_id = ? AND action IN ('approve', 'document_withdraw') ORDER BY id",
        [id],
      );
      const actions = entries.map((e) => e.action);
      if (reception?.status === 'approved') expect(actions, `reception ${i}`).toEqual(['approve', 'document_withdraw']);
      else expect(actions, `reception ${i}`).toEqual(['document_withdraw']);
    }
  });

  it('never approves without a scan while the setting is being switched on', async () => {
    await setStandards({ ...amounts, requireLetterScan: false });
    const ids: string[] = [];
    for (let i = 0; i < 12; i++)
      ids.push(
        await newReception(ctx, unit, {
          startDate: `2027-07-${String(i + 1).padStart(2, '0')}`,
          endDate: `2027-07-${String(i + 1).padStart(2, '0')}`,
        }),
      );
    const [switched, ...approvals] = await Promise.all([
      call(second, 'PUT', '/api/v1/standards/reception', { token: office, body: { ...amounts, requireLetterScan: true } }),
      ...ids.map((id) => call(ctx, 'POST', `/api/v1/receptions/${id}/approve`, { token: office })),
    ]);
    expect(switched!.status).toBe(200);
    for (const res of approvals) {
      expect([200, 409]).toContain(res.status);
      if (res.status === 409) expect(res.body.code).toBe('OFFICIAL_LETTER_SCAN_REQUIRED');
    }
    const [setting] = await stored("SELECT max(id) AS id FROM audit_log WHERE entity = 'standards' AND entity_id = 'reception'");
    for (const id of ids) {
      const [approval] = await stored("SELECT id FROM audit_log WHERE entity = 'reception' AND entity_id = ? AND action = 'approve'", [id]);
      // Approved only before the switch landed, never after it without a scan.
      if (approval) expect(Number(approval.id)).toBeLessThan(Number(setting!.id));
    }
  });
});
