// Passwords as the services hash and check them: with the runtime's policy (src/env.ts sets it per
// runtime; src/lib/password-hash.ts says what each is and why).
import { defaultPasswordPolicy, hashPassword, type PasswordPolicy } from '../lib/password-hash.js';
import type { ServiceDeps } from './deps.js';

export function passwordPolicyOf(deps: Pick<ServiceDeps, 'config'>): PasswordPolicy {
  return deps.config.passwordPolicy ?? defaultPasswordPolicy();
}

export function hashNewPassword(deps: Pick<ServiceDeps, 'config'>, password: string): Promise<string> {
  return hashPassword(password, passwordPolicyOf(deps));
}

// One hash per policy, made once: an unknown e-mail is checked against it, so it costs what a
// wrong password costs and timing does not tell which accounts exist. It holds no secret.
const dummies = new Map<string, Promise<string>>();

export function dummyHash(deps: Pick<ServiceDeps, 'config'>): Promise<string> {
  const policy = passwordPolicyOf(deps);
  const key = JSON.stringify(policy);
  let hash = dummies.get(key);
  if (!hash) {
    hash = hashPassword('no account has this password', policy);
    dummies.set(key, hash);
  }
  return hash;
}
