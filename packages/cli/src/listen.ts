/**
 * @module
 * `esim-sandbox listen`: becomes the account's webhook receiver for as long as it runs (a loopback server whose URL
 * is saved as the account's webhook URL through the control API), prints every delivery as it arrives, and, with
 * `--forward-to`, passes it on to a local URL with the same bytes and headers and answers the fake with the
 * receiver's status (so retries follow what your app answered). On stop the previous webhook URL is put back.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CliError, EXIT, usageError } from './errors.js';
import { accountPath, control, type Provider, type Target } from './target.js';

export interface ListenOptions {
  provider: Provider;
  account: string;
  forwardTo: string | undefined;
  json: boolean;
  print(line: string): void;
  /** Aborting stops listening (Ctrl+C in the bin). */
  signal: AbortSignal;
}

/** Headers that describe one hop, not the message: never forwarded. */
const HOP_BY_HOP = new Set(['host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive']);

function forwardHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!HOP_BY_HOP.has(name) && value !== undefined)
      out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function describe(body: Buffer): { type: string; id: string } {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { notifyType?: string; notifyId?: string };
    return { type: parsed.notifyType ?? '(unknown type)', id: parsed.notifyId ?? '' };
  } catch {
    return { type: '(not JSON)', id: '' };
  }
}

async function forward(url: string, body: Buffer, headers: Record<string, string>) {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers,
      body: new Uint8Array(body),
      signal: AbortSignal.timeout(10_000),
    });
    await res.arrayBuffer();
    return { status: res.status, error: undefined };
  } catch (error) {
    const cause = (error as Error).cause as Error | undefined;
    return { status: undefined, error: cause?.message ?? (error as Error).message };
  }
}

export async function listen(target: Target, o: ListenOptions): Promise<number> {
  if (o.provider === 'iroamly') {
    throw usageError(
      '--provider iroamly: iRoamly sends no webhooks (API v1.2: results arrive by email); `esim-sandbox trigger --provider iroamly` prints the mails it sends',
    );
  }
  if (o.forwardTo !== undefined) {
    try {
      new URL(o.forwardTo);
    } catch {
      throw usageError(`--forward-to: '${o.forwardTo}' is not a URL`);
    }
  }
  const path = `${accountPath(o.account)}`;
  const previous = await control<{ id: string; webhookUrl: string | null }>(target, o.provider, path);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      const { type, id } = describe(body);
      const sent = o.forwardTo ? await forward(o.forwardTo, body, forwardHeaders(req.headers)) : undefined;
      const status = sent ? (sent.status ?? 502) : 200;
      if (o.json) {
        o.print(
          JSON.stringify({
            type,
            notifyId: id,
            body: body.toString('utf8'),
            headers: forwardHeaders(req.headers),
            ...(sent
              ? { forwardedTo: o.forwardTo, status: sent.status ?? null, error: sent.error ?? null }
              : {}),
          }),
        );
      } else {
        const answer = sent ? ` -> ${o.forwardTo} [${sent.status ?? sent.error}]` : '';
        o.print(`${new Date().toISOString()}  ${type}  ${id}${answer}`);
      }
      res.writeHead(status, { 'content-type': 'application/json' }).end('{"received":true}');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
  try {
    await control(target, o.provider, `${path}/webhooks`, { method: 'PUT', body: { url } });
  } catch (error) {
    server.close();
    throw error;
  }
  const where = o.forwardTo ? `, forwarding to ${o.forwardTo}` : '';
  const ready = `Ready! Receiving the webhooks of ${o.provider} account ${previous.id}${where} (Ctrl+C to stop)`;
  o.print(o.json ? JSON.stringify({ ready: true, account: previous.id, receiver: url }) : ready);
  await new Promise<void>((resolve) => {
    if (o.signal.aborted) resolve();
    o.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  try {
    await control(target, o.provider, `${path}/webhooks`, {
      method: 'PUT',
      body: { url: previous.webhookUrl },
    });
  } catch (error) {
    throw new CliError(
      EXIT.UNREACHABLE,
      `could not restore the webhook URL of ${previous.id} (${(error as Error).message})`,
    );
  }
  return EXIT.OK;
}
