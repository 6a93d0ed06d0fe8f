/**
 * @module
 * The start-up baseline: a bare Hono app on @hono/node-server (the same server options as the fakes' CLIs), started
 * the same way (`node --import tsx`), printing the same `listening on` line.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.post('/api/v1/open/balance/query', (c) =>
  c.json({ success: true, errorCode: null, errorMsg: null, obj: {} }),
);
const server = serve(
  { fetch: app.fetch, hostname: '127.0.0.1', port: 0, overrideGlobalObjects: false },
  () => {
    process.stdout.write(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
  },
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
