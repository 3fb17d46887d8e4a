// Node entry: the embedded libSQL file by default, or a remote libSQL/Turso URL.
import { createApp, MAX_BODY_BYTES } from './app.js';
import { ensureAdmin, openDatabase } from './db/setup.js';
import { readNodeConfig } from './env.js';
import { createNodeServer } from './node-body.js';
import { openNodeFileStore } from './storage/node-file-store.js';
import { smtpSender } from './node-smtp.js';
import { startDeliveryLoop } from './services/delivery-loop.js';
import { CONNECTION_LIMITS, limitConnections } from './node-connections.js';
import { plannerThread } from './planner-offload.js';

const config = readNodeConfig();
const database = await openDatabase(config.databaseUrl, config.databaseAuthToken);
if (await ensureAdmin(database, config)) console.log(`Created the first office account: ${config.adminEmail}`);
if (config.adminPasswordIsDefault) {
  console.warn('WARNING: ADMIN_PASSWORD is the shipped default "change-me-now". Set ADMIN_PASSWORD before exposing this service.');
}

const files = await openNodeFileStore(config.filesDir);
// The outbox sender: e-mail when SMTP_URL is set, webhooks always (src/services/delivery.ts).
const mail = config.notifications?.mail ?? null;
const delivery = startDeliveryLoop(
  { db: database.db, config, now: () => new Date(), files },
  { mail: mail ? smtpSender(mail) : null, fetch: globalThis.fetch },
);
// The annual planner's solves run on a worker thread: a 10-second solve holds up no request.
const planner = plannerThread();
const app = createApp({ db: database.db, config, files, wakeDelivery: delivery.wake, offload: planner });
const server = createNodeServer(app.fetch, MAX_BODY_BYTES);
// Behind a reverse proxy every connection comes from the proxy: it limits its own clients.
limitConnections(server, CONNECTION_LIMITS, !config.trustProxy);
server.listen(config.port, '0.0.0.0', () => {
  console.log(`Visit planner listening on http://localhost:${config.port} (database ${config.databaseUrl.split('?')[0]})`);
});

function shutdown(): void {
  server.close(async () => {
    // A message being sent finishes first; one not yet claimed waits in the outbox for the next start.
    await delivery.stop();
    await planner.close();
    database.client.close();
    process.exit(0);
  });
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
