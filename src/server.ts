// Node entry: the embedded libSQL file by default, or a remote libSQL/Turso URL.
import { createApp, MAX_BODY_BYTES } from './app.js';
import { ensureAdmin, openDatabase } from './db/setup.js';
import { readNodeConfig } from './env.js';
import { createNodeServer } from './node-body.js';
import { plannerThread } from './planner-offload.js';

const config = readNodeConfig();
const database = await openDatabase(config.databaseUrl, config.databaseAuthToken);
if (await ensureAdmin(database, config)) console.log(`Created the first office account: ${config.adminEmail}`);
if (config.adminPasswordIsDefault) {
  console.warn('WARNING: ADMIN_PASSWORD is the shipped default "change-me-now". Set ADMIN_PASSWORD before exposing this service.');
}

// The annual planner's solves run on a worker thread: a 10-second solve holds up no request.
const planner = plannerThread();
const app = createApp({ db: database.db, config, offload: planner });
const server = createNodeServer(app.fetch, MAX_BODY_BYTES);
server.listen(config.port, '0.0.0.0', () => {
  console.log(`Visit planner listening on http://localhost:${config.port} (database ${config.databaseUrl.split('?')[0]})`);
});

function shutdown(): void {
  server.close(() => {
    void planner.close().finally(() => {
      database.client.close();
      process.exit(0);
    });
  });
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
