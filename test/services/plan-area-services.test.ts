// The services behind caps, regions, accounts, feeds and the annual plan, called directly as a
// route or page calls them: (deps, actor, input), no HTTP. Each refuses an account that may not
// act the same way whoever calls it.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/actor.js';
import { createAccount } from '../../src/services/accounts.js';
import { logIn } from '../../src/services/logins.js';
import type { ServiceDeps } from '../../src/services/deps.js';
import { AppError } from '../../src/services/errors.js';
import { createFeed, ownActiveFeeds, revokeOwnFeed } from '../../src/services/feeds.js';
import { planOverview, proposalById } from '../../src/services/plan-overview.js';
import { saveDefaultLimits, saveUnitLimits, unitQuota, yearDefaultLimits } from '../../src/services/quotas.js';
import { saveRegionRules } from '../../src/services/region-rules.js';
import { ADMIN, createTestApp, FIXED_NOW } from '../helpers/app.js';

let deps: ServiceDeps;
let office: Actor;
let unit: Actor;

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'no refusal';
}

beforeAll(async () => {
  const ctx = await createTestApp();
  deps = {
    db: ctx.database.db,
    config: ctx.config,
    now: () => FIXED_NOW,
    files: ctx.files,
  };
  office = (await logIn(deps, { email: ADMIN.email, password: ADMIN.password, kind: 'api', clientAddress: null })).user;
  unit = await createAccount(deps, office, {
    email: 'unit@services.test',
    password: 'unit-password-1',
    role: 'unit',
    unitId: 'hangzhou',
  });
});

describe('caps', () => {
  it('are set by the office only, and read back', async () => {
    const limits = { maxBatches: 4, maxHeadcountPerBatch: 9, maxPersonTrips: 30 };
    expect(await refusal(saveDefaultLimits(deps, unit, { year: 2027, limits }))).toBe('FORBIDDEN');
    expect(await saveDefaultLimits(deps, office, { year: 2027, limits })).toEqual({ year: 2027, limits });
    expect(await yearDefaultLimits(deps, 2027)).toEqual(limits);
    expect(await refusal(saveUnitLimits(deps, office, { year: 2027, unitId: 'nowhere', limits }))).toBe('NOT_FOUND');
  });

  it("are hidden from another unit's account as if the unit did not exist", async () => {
    expect((await unitQuota(deps, unit, { year: 2027, unitId: 'hangzhou' })).unitId).toBe('hangzhou');
    expect(await refusal(unitQuota(deps, unit, { year: 2027, unitId: 'ningbo' }))).toBe('NOT_FOUND');
  });
});

describe('region rules and accounts', () => {
  it('are the office’s to change', async () => {
    const rules = { maxConcurrentDelegations: 2, minGapDays: 1, blackouts: [] };
    expect(await refusal(saveRegionRules(deps, unit, { regionId: 'aksu', rules }))).toBe('FORBIDDEN');
    expect(await refusal(createAccount(deps, unit, { email: 'x@y.test', password: 'long-enough-1', role: 'office' }))).toBe('FORBIDDEN');
  });

  it('refuse a wrong password as INVALID_CREDENTIALS', async () => {
    expect(await refusal(logIn(deps, { email: 'unit@services.test', password: 'wrong', kind: 'web', clientAddress: null }))).toBe(
      'INVALID_CREDENTIALS',
    );
  });
});

describe('feeds', () => {
  it('are listed and revoked by their owner only', async () => {
    const { feed, url } = await createFeed(deps, unit, { scope: 'unit' });
    expect(url).toMatch(/^http:\/\/planner\.test\/cal\/.+\.ics$/);
    expect((await ownActiveFeeds(deps, office)).map((f) => f.id)).not.toContain(feed.id);
    expect(await refusal(revokeOwnFeed(deps, office, feed.id))).toBe('NOT_FOUND');
    await revokeOwnFeed(deps, unit, feed.id);
    expect(await ownActiveFeeds(deps, unit)).toEqual([]);
  });
});

describe('the plan overview', () => {
  it('is the office’s only', async () => {
    expect(await refusal(planOverview(deps, unit, { year: 2027 }))).toBe('FORBIDDEN');
    expect(await refusal(proposalById(deps, unit, 'any'))).toBe('FORBIDDEN');
    const overview = await planOverview(deps, office, { year: 2027 });
    expect(overview.proposal).toBeUndefined();
    expect(overview.regions.length).toBe(4);
  });
});
