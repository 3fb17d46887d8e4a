// Where to go after logging in or switching the language: a path of this site, or nothing. The
// browser's own URL parser (WHATWG URL) decides, not a prefix check: it drops tabs and newlines
// anywhere in a URL and reads `\` as `/`, so `/\t/evil.example` and `/\evil.example` both mean
// //evil.example, another host. Control characters are refused outright (they are never part of
// a path people follow, and a newline cannot go into the Location header).
const BASE = new URL('http://this-site.invalid/');

export function safeNext(next: string | null | undefined): string | null {
  if (!next?.startsWith('/') || /\p{Cc}/u.test(next)) return null;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE.origin) return null;
  // Dot segments can leave a path starting `//` (`/.//evil.example`), which a browser would read as a host.
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('//') ? null : path;
}
