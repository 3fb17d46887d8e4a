// The same input gives the same proposal: the search draws from a seeded PRNG and stops by
// its iteration budget, not the clock. The clock is only a safety net, tested here with an
// injected clock.
import { describe, expect, it } from 'vitest';
import { solvePlan, type Proposal } from '../../../src/domain/planner/index.js';
import { generateInstance, SMALL_SHAPE } from './generate.js';
import { expectFeasible } from './recheck.js';

/** Everything but the elapsed time, which no two runs share. */
function outcome(proposal: Proposal) {
  const { elapsedMs: _elapsed, ...search } = proposal.search;
  return { placements: proposal.placements, unplaced: proposal.unplaced, objective: proposal.objective, search };
}

describe('determinism', () => {
  it.each([3, 7, 11])('seed %i: the same input twice gives the same proposal', (seed) => {
    const input = generateInstance(seed, SMALL_SHAPE);
    const first = solvePlan({ ...input, timeLimitMs: 30_000 });
    const second = solvePlan({ ...input, timeLimitMs: 30_000 });
    expect(first.search.stoppedBy).not.toBe('time');
    expect(outcome(second)).toEqual(outcome(first));
  });

  it('the order requests arrive in does not matter', () => {
    const input = generateInstance(5, SMALL_SHAPE);
    const reversed = { ...input, requests: [...input.requests].reverse() };
    expect(outcome(solvePlan({ ...reversed, maxIterations: 5_000 }))).toEqual(outcome(solvePlan({ ...input, maxIterations: 5_000 })));
  });

  it('the time limit stops the search (injected clock), and what it has is still feasible', () => {
    const input = generateInstance(9, SMALL_SHAPE);
    let clock = 0;
    // Every reading advances 1 ms: the search reads the clock every 16 moves, so a 100 ms
    // limit (80 ms for the search) leaves it about 1,300 moves.
    const proposal = solvePlan({ ...input, timeLimitMs: 100, now: () => clock++ });
    expect(proposal.search.stoppedBy).toBe('time');
    expect(proposal.search.iterations).toBeLessThan(2_000);
    expectFeasible(input, proposal);
    // A clock that stops the same way stops the search at the same move.
    clock = 0;
    expect(outcome(solvePlan({ ...input, timeLimitMs: 100, now: () => clock++ }))).toEqual(outcome(proposal));
  });
});
