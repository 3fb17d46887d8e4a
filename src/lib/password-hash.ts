// Password hashing: the strongest scheme each runtime offers, recorded in every hash so old
// hashes keep verifying and get upgraded at the owner's next login.
//
// - Node: scrypt through node:crypto, N = 2^15, r = 8, p = 3. That is one of the settings OWASP's
//   Password Storage Cheat Sheet lists as equal in strength to its first one (N = 2^17, r = 8,
//   p = 1); it needs 32 MiB per hash instead of 128 MiB, so the four threads Node hashes on hold
//   at most 128 MiB between them under a flood of logins. maxmem is twice what it needs.
// - Workers: PBKDF2-SHA256 with 100,000 iterations through WebCrypto, the most a Worker may run
//   in one derivation (OWASP asks 600,000 for PBKDF2-SHA256; Workers cannot).
// node:crypto is reached with process.getBuiltinModule (Node ≥ 20.16), never a static import,
// so the Worker bundle has no node: module; a Worker is given the PBKDF2 policy (src/env.ts).
import { constantTimeEqual } from './crypto.js';

export type PasswordPolicy = { scheme: 'scrypt'; N: number; r: number; p: number } | { scheme: 'pbkdf2-sha256'; iterations: number };

export const NODE_PASSWORD_POLICY: PasswordPolicy = { scheme: 'scrypt', N: 2 ** 15, r: 8, p: 3 };
export const WORKERS_PASSWORD_POLICY: PasswordPolicy = { scheme: 'pbkdf2-sha256', iterations: 100_000 };

type ScryptOptions = { N: number; r: number; p: number; maxmem: number };
type NodeScrypt = {
  scrypt(
    password: string,
    salt: Uint8Array,
    keylen: number,
    options: ScryptOptions,
    callback: (err: Error | null, key: Uint8Array) => void,
  ): void;
};

// Where node:crypto offers scrypt (Node; workerd with nodejs_compat may too), a scrypt hash made on
// Node can be checked, e.g. by a Worker serving the same Turso database.
function nodeScrypt(): NodeScrypt | undefined {
  const getBuiltin = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  const mod = getBuiltin?.('node:crypto') as Partial<NodeScrypt> | undefined;
  return typeof mod?.scrypt === 'function' ? (mod as NodeScrypt) : undefined;
}

/** The policy for this runtime when configuration names none: scrypt where Node offers it. */
export function defaultPasswordPolicy(): PasswordPolicy {
  const onWorkers = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent === 'Cloudflare-Workers';
  return nodeScrypt() && !onWorkers ? NODE_PASSWORD_POLICY : WORKERS_PASSWORD_POLICY;
}

const KEY_BYTES = 32;

export async function hashPassword(password: string, policy: PasswordPolicy): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  if (policy.scheme === 'scrypt') {
    const { N, r, p } = policy;
    const derived = await scrypt(password, salt, { N, r, p });
    return `scrypt$${N}$${r}$${p}$${base64url(salt)}$${base64url(derived)}`;
  }
  const derived = await pbkdf2(password, salt, policy.iterations);
  return `pbkdf2-sha256$${policy.iterations}$${base64url(salt)}$${base64url(derived)}`;
}

interface Parsed {
  policy: PasswordPolicy;
  salt: Uint8Array<ArrayBuffer>;
  expected: string;
}

function parse(stored: string): Parsed | null {
  const parts = stored.split('$');
  const num = (text: string | undefined) => (text && /^[1-9]\d{0,9}$/.test(text) ? Number(text) : Number.NaN);
  if (parts[0] === 'scrypt' && parts.length === 6) {
    const [N, r, p] = [num(parts[1]), num(parts[2]), num(parts[3])];
    if (!(N > 1 && r > 0 && p > 0)) return null;
    return { policy: { scheme: 'scrypt', N, r, p }, salt: fromBase64url(parts[4] ?? ''), expected: parts[5] ?? '' };
  }
  if (parts[0] === 'pbkdf2-sha256' && parts.length === 4) {
    const iterations = num(parts[1]);
    if (!(iterations > 0)) return null;
    return { policy: { scheme: 'pbkdf2-sha256', iterations }, salt: fromBase64url(parts[2] ?? ''), expected: parts[3] ?? '' };
  }
  return null;
}

/** True when the password matches the stored hash, whichever scheme made it. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const { policy, salt, expected } = parsed;
  const derived =
    policy.scheme === 'scrypt'
      ? await scrypt(password, salt, { N: policy.N, r: policy.r, p: policy.p })
      : await pbkdf2(password, salt, policy.iterations);
  return constantTimeEqual(base64url(derived), expected);
}

/**
 * True when the stored hash is weaker than the policy: another scheme the runtime ranks lower
 * (PBKDF2 where scrypt is the policy), or the same scheme with less work or memory.
 */
export function needsRehash(stored: string, policy: PasswordPolicy): boolean {
  const parsed = parse(stored)?.policy;
  if (!parsed) return true;
  if (policy.scheme === 'scrypt') {
    if (parsed.scheme !== 'scrypt') return true;
    return parsed.N * parsed.r < policy.N * policy.r || parsed.N * parsed.r * parsed.p < policy.N * policy.r * policy.p;
  }
  // A Worker cannot make anything stronger than PBKDF2 at its cap: a scrypt hash stays.
  return parsed.scheme === 'pbkdf2-sha256' && parsed.iterations < policy.iterations;
}

function scrypt(password: string, salt: Uint8Array, params: { N: number; r: number; p: number }): Promise<Uint8Array> {
  const node = nodeScrypt();
  if (!node) return Promise.reject(new Error('scrypt needs node:crypto, which this runtime does not offer'));
  // What scrypt needs is about 128 · N · r bytes; Node refuses above maxmem (32 MiB by default).
  const maxmem = 2 * 128 * params.N * params.r;
  return new Promise((resolve, reject) =>
    node.scrypt(password, salt, KEY_BYTES, { ...params, maxmem }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

async function pbkdf2(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, KEY_BYTES * 8);
  return new Uint8Array(bits);
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> {
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  } catch {
    return new Uint8Array(0);
  }
}
