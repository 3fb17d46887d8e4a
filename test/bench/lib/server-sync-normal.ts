// src/server.ts as it was before FULL: the embedded file at synchronous = NORMAL, everything else
// the same. The throughput benchmark books against both to state what FULL costs.
import { createApp, MAX_BODY_BYTES } from '../../../src/app.js';
import { ensureAdmin, openDatabase } from '../../../src/db/setup.js';
import { readNodeConfig } from '../../../src/env.js';
import { createNodeServer } from '../../../src/node-body.js';
import { limitConnections } from '../../../src/node-connections.js';
import { openNodeFileStore } from '../../../src/storage/node-file-store.js';

const config = readNodeConfig();
const database = await openDatabase(config.databaseUrl);
await database.client.execute('PRAGMA synchronous = NORMAL');
await ensureAdmin(database, config);
const files = await openNodeFileStore(config.filesDir);
const server = createNodeServer(createApp({ db: database.db, config, files }).fetch, MAX_BODY_BYTES);
limitConnections(server);
server.listen(config.port, '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
