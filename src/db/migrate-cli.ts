// `npm run db:migrate`: applies migrations to DATABASE_URL (e.g. a Turso database before a
// Workers deploy that uses LIBSQL_URL) and creates the first office account if none exists.
// That account's password is hashed as a Worker hashes (PBKDF2-SHA256, 100,000), so the Worker
// can check it; served from Node instead, it is upgraded to scrypt at its first login there.
import { readNodeConfig } from '../env.js';
import { WORKERS_PASSWORD_POLICY } from '../lib/password-hash.js';
import { ensureAdmin, openDatabase } from './setup.js';

const config = readNodeConfig();
const database = await openDatabase(config.databaseUrl, config.databaseAuthToken);
const created = await ensureAdmin(database, { ...config, passwordPolicy: WORKERS_PASSWORD_POLICY });
console.log(`Migrations applied to ${config.databaseUrl.split('?')[0]}${created ? `; created ${config.adminEmail}` : ''}.`);
database.client.close();
