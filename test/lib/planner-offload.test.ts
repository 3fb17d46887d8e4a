// The planner's worker thread (src/planner-offload.ts): the same proposal as a solve on this
// thread, this thread free meanwhile, and a failing solve that rejects without losing the thread.
import { afterAll, describe, expect, it } from 'vitest';
import { solvePlan, startSolve, type Proposal } from '../../src/domain/planner/index.js';
import { plannerThread } from '../../src/planner-offload.js';
import { BENCH_SHAPE } from '../bench/planner-bench.js';
import { generateInstance, SMALL_SHAPE } from '../domain/planner/generate.js';

const planner = plannerThread();
afterAll(() => planner.close());

function outcome(proposal: Proposal) {
  const { elapsedMs: _elapsed, ...search } = proposal.search;
  return { placements: proposal.placements, unplaced: proposal.unplaced, objective: proposal.objective, search };
}

describe('the planner thread', () => {
  it.each([3, 7])('seed %i: gives the proposal a solve on this thread gives', async (seed) => {
    const input = generateInstance(seed, SMALL_SHAPE);
    const here = solvePlan({ ...input, timeLimitMs: 30_000 });
    const there = await planner.solvePlan({ ...input, timeLimitMs: 30_000 });
    expect(here.search.stoppedBy).not.toBe('time');
    expect(outcome(there)).toEqual(outcome(here));
  });

  it('and in slices on this thread, the same again', () => {
    const input = generateInstance(11, SMALL_SHAPE);
    const solving = startSolve({ ...input, timeLimitMs: 30_000 });
    let slices = 0;
    while (solving.search(Number.POSITIVE_INFINITY, 500) === null) slices++;
    expect(slices).toBeGreaterThan(10);
    expect(outcome(solving.finish())).toEqual(outcome(solvePlan({ ...input, timeLimitMs: 30_000 })));
  });

  it('leaves this thread free while it solves 2,000 requests', async () => {
    const gaps: number[] = [];
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      gaps.push(now - last);
      last = now;
    }, 5);
    const started = performance.now();
    const proposal = await planner.solvePlan({ ...generateInstance(2027, BENCH_SHAPE), timeLimitMs: 1_500 });
    const elapsed = performance.now() - started;
    clearInterval(ticker);
    expect(proposal.placements.length).toBeGreaterThan(0);
    expect(elapsed).toBeGreaterThan(1_000);
    expect(Math.max(...gaps)).toBeLessThan(150);
  }, 30_000);

  it('rejects a solve that fails, and solves the next', async () => {
    const input = generateInstance(3, SMALL_SHAPE);
    // A request for a region the input has no rules for: the model cannot be built.
    const broken = { ...input, regions: {} };
    await expect(planner.solvePlan(broken)).rejects.toThrow(/planner thread/);
    expect((await planner.solvePlan({ ...input, timeLimitMs: 30_000 })).placements.length).toBeGreaterThan(0);
  });
});
