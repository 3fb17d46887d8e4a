// The Worker (src/worker.ts) in workerd via `wrangler dev --local`, on a fresh local D1 migrated
// with `wrangler d1 migrations apply`: the contract checks that matter most, over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountChecks } from './accounts.checks.js';
import { documentChecks } from './documents.checks.js';
import { feedChecks } from './feeds.checks.js';
import { notificationChecks } from './notifications.checks.js';
import { EdgeSuite } from './helpers/suite.js';
import { STARTUP_TIMEOUT_MS } from './helpers/wrangler.js';
import { listChecks } from './lists.checks.js';
import { visitRuleChecks } from './visits-rules.checks.js';
import { visitWorkflowChecks } from './visits-workflow.checks.js';

const edge = new EdgeSuite();

// start() keeps a start-up error instead of throwing it, so each check below FAILS with it
// (a throwing beforeAll would only mark them skipped).
beforeAll(() => edge.start(), STARTUP_TIMEOUT_MS + 60_000);
afterAll(() => edge.stop(), 30_000);

it('starts the Worker in workerd with a migrated local D1', async () => {
  if (edge.startError !== undefined) throw edge.startError;
  const res = await fetch(`${edge.baseUrl}/healthz`);
  expect(res.status).toBe(200);
});

describe('Worker in workerd: accounts, reference data, refusals', () => accountChecks(edge));
describe('Worker in workerd: quotas and booking rules', () => visitRuleChecks(edge));
describe('Worker in workerd: concurrency and the visit workflow', () => visitWorkflowChecks(edge));
describe('Worker in workerd: calendar feeds', () => feedChecks(edge));
describe('Worker in workerd: documents in R2 and the archive', () => documentChecks(edge));
describe('Worker in workerd: notifications (waitUntil and the Cron Trigger)', () => notificationChecks(edge));
describe('Worker in workerd: paged lists', () => listChecks(edge));
