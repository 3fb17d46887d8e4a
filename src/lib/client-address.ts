// A client's address as a rate limit counts it: an IPv4 address as it is (also when Node reports
// it IPv4-mapped, `::ffff:1.2.3.4`), an IPv6 address by its /64 prefix, since one subscriber
// usually holds a whole /64 and could otherwise take a fresh address for every request.

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** The key of the client's address, or null when it is not an IP address. */
export function addressKey(raw: string | null | undefined): string | null {
  const text = raw
    ?.trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  if (!text) return null;
  const mapped = text.startsWith('::ffff:') ? text.slice('::ffff:'.length) : text;
  if (IPV4.test(mapped)) return mapped.split('.').every((part) => Number(part) <= 255) ? mapped : null;
  const groups = ipv6Groups(text.split('%')[0] ?? '');
  return groups ? `${groups.slice(0, 4).join(':')}::/64` : null;
}

/** The eight 16-bit groups of an IPv6 address, without leading zeros; null if it is not one. */
function ipv6Groups(text: string): string[] | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string | undefined) => (part ? part.split(':') : []);
  const head = parse(halves[0]);
  const tail = parse(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => g.replace(/^0+(?=.)/, ''));
}
