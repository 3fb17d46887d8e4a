// Random identifiers and secret tokens through WebCrypto, so the same code runs on Node and on
// Workers; only the token hash takes node:crypto where it exists (below). Passwords:
// password-hash.ts.

export function newId(): string {
  return crypto.randomUUID();
}

/** A secret token: 32 random bytes (256 bits), base64url. Only its SHA-256 is ever stored. */
export function newSecretToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

// Every authenticated request hashes its token. Node's WebCrypto digest validates its arguments
// and hops to the thread pool, about 0.1 ms of the main thread per call; node:crypto's hash is
// the same SHA-256 in a few microseconds. process.getBuiltinModule (Node ≥ 20.16) reaches it
// without a static node: import, which a Worker bundle must not have; Workers use WebCrypto.
type NodeHash = { createHash(algorithm: 'sha256'): { update(data: string): { digest(encoding: 'hex'): string } } };
const nodeCrypto = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.(
  'node:crypto',
) as NodeHash | undefined;

export async function sha256Hex(value: string): Promise<string> {
  if (nodeCrypto) return nodeCrypto.createHash('sha256').update(value).digest('hex');
  return webCryptoSha256Hex(value);
}

export async function webCryptoSha256Hex(value: string): Promise<string> {
  return sha256HexOfBytes(new TextEncoder().encode(value));
}

export async function sha256HexOfBytes(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}

/** Compares secrets without an early exit, so timing does not reveal a matching prefix. */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
