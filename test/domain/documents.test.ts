// File names from clients, made safe to show, send back and archive; never a path.
import { describe, expect, it } from 'vitest';
import { mayManageDocuments, safeFilename, uniqueName } from '../../src/domain/documents.js';
import { attachmentDisposition } from '../../src/lib/content-disposition.js';

describe('safeFilename', () => {
  it.each([
    ['公函.pdf', '公函.pdf'],
    ['  spaced name.pdf  ', 'spaced name.pdf'],
    ['../../etc/passwd', '.._.._etc_passwd'],
    ['C:\\fakepath\\scan.jpg', 'C:_fakepath_scan.jpg'],
    ['bell\u0007 and tab\t.png', 'bell and tab.png'],
    ['evil\u202Egnp.exe', 'evilgnp.exe'],
    ['\u2066isolated\u2069.pdf', 'isolated.pdf'],
    ['...', 'document'],
    ['', 'document'],
    ['e\u0301.pdf', 'é.pdf'],
  ])('%j → %j', (given, kept) => {
    expect(safeFilename(given)).toBe(kept);
  });

  it('cuts a very long name to 200 characters, keeping the extension', () => {
    const kept = safeFilename(`${'长'.repeat(300)}.pdf`);
    expect(Array.from(kept)).toHaveLength(200);
    expect(kept.endsWith('长.pdf')).toBe(true);
  });
});

describe('uniqueName', () => {
  it('numbers a name taken in the same folder, ignoring case', () => {
    const taken = new Set<string>();
    expect(['公函.pdf', '公函.pdf', 'Scan.PDF', 'scan.pdf', 'noext', 'noext'].map((n) => uniqueName(n, taken))).toEqual([
      '公函.pdf',
      '公函 (2).pdf',
      'Scan.PDF',
      'scan (2).pdf',
      'noext',
      'noext (2)',
    ]);
  });
});

describe('attachmentDisposition', () => {
  it('sends an ASCII fallback and the exact UTF-8 name (RFC 6266, RFC 8187)', () => {
    expect(attachmentDisposition('公函 (1).pdf')).toBe(
      `attachment; filename="__ (1).pdf"; filename*=UTF-8''%E5%85%AC%E5%87%BD%20%281%29.pdf`,
    );
    expect(attachmentDisposition('a"b\\c%d;e.pdf')).toBe(`attachment; filename="a_b_c_d;e.pdf"; filename*=UTF-8''a%22b%5Cc%25d%3Be.pdf`);
  });
});

describe('mayManageDocuments', () => {
  const actor = (role: 'office' | 'hq' | 'unit', unitId: string | null = null) => ({
    id: 'u',
    email: 'e',
    role,
    unitId,
    regionId: null,
    displayName: null,
  });
  it('lets the office and the record’s own unit manage its documents, nobody else', () => {
    expect(mayManageDocuments(actor('office'), 'hangzhou')).toBe(true);
    expect(mayManageDocuments(actor('unit', 'hangzhou'), 'hangzhou')).toBe(true);
    expect(mayManageDocuments(actor('unit', 'ningbo'), 'hangzhou')).toBe(false);
    expect(mayManageDocuments(actor('hq'), 'hangzhou')).toBe(false);
  });
});
