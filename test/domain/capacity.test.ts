import { describe, expect, it } from 'vitest';
import { checkRegionRules } from '../../src/domain/booking.js';
import { blackoutConflict, fullDays, spacingConflict } from '../../src/domain/capacity.js';

const visits = [
  { startDate: '2027-05-01', endDate: '2027-05-05' },
  { startDate: '2027-05-04', endDate: '2027-05-08' },
  { startDate: '2027-05-20', endDate: '2027-05-20' },
];

describe('fullDays', () => {
  it.each([
    ['a window over the overlap', 2, { startDate: '2027-05-03', endDate: '2027-05-06' }, ['2027-05-04', '2027-05-05']],
    ['a window touching the overlap by its last day', 2, { startDate: '2027-04-28', endDate: '2027-05-04' }, ['2027-05-04']],
    ['a window before it', 2, { startDate: '2027-04-20', endDate: '2027-04-30' }, []],
    ['capacity 1 on a single visit', 1, { startDate: '2027-05-20', endDate: '2027-05-21' }, ['2027-05-20']],
    ['capacity 3', 3, { startDate: '2027-05-01', endDate: '2027-05-31' }, []],
  ])('%s', (_label, limit, range, expected) => expect(fullDays(limit, visits, range)).toEqual(expected));
});

describe('spacingConflict', () => {
  it.each([
    ['gap 0 imposes nothing', 0, '2027-05-01', null],
    ['gap 1 forbids the same day', 1, '2027-05-20', '2027-05-20'],
    ['gap 1 allows the next day', 1, '2027-05-21', null],
    ['gap 3: two days after is too close', 3, '2027-05-06', '2027-05-04'],
    ['gap 3: exactly three days after is fine', 3, '2027-05-07', null],
    ['gap 3: before an arrival counts too', 3, '2027-05-18', '2027-05-20'],
  ])('%s', (_label, gap, start, expected) => expect(spacingConflict(gap, visits, start)).toBe(expected));

  it('names the nearest of several close arrivals', () => {
    expect(spacingConflict(5, visits, '2027-05-03')).toBe('2027-05-04');
  });
});

describe('blackouts', () => {
  const blackouts = [{ startDate: '2027-08-01', endDate: '2027-08-10', reason: '赛马节' }];
  it.each([
    ['ends on the first blackout day', { startDate: '2027-07-28', endDate: '2027-08-01' }, true],
    ['starts on the last blackout day', { startDate: '2027-08-10', endDate: '2027-08-12' }, true],
    ['surrounds it', { startDate: '2027-07-30', endDate: '2027-08-15' }, true],
    ['ends the day before', { startDate: '2027-07-28', endDate: '2027-07-31' }, false],
    ['starts the day after', { startDate: '2027-08-11', endDate: '2027-08-12' }, false],
  ])('%s', (_label, range, conflicts) => expect(blackoutConflict(blackouts, range) !== null).toBe(conflicts));

  it('is checked before capacity and spacing', () => {
    const rules = {
      maxConcurrentDelegations: 1,
      minGapDays: 10,
      blackouts: [{ startDate: '2027-05-02', endDate: '2027-05-02', reason: 'x' }],
    };
    expect(checkRegionRules(rules, visits, { startDate: '2027-05-01', endDate: '2027-05-03' })?.code).toBe('BLACKOUT_CONFLICT');
  });
});
