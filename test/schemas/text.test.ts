// Text fields refuse control characters and invisible-only values (contract v1.1, rule changes).
import { describe, expect, it } from 'vitest';
import { optionalMultilineText, optionalText, requiredMultilineText, requiredText } from '../../src/schemas/text.js';

describe('requiredText', () => {
  const name = requiredText({ max: 10 });
  it.each([
    ['a NUL alone', '\u0000'],
    ['a NUL inside', '张\u0000三'],
    ['a tab', '张\t三'],
    ['a newline', '张\n三'],
    ['DEL', '张\u007f'],
    ['a zero-width space alone', '\u200B'],
    ['a BOM, zero-width joiner and spaces', '\uFEFF\u200D  '],
    ['too long', '一二三四五六七八九十十'],
  ])('refuses %s', (_what, value) => {
    expect(name.safeParse(value).success).toBe(false);
  });
  it('keeps visible text, trimmed', () => {
    expect(name.parse('  张三 ')).toBe('张三');
  });
});

describe('optionalText', () => {
  const title = optionalText({ max: 10 });
  it('reads an invisible-only value as no value', () => {
    expect(title.parse('\u200B ')).toBeNull();
  });
  it('still refuses control characters', () => {
    expect(title.safeParse('处长\u0000').success).toBe(false);
  });
});

describe('multi-line text', () => {
  const purpose = requiredMultilineText({ max: 40 });
  it('allows tabs and line breaks, reading CRLF as one newline', () => {
    expect(purpose.parse('第一行\r\n第二行\t备注')).toBe('第一行\n第二行\t备注');
  });
  it.each([
    ['BEL', '考察\u0007'],
    ['a NUL', '考察\u0000'],
    ['only line breaks and a zero-width space', '\r\n\u200B\n'],
  ])('refuses %s', (_what, value) => {
    expect(purpose.safeParse(value).success).toBe(false);
  });
  it('is null when optional and blank', () => {
    expect(optionalMultilineText({ max: 5 }).parse(' \n ')).toBeNull();
  });
});
