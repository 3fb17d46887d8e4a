// Bodies for POST /api/v1/visits that pass every rule as they stand (with the region rules and
// caps the tests set), so a test names only the fields it is about.

/** An inspection of four to Aksu, 1–3 March 2027 (after FIXED_NOW). */
export const visitBody = (over: Record<string, unknown> = {}) => ({
  regionId: 'aksu',
  kind: 'inspection',
  startDate: '2027-03-01',
  endDate: '2027-03-03',
  headcount: 4,
  leaderName: '张三',
  purpose: '考察产业项目',
  ...over,
});

/** The same in early May, led by 王五: the usual visit of the workflow, HQ and office tests. */
export const mayVisitBody = (over: Record<string, unknown> = {}) =>
  visitBody({ startDate: '2027-05-01', endDate: '2027-05-03', leaderName: '王五', purpose: '考察援建项目', ...over });
