// What a file is, from its first bytes (its "magic number"), never from its name or the type a
// client declares: a renamed program stays a program. Only the formats documents arrive in.

export type SniffedType = 'pdf' | 'png' | 'jpeg' | 'zip';

/** How many leading bytes sniffType needs. */
export const SNIFF_BYTES = 8;

const SIGNATURES: [SniffedType, number[]][] = [
  // ISO 32000-1 §7.5.2: the header line "%PDF-1.n" opens the file.
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  // PNG specification §5.2: the eight-byte signature.
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  // JPEG (ITU T.81) starts with SOI (FF D8) followed by the next marker's FF.
  ['jpeg', [0xff, 0xd8, 0xff]],
  // A ZIP local file header (APPNOTE 4.3.7); OFD (GB/T 33190) is a ZIP package.
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
];

export function sniffType(head: Uint8Array): SniffedType | null {
  for (const [type, signature] of SIGNATURES) {
    if (signature.every((byte, i) => head[i] === byte)) return type;
  }
  return null;
}
