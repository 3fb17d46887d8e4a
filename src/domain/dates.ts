// Calendar-day arithmetic on `YYYY-MM-DD` strings. Days are counted as integers (days since
// 1970-01-01) through Date.UTC, so nothing here depends on the host's time zone or on DST:
// a Worker in UTC and a laptop in Pacific/Kiritimati get the same answers.

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True for a real calendar day in `YYYY-MM-DD` form (so 2027-02-30 is false). */
export function isValidIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function toDayNumber(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return Math.round(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY);
}

export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** `to − from` in days (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Days in an inclusive range: a visit from the 1st to the 3rd lasts 3 days. */
export function inclusiveDays(startDate: IsoDate, endDate: IsoDate): number {
  return daysBetween(startDate, endDate) + 1;
}

/** Every day of an inclusive range, in order. */
export function eachDay(startDate: IsoDate, endDate: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let d = toDayNumber(startDate); d <= toDayNumber(endDate); d++) days.push(fromDayNumber(d));
  return days;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** Do two inclusive day ranges share at least one day? */
export function rangesOverlap(a: { startDate: IsoDate; endDate: IsoDate }, b: { startDate: IsoDate; endDate: IsoDate }): boolean {
  return a.startDate <= b.endDate && b.startDate <= a.endDate;
}

/** The calendar day an instant falls on in a time zone (the programme's days are Asia/Shanghai days). */
export function calendarDayIn(timeZone: string, instant: Date): IsoDate {
  return dayFormatter(timeZone).format(instant);
}

// Building an Intl.DateTimeFormat costs ~0.1 ms, more than the rest of a booking's date work;
// one per time zone is kept (there are a handful). en-CA formats as YYYY-MM-DD.
const dayFormatters = new Map<string, Intl.DateTimeFormat>();
function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, formatter);
  }
  return formatter;
}

export const PROGRAMME_TIME_ZONE = 'Asia/Shanghai';
