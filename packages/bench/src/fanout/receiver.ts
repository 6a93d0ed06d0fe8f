/**
 * @module
 * The webhook receiver of the fan-out figure, in its own process so it does not share the sender's event loop:
 * answers 200 to every POST, counts deliveries and distinct `notifyId`s, and reports them on `GET /stats`.
 * Prints `listening on http://127.0.0.1:PORT` when ready.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const ids = new Set<string>();
let received = 0;
let malformed = 0;

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/stats') {
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ received, unique: ids.size, malformed }));
    return;
  }
  if (req.method === 'POST' && req.url === '/reset') {
    ids.clear();
    received = 0;
    malformed = 0;
    res.writeHead(204).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    received++;
    try {
      const id = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { notifyId?: unknown }).notifyId;
      if (typeof id === 'string') ids.add(id);
      else malformed++;
    } catch {
      malformed++;
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
});
// The bench pauses between figures (seeding) longer than Node's 5 s default: a keep-alive socket closed by the
// server just as the client reuses it fails the next request.
server.keepAliveTimeout = 10 * 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
