// The ZIP central directory reader on its own: it finds the end record behind a comment, reads
// names and sizes without inflating, and refuses what the document checks must never trust.
import { describe, expect, it } from 'vitest';
import { sniffType } from '../../src/lib/file-types.js';
import { readZipDirectory, ZipRefusal } from '../../src/lib/zip-directory.js';
import { craftZip, EXECUTABLE, JPEG, PDF, PNG } from '../helpers/documents.js';

const source = (bytes: Uint8Array) => ({
  size: bytes.byteLength,
  read: async (offset: number, length: number) => bytes.subarray(offset, Math.min(bytes.byteLength, offset + length)),
});

async function problem(bytes: Uint8Array, maxEntries = 100): Promise<string> {
  try {
    await readZipDirectory(source(bytes), { maxEntries });
    return 'accepted';
  } catch (error) {
    if (error instanceof ZipRefusal) return error.problem;
    throw error;
  }
}

const zip = craftZip([
  { name: 'OFD.xml', data: '<ofd:OFD/>' },
  { name: 'Doc_0/公文.xml', data: '<a/>'.repeat(50), deflate: true },
]);

describe('readZipDirectory', () => {
  it('reads every entry’s name (UTF-8 too), sizes and offset', async () => {
    const { entries, directoryOffset } = await readZipDirectory(source(zip), { maxEntries: 10 });
    expect(entries.map((e) => [e.name, e.method, e.uncompressedSize])).toEqual([
      ['OFD.xml', 0, 10],
      ['Doc_0/公文.xml', 8, 200],
    ]);
    expect(entries[0]!.localHeaderOffset).toBe(0);
    expect(entries[1]!.nameLength).toBe(new TextEncoder().encode('Doc_0/公文.xml').byteLength);
    expect(directoryOffset).toBeGreaterThan(entries[1]!.localHeaderOffset);
  });

  it('finds the end record behind an archive comment', async () => {
    const comment = new TextEncoder().encode('a comment PK\x05\x06 that looks like a signature');
    const withComment = new Uint8Array(zip.byteLength + comment.byteLength);
    withComment.set(zip);
    withComment.set(comment, zip.byteLength);
    new DataView(withComment.buffer).setUint16(zip.byteLength - 2, comment.byteLength, true);
    expect(await problem(withComment)).toBe('accepted');
  });

  it('refuses what is not one plain ZIP', async () => {
    expect(await problem(PDF)).toBe('not-zip');
    expect(await problem(zip.subarray(0, zip.byteLength - 5))).toBe('not-zip');
    expect(await problem(zip, 1)).toBe('too-many-entries');
    // Data glued in front (a self-extracting program, a polyglot) shifts every offset.
    const prefixed = new Uint8Array(zip.byteLength + 4);
    prefixed.set([0x4d, 0x5a, 0, 0]);
    prefixed.set(zip, 4);
    expect(await problem(prefixed)).toBe('bad-directory');
    const zip64 = zip.slice();
    new DataView(zip64.buffer).setUint32(zip64.byteLength - 22 + 16, 0xffffffff, true);
    expect(await problem(zip64)).toBe('zip64');
    const twoDisks = zip.slice();
    new DataView(twoDisks.buffer).setUint16(twoDisks.byteLength - 22 + 4, 1, true);
    expect(await problem(twoDisks)).toBe('multi-disk');
  });
});

describe('sniffType', () => {
  it('tells the accepted formats by their first bytes and nothing else', () => {
    expect([PDF, PNG, JPEG, zip, EXECUTABLE, new Uint8Array()].map(sniffType)).toEqual(['pdf', 'png', 'jpeg', 'zip', null, null]);
    expect(sniffType(new TextEncoder().encode(' %PDF-1.4'))).toBeNull();
  });
});
