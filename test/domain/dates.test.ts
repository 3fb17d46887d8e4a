import { describe, expect, it } from 'vitest';
import { addDays, calendarDayIn, daysBetween, eachDay, inclusiveDays, isValidIsoDate, yearOf } from '../../src/domain/dates.js';

describe('isValidIsoDate', () => {
  it.each([
    ['2027-02-28', true],
    ['2027-02-29', false],
    ['2028-02-29', true],
    ['2027-02-30', false],
    ['2027-04-31', false],
    ['2027-13-01', false],
    ['2027-00-10', false],
    ['2027-1-10', false],
    ['27-01-10', false],
    ['2027-01-10T00:00', false],
    ['', false],
  ])('%s → %s', (value, valid) => expect(isValidIsoDate(value)).toBe(valid));
});

describe('day arithmetic (no time zone, no DST)', () => {
  it.each([
    ['2027-12-30', 3, '2028-01-02'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-03-28', 1, '2027-03-29'], // a DST change night in Europe
    ['2027-11-07', 1, '2027-11-08'], // and in the US
    ['2027-01-01', -1, '2026-12-31'],
  ])('%s + %i days = %s', (from, days, to) => {
    expect(addDays(from, days)).toBe(to);
    expect(daysBetween(from, to)).toBe(days);
  });

  it('counts inclusive days and lists them across a year boundary', () => {
    expect(inclusiveDays('2027-12-30', '2028-01-03')).toBe(5);
    expect(eachDay('2027-12-30', '2028-01-02')).toEqual(['2027-12-30', '2027-12-31', '2028-01-01', '2028-01-02']);
    expect(yearOf('2027-12-30')).toBe(2027);
  });

  it('takes the calendar day in Asia/Shanghai, not the host’s or UTC', () => {
    // 2027-12-31 17:30 UTC is already 2028-01-01 01:30 in Shanghai.
    expect(calendarDayIn('Asia/Shanghai', new Date('2027-12-31T17:30:00Z'))).toBe('2028-01-01');
    expect(calendarDayIn('Asia/Shanghai', new Date('2027-12-31T15:59:59Z'))).toBe('2027-12-31');
  });
});
