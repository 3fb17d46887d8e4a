// Field errors from the shared validation (English, from zod and the services) told in the unit
// user's language.
import type { Lang } from '../../views/i18n.js';
import type { Words } from '../../views/labels.js';

type FieldRule = [RegExp, (m: RegExpMatchArray, path: string) => Words];

// Patterns of the messages zod and the shared services give (src/schemas/*, src/services/*).
const FIELD_RULES: FieldRule[] = [
  [/received undefined|expected string to have >=1 characters/, () => ({ zh: '此项必填', en: 'Required' })],
  [/received NaN|expected int/, () => ({ zh: '请填写整数', en: 'Enter a whole number' })],
  [/Too small: expected number to be >=(\d+)/, (m) => ({ zh: `不能小于 ${m[1]}`, en: `At least ${m[1]}` })],
  [/Too big: expected number to be <=(\d+)/, (m) => ({ zh: `不能大于 ${m[1]}`, en: `At most ${m[1]}` })],
  [/Too big: expected string to have <=(\d+) characters/, (m) => ({ zh: `最多 ${m[1]} 个字符`, en: `At most ${m[1]} characters` })],
  [/Invalid option/, () => ({ zh: '请从列表中选择', en: 'Choose one of the options' })],
  [/must be a year as four digits/, () => ({ zh: '请填写 2000 至 2999 之间的年份', en: 'Enter a year between 2000 and 2999' })],
  [/real calendar day/, () => ({ zh: '请填写有效日期(年-月-日)', en: 'Enter a real date (YYYY-MM-DD)' })],
  [/must not be before startDate/, () => ({ zh: '结束日期不能早于开始日期', en: 'The end date must not be before the start date' })],
  [
    /must not be in the past \(today is (\S+)\)/,
    (m, path) =>
      path === 'startDate'
        ? { zh: `开始日期不能早于今天(${m[1]})`, en: `The start date must not be in the past (today is ${m[1]})` }
        : { zh: `不能早于今天(${m[1]})`, en: `Must not be in the past (today is ${m[1]})` },
  ],
  [/a visit may last at most (\d+) days/, (m) => ({ zh: `一次考察最长 ${m[1]} 天`, en: `A visit lasts at most ${m[1]} days` })],
  [/a reception lasts at most (\d+) days/, (m) => ({ zh: `一次接待最长 ${m[1]} 天`, en: `A reception lasts at most ${m[1]} days` })],
  [/must be one of the reception days/, () => ({ zh: '日期须在接待期间内', en: 'Must be one of the reception days' })],
  [
    /must equal the number of guests listed \((\d+)\)/,
    (m) => ({ zh: `来宾人数须与名单一致(名单 ${m[1]} 人)`, en: `Must match the guests listed (${m[1]})` }),
  ],
  [/Too small: expected array to have >=1 items/, () => ({ zh: '请至少填写一位来宾', en: 'List at least one guest' })],
  [
    /condolence visit needs the number of cadres/,
    () => ({ zh: '慰问考察须填写慰问干部人数(至少 1 人)', en: 'A condolence visit needs the number of cadres visited (at least 1)' }),
  ],
  [/more rooms than guests/, () => ({ zh: '房间数多于来宾人数', en: 'More rooms than guests' })],
  [/more nights than reception days/, () => ({ zh: '晚数多于接待天数', en: 'More nights than reception days' })],
  [/unknown region/, () => ({ zh: '请选择受援地', en: 'Choose a region' })],
  // Plan requests (services/plans.ts planRequestIssues).
  [/must be in (\d{4}): a visit counts in the year it starts/, (m) => ({ zh: `须在 ${m[1]} 年内`, en: `Must be in ${m[1]}` })],
  [/must not be before earliest/, () => ({ zh: '最晚日期不能早于最早日期', en: 'Must not be before the earliest day' })],
  [
    /a (\d+)-day visit starting in (\d{4}) ends by (\S+) at the latest/,
    (m) => ({ zh: `${m[2]} 年出发的 ${m[1]} 天考察最晚 ${m[3]} 返回`, en: `A ${m[1]}-day visit starting in ${m[2]} ends by ${m[3]}` }),
  ],
  [
    /must leave room for the whole visit: between (\S+) and (\S+)/,
    (m) => ({ zh: `须在 ${m[1]} 至 ${m[2]} 之间,留出整个考察的天数`, en: `Between ${m[1]} and ${m[2]}, leaving room for the whole visit` }),
  ],
  [
    /no (\d+)-day visit fits between/,
    (m) => ({ zh: `该时段容不下 ${m[1]} 天的考察`, en: `A ${m[1]}-day visit does not fit in the window` }),
  ],
  [/must not contain control characters/, () => ({ zh: '不能包含控制字符', en: 'Must not contain control characters' })],
  [/must contain visible characters/, () => ({ zh: '请填写看得见的文字', en: 'Enter visible text' })],
];

/** A field error in the user's language; an unknown message is shown as it came. */
export function fieldMessage(message: string, lang: Lang, path = ''): string {
  for (const [pattern, words] of FIELD_RULES) {
    const match = message.match(pattern);
    if (match) return words(match, path)[lang];
  }
  return message;
}

export function localizeFieldErrors(errors: Record<string, string>, lang: Lang): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => [path, fieldMessage(message, lang, path)]));
}
