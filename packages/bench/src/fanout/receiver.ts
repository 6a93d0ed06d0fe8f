/**
 * @module
 * The webhook receiver of the fan-out figure, in its own process so it does not share the sender's event loop:
 * answers 200 to every POST, counts deliveries, distinct `notifyId`s and the profiles whose DATA_USAGE events came
 * out of order (a profile's remaining fraction only goes down: 0.5, then 0.2, then 0.1), and reports them on
 * `GET /stats` (a ReceiverStats). Prints `listening on http://127.0.0.1:PORT` when ready.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const ids = new Set<string>();
/** Per esimTranNo, the last remainThreshold received. */
const lastThreshold = new Map<string, number>();
let received = 0;
let malformed = 0;
let outOfOrder = 0;

interface UsageEvent {
  notifyId?: unknown;
  content?: { esimTranNo?: unknown; remainThreshold?: unknown };
}

function record(event: UsageEvent): void {
  const { notifyId, content } = event;
  if (typeof notifyId !== 'string') {
    malformed++;
    return;
  }
  ids.add(notifyId);
  if (typeof content?.esimTranNo !== 'string' || typeof content.remainThreshold !== 'number') return;
  const last = lastThreshold.get(content.esimTranNo);
  if (last !== undefined && content.remainThreshold >= last) outOfOrder++;
  lastThreshold.set(content.esimTranNo, content.remainThreshold);
}

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/stats') {
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(
        JSON.stringify({ received, unique: ids.size, malformed, outOfOrder, profiles: lastThreshold.size }),
      );
    return;
  }
  if (req.method === 'POST' && req.url === '/reset') {
    ids.clear();
    lastThreshold.clear();
    received = 0;
    malformed = 0;
    outOfOrder = 0;
    res.writeHead(204).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    received++;
    try {
      record(JSON.parse(Buffer.concat(chunks).toString('utf8')) as UsageEvent);
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
