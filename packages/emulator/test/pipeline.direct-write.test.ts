/**
 * Over its own server the engine writes answers built with `answer` / `answerText` to Node's response itself. What
 * the client receives must be exactly what the web Response path (any other handler given to `startServer`) sends:
 * status line, headers in order, bytes.
 */
import { afterEach, expect, test } from 'vitest';
import { answer, answerText, createEmulator, type RunningServer, startServer } from '../src/index.js';
import { counterProvider, headers, START } from './fixtures/counter-provider.js';
import { type RawAnswer, sendRaw } from './fixtures/raw-http.js';

const routes: typeof counterProvider.routes = (app) => {
  counterProvider.routes(app);
  app.post('/api/prepared', (c) => {
    c.header('x-route', 'set before the answer');
    c.header('set-cookie', 'a=1', { append: true });
    c.header('set-cookie', 'b=2', { append: true });
    return answer(c, 201, { code: '0', text: 'prepared' });
  });
  app.post('/api/untyped', (c) => answerText(c, 200, 'héllo wörld ✓ 😀'));
  app.post('/api/empty', (c) => answerText(c, 200, '', { 'content-type': 'application/json' }));
  // Past LARGE_ANSWER_CHARS (written and journaled as bytes), and past the journal's per-body limit (cut).
  app.post('/api/large', (c) => answer(c, 200, { code: '0', text: 'é✓😀'.repeat(1500) }));
  app.post('/api/huge', (c) => answer(c, 200, { code: '0', secretField: 's', text: 'ab'.repeat(5000) }));
};

type Send = { method: string; path: string; body?: string; key?: string };

const SENDS: [string, Send][] = [
  ['an answer() after headers and cookies set on the context', { method: 'POST', path: '/api/prepared' }],
  ['answerText() without a content type, multi-byte text', { method: 'POST', path: '/api/untyped' }],
  ['an empty answerText()', { method: 'POST', path: '/api/empty' }],
  ['a large answer', { method: 'POST', path: '/api/large' }],
  ['an answer over the journal limit', { method: 'POST', path: '/api/huge' }],
  ['a refusal from authenticate', { method: 'POST', path: '/api/count/increment', key: 'nobody' }],
  ['the server error of a route that throws', { method: 'POST', path: '/api/boom' }],
  ['the answer for an unknown path', { method: 'POST', path: '/api/nowhere' }],
  ['an injected error fault', { method: 'POST', path: '/api/echo', body: '{"fault":1}' }],
  ['a throttled request', { method: 'POST', path: '/api/count/increment' }],
  ['a body over the limit', { method: 'POST', path: '/api/echo', body: 'x'.repeat(200) }],
  ['a HEAD request', { method: 'HEAD', path: '/api/count' }],
  ['a GET answered by a route', { method: 'GET', path: '/api/count' }],
];

const send = (port: number, s: Send): Promise<RawAnswer> =>
  sendRaw(port, {
    method: s.method,
    path: s.path,
    headers: headers({ key: s.key ?? 'key-1', secret: 'secret-1' }),
    body: s.body ?? '{}',
  });

let servers: RunningServer[] = [];
let closing: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all([...servers, ...closing].map((s) => s.close()));
  servers = [];
  closing = [];
});

/** The same requests to a fresh counter served one way or the other; the journal's texts too. */
async function answersOf(owned: boolean) {
  const emu = createEmulator(
    { ...counterProvider, routes },
    {
      clock: 'manual',
      startTime: START,
      account: { key: 'key-1', secret: 'secret-1' },
      maxBodyBytes: 100,
      journalBodyChars: 8000,
      logger: { error: () => {} },
    },
  );
  const server = owned
    ? await startServer({ emulator: emu })
    : await startServer({ fetch: (r, conn) => emu.fetch(r, conn) });
  servers.push(server);
  if (!owned) closing.push(emu);
  const tenant = emu.defaultAccount;
  const out: RawAnswer[] = [];
  for (const [what, s] of SENDS) {
    if (what === 'an injected error fault') {
      tenant.faults.add({ path: '/api/echo', times: 1, action: { type: 'error', code: 'E1', custom: true } });
    }
    if (what === 'a throttled request') tenant.rateLimit.set({ limit: 0, windowMs: 60_000 });
    out.push(await send(server.port, s));
    if (what === 'a throttled request') tenant.rateLimit.set(null);
  }
  const journal = tenant.journal.list().map((e) => [e.path, e.status, e.responseBody, e.providerCode]);
  return { out, journal };
}

test('over its own server the engine sends every answer exactly as the web Response path does', async () => {
  const direct = await answersOf(true);
  const web = await answersOf(false);
  for (const [i, [what]] of SENDS.entries()) {
    expect({ what, ...direct.out[i] }).toEqual({ what, ...web.out[i] });
  }
  expect(direct.journal).toEqual(web.journal);
  expect(direct.out[0]!.headers).toEqual(
    expect.arrayContaining(['set-cookie', 'a=1', 'set-cookie', 'b=2', 'x-route', 'set before the answer']),
  );
  expect(direct.out[1]!.body).toBe('héllo wörld ✓ 😀');
});
