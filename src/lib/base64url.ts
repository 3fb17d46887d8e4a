// base64url (RFC 4648 §5) over bytes and UTF-8 text with the web platform's btoa/atob, so the same
// code runs on Node and on Workers.

export function bytesToBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes, or null when the text is not base64url. */
export function base64urlToBytes(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (ch) => ch.charCodeAt(0));
  } catch {
    return null;
  }
}

export const textToBase64url = (text: string): string => bytesToBase64url(new TextEncoder().encode(text));

/** The UTF-8 text, or null when the input is not base64url of valid UTF-8. */
export function base64urlToText(text: string): string | null {
  const bytes = base64urlToBytes(text);
  if (!bytes) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
