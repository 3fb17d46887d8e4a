// Node entry: the embedded libSQL file by default, or a remote libSQL/Turso URL.
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { ensureAdmin, openDatabase } from './db/setup.js';
import { readNodeConfig } from './env.js';

const config = readNodeConfig();
const database = await openDatabase(config.databaseUrl, config.databaseAuthToken);
if (await ensureAdmin(database, config)) console.log(`Created the first office account: ${config.adminEmail}`);
if (config.adminPasswordIsDefault) {
  console.warn('WARNING: ADMIN_PASSWORD is the shipped default "change-me-now". Set ADMIN_PASSWORD before exposing this service.');
}

const app = createApp({ db: database.db, config });
const server = serve({ fetch: app.fetch, port: config.port, hostname: '0.0.0.0' }, (info) => {
  console.log(`Visit planner listening on http://localhost:${info.port} (database ${config.databaseUrl.split('?')[0]})`);
});

function shutdown(): void {
  server.close(() => {
    database.client.close();
    process.exit(0);
  });
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
