// The shared words for stored codes, and rule messages that name a rank with them.
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/views/i18n.js';
import { kindLabel, rankLabel, receptionStatusLabel, visitStatusLabel } from '../../src/views/labels.js';
import { problemMessages } from '../../src/views/problem-messages.js';

describe('labels', () => {
  const zh = translator('zh');
  const en = translator('en');

  it.each([
    [visitStatusLabel('coordinated', zh), '已衔接待审批'],
    [visitStatusLabel('rejected', zh), '未通过'],
    [receptionStatusLabel('rejected', zh), '未通过'],
    [receptionStatusLabel('submitted', en), 'Awaiting approval'],
    [kindLabel('condolence', zh), '慰问'],
    [rankLabel('county', en), 'County'],
  ])('%s', (shown, expected) => {
    expect(shown).toBe(expected);
  });

  it.each([
    ['zh', 'county', '住宿标准超标(县处级):每晚最多 400 元,填报 450 元'],
    ['en', 'provincial', 'Lodging over standard (Provincial): at most 400 yuan a night, 450 requested'],
    ['en', '某级别', 'Lodging over standard (某级别): at most 400 yuan a night, 450 requested'],
  ] as const)('names the rank of a lodging violation in %s (%s)', (lang, rank, expected) => {
    expect(problemMessages({ code: 'LODGING_STANDARD_EXCEEDED', rank, limit: 400, requested: 450 }, lang)).toEqual([expected]);
  });
});
