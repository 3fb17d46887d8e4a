// Visit bodies for the edge checks. The Worker reads the real clock, so every date is in next
// year: always in the future, never "already past".
export const YEAR = new Date().getUTCFullYear() + 1;

/** `MM-DD` of YEAR as `YYYY-MM-DD`. */
export const day = (monthDay: string, year = YEAR): string => `${year}-${monthDay}`;

export const visitBody = (over: Record<string, unknown> = {}) => ({
  regionId: 'aksu',
  kind: 'inspection',
  startDate: day('03-01'),
  endDate: day('03-03'),
  headcount: 5,
  leaderName: '张三',
  purpose: '考察产业项目',
  ...over,
});
