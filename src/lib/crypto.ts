// Random identifiers, secret tokens and password hashing through WebCrypto, so the same code
// runs on Node and on Workers; only the token hash takes node:crypto where it exists (below).

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

// PBKDF2-SHA256: the slow KDF WebCrypto offers on every runtime. 100,000 iterations is the most
// Workers allow per derivation; the count is stored in each hash so it can be raised later.
const PBKDF2_ITERATIONS = 100_000;

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const derived = await pbkdf2(password, salt, PBKDF2_ITERATIONS);
  return `pbkdf2-sha256$${PBKDF2_ITERATIONS}$${base64url(salt)}$${base64url(derived)}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iterations, salt, expected] = stored.split('$');
  if (scheme !== 'pbkdf2-sha256' || !iterations || !salt || !expected) return false;
  const derived = await pbkdf2(password, fromBase64url(salt), Number(iterations));
  return constantTimeEqual(base64url(derived), expected);
}

/** Compares secrets without an early exit, so timing does not reveal a matching prefix. */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

async function pbkdf2(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
  return new Uint8Array(bits);
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}
