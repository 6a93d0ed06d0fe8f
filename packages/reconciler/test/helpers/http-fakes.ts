/** The fakes over real HTTP on loopback, for the CLI and for child processes (which msw cannot reach). */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeEsimAccess } from './fake-esimaccess.js';
import type { FakeIroamly } from './fake-iroamly.js';

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

export interface ServedFake {
  url: string;
  close(): Promise<void>;
}

function serve(
  answer: (req: IncomingMessage, body: unknown) => Promise<unknown> | unknown,
): Promise<ServedFake> {
  const server = createServer(async (req, res) => {
    const json = JSON.stringify(await answer(req, await readJson(req)));
    res.writeHead(200, { 'content-type': 'application/json' }).end(json);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

export function serveEsimAccess(fake: FakeEsimAccess): Promise<ServedFake> {
  return serve((req, body) => {
    const header = req.headers['rt-accesscode'];
    return fake.handle(
      new URL(req.url ?? '/', 'http://x').pathname,
      typeof header === 'string' ? header : null,
      body,
    );
  });
}

export function serveIroamly(fake: FakeIroamly): Promise<ServedFake> {
  return serve((req, body) => {
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers))
      if (typeof value === 'string') headers.set(key, value);
    return fake.handle(new URL(req.url ?? '/', 'http://x').pathname, headers, body);
  });
}
