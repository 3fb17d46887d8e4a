// Opening a libSQL database ready to serve: tuned, migrated, with the first office account.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AppConfig } from '../env.js';
import { defaultPasswordPolicy, hashPassword } from '../lib/password-hash.js';
import { createLibsqlDb, tuneEmbeddedFile, type LibsqlDatabase } from './client.js';
import { applyMigrations } from './migrate.js';
import { bootstrapAdmin } from './repo/users.js';

export async function openDatabase(url: string, authToken?: string): Promise<LibsqlDatabase> {
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length).split('?')[0] ?? '';
    if (path && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  }
  const opened = createLibsqlDb(url, authToken);
  if (url.startsWith('file:')) await tuneEmbeddedFile(opened.client);
  await applyMigrations(opened.db);
  return opened;
}

/** Creates the bootstrap office account when no account exists yet; says whether it did. */
export async function ensureAdmin(opened: LibsqlDatabase, config: AppConfig, now = new Date()): Promise<boolean> {
  const passwordHash = await hashPassword(config.adminPassword, config.passwordPolicy ?? defaultPasswordPolicy());
  return bootstrapAdmin(opened.db, config.adminEmail, passwordHash, now);
}
