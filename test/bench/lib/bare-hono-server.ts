// A Hono app with nothing of this project's in it: GET /healthz, and POST /echo, which parses
// its JSON body and sends it back. Served through the same Node wiring as src/server.ts. The
// throughput benchmark's reference for what a JSON POST costs against a GET on this machine
// before any application work (no auth, no validation, no database).
import { Hono } from 'hono';
import { createNodeServer } from '../../../src/node-body.js';

const app = new Hono();
app.get('/healthz', (c) => c.json({ ok: true }));
app.post('/echo', async (c) => c.json(await c.req.json(), 201));
createNodeServer(app.fetch, 64 * 1024).listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
