import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv, type CsvCell } from '../../src/lib/csv.js';

function roundTrip(rows: CsvCell[][]): string[][] {
  return parse(toCsv(rows), { bom: true });
}

describe('toCsv', () => {
  it('starts with a UTF-8 BOM and ends every record with CRLF', () => {
    const text = toCsv([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toBe('\uFEFFa,b\r\nc,d\r\n');
    expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it.each([
    ['a comma', '杭州市,宁波市'],
    ['a double quote', '他说"你好"'],
    ['a line feed', '第一行\n第二行'],
    ['a CR LF', '第一行\r\n第二行'],
    ['Chinese text', '阿克苏地区前方指挥部'],
    ['an empty string', ''],
  ])('a cell with %s survives the round trip', (_label, cell) => {
    expect(roundTrip([['before', cell, 'after']])).toEqual([['before', cell, 'after']]);
  });

  it('quotes exactly the fields that need it (RFC 4180)', () => {
    expect(toCsv([['plain', 'a,b', 'say "hi"', 'x\ny']])).toBe('\uFEFFplain,"a,b","say ""hi""","x\ny"\r\n');
  });

  it('round-trips a report with a header, numbers and empty cells', () => {
    const rows: CsvCell[][] = [
      ['单位', '年度', '批次上限', '已用', '备注'],
      ['杭州市', 2027, 4, 3, null],
      ['宁波市', 2027, 4, 0, undefined],
    ];
    expect(roundTrip(rows)).toEqual([
      ['单位', '年度', '批次上限', '已用', '备注'],
      ['杭州市', '2027', '4', '3', ''],
      ['宁波市', '2027', '4', '0', ''],
    ]);
  });

  it.each([
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ["=cmd|' /C calc'!A0", `'=cmd|' /C calc'!A0`],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@x', "'@x"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['\0=1', "'\0=1"],
  ])('neutralises the string %j', (cell, expected) => {
    expect(roundTrip([[cell]])).toEqual([[expected]]);
  });

  it.each([
    ['a formula character later in the cell', 'a=b+c-d@e'],
    ['a leading apostrophe already', "'ok"],
    ['a leading space', ' =1'],
    ['a Chinese name', '王建国'],
  ])('leaves a string with %s alone', (_label, cell) => {
    expect(roundTrip([[cell]])).toEqual([[cell]]);
  });

  it('writes numbers, negative ones included, as numbers', () => {
    expect(toCsv([[-1, 0, 42, -1500, 1.5]])).toBe('\uFEFF-1,0,42,-1500,1.5\r\n');
  });

  it('writes a document with no rows as the BOM alone', () => {
    expect(toCsv([])).toBe('\uFEFF');
  });
});

describe('neutraliseCell', () => {
  it.each<[CsvCell, string]>([
    ['=1+1', "'=1+1"],
    ['-1', "'-1"],
    [-1, '-1'],
    [0, '0'],
    [null, ''],
    [undefined, ''],
    ['安全', '安全'],
  ])('%j → %j', (value, expected) => {
    expect(neutraliseCell(value)).toBe(expected);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('refuses the non-finite number %s', (value) => {
    expect(() => neutraliseCell(value)).toThrow(RangeError);
  });
});
