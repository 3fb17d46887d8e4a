// Small files of each accepted kind, and hostile ones, made in the test: a PDF, a PNG, a JPEG, an
// OFD package (a ZIP with OFD.xml at its root), and crafted ZIPs for the refusals.
import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

export const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** A PDF whose catalogue runs JavaScript when opened: stored, but only ever served as a download. */
export const PDF_WITH_SCRIPT = new TextEncoder().encode(
  '%PDF-1.7\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert\\("pwned"\\)) >> >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

// A real 1×1 PNG.
export const PNG = Uint8Array.from(
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
);

export const JPEG = Uint8Array.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0xff, 0xd9,
]);

/** A Windows program ("MZ" header) renamed to look like a scan. */
export const EXECUTABLE = Uint8Array.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00]);

export interface CraftedEntry {
  name: string;
  data: Uint8Array | string;
  /** Deflate the data (method 8); stored otherwise. */
  deflate?: boolean;
  /** Lie in the central directory: claim this uncompressed size. */
  claimedSize?: number;
  /** Lie in the central directory: point at another entry's local header. */
  offsetOf?: number;
}

/** A ZIP written field by field (PKWARE APPNOTE 4.3), able to say what a hostile archive says. */
export function craftZip(entries: CraftedEntry[]): Uint8Array {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = Buffer.from(typeof entry.data === 'string' ? new TextEncoder().encode(entry.data) : entry.data);
    const data = entry.deflate ? deflateRawSync(raw) : raw;
    const name = Buffer.from(entry.name, 'utf8');
    const crc = crc32(raw);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x800, 6);
    header.writeUInt16LE(entry.deflate ? 8 : 0, 8);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(raw.length, 22);
    header.writeUInt16LE(name.length, 26);
    offsets.push(offset);
    local.push(header, name, data);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x800, 8);
    dir.writeUInt16LE(entry.deflate ? 8 : 0, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(entry.claimedSize ?? raw.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(entry.offsetOf === undefined ? offset : offsets[entry.offsetOf]!, 42);
    central.push(dir, name);
    offset += header.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Uint8Array.from(Buffer.concat([...local, directory, end]));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) crc = CRC_TABLE[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const OFD_XML =
  '<?xml version="1.0" encoding="UTF-8"?>\n<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0" DocType="OFD">' +
  '<ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>\n';

/** A small, honest OFD package. */
export function ofdPackage(extra: CraftedEntry[] = []): Uint8Array {
  return craftZip([
    { name: 'OFD.xml', data: OFD_XML, deflate: true },
    { name: 'Doc_0/Document.xml', data: '<ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"/>', deflate: true },
    { name: 'Doc_0/Pages/Page_0/Content.xml', data: '<ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"/>'.repeat(20), deflate: true },
    ...extra,
  ]);
}

export { OFD_XML };
