// `npm run db:migrate`: applies migrations to DATABASE_URL (e.g. a Turso database before a
// Workers deploy that uses LIBSQL_URL) and creates the first office account if none exists.
import { readNodeConfig } from '../env.js';
import { ensureAdmin, openDatabase } from './setup.js';

const config = readNodeConfig();
const database = await openDatabase(config.databaseUrl, config.databaseAuthToken);
const created = await ensureAdmin(database, config);
console.log(`Migrations applied to ${config.databaseUrl.split('?')[0]}${created ? `; created ${config.adminEmail}` : ''}.`);
database.client.close();
