/**
 * Over its own server the engine writes the control API's answers (those built with `answer`) to Node's response
 * itself, as it does provider answers. The client must receive exactly what the web Response path sends, refusals,
 * provider control routes and a failed save included, and an answer must never go out before the save behind it.
 */
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { type RunningServer, startServer } from '../src/index.js';
import { createCounter, headers } from './fixtures/counter-provider.js';
import { type RawAnswer, type RawRequest, sendRaw } from './fixtures/raw-http.js';
import { stateFilePath } from './fixtures/state-file.js';

const JSON_TYPE = { 'content-type': 'application/json' };
const post = (path: string, body = '{}'): RawRequest => ({ method: 'POST', path, headers: JSON_TYPE, body });
const get = (path: string): RawRequest => ({ method: 'GET', path });

/** `engine`: the engine writes the answer itself (built with `answer`); else Hono's Response goes out. */
const EXCHANGES: [what: string, request: RawRequest, status: number, engine: boolean][] = [
  ['health', get('/_sandbox/health'), 200, true],
  [
    'a new account with given credentials',
    post('/_sandbox/accounts', '{"key":"k-2","secret":"s-2"}'),
    201,
    true,
  ],
  ['the account list', get('/_sandbox/accounts'), 200, true],
  ['one account', get('/_sandbox/accounts/k-2'), 200, true],
  [
    'a write through the provider API',
    {
      method: 'POST',
      path: '/api/count/increment',
      headers: headers({ key: 'k-2', secret: 's-2' }),
      body: '{}',
    },
    200,
    true,
  ],
  ['a clock advance', post('/_sandbox/accounts/k-2/clock/advance', '{"ms":60000}'), 200, true],
  ['the journal', get('/_sandbox/accounts/k-2/journal'), 200, true],
  ['a snapshot', get('/_sandbox/accounts/k-2/snapshot'), 200, true],
  [
    'a fault added',
    post('/_sandbox/accounts/k-2/faults', '{"path":"/api/echo","action":{"type":"drop"}}'),
    201,
    true,
  ],
  ['a reset', post('/_sandbox/accounts/k-2/reset'), 200, true],
  ['a provider control route', get('/_sandbox/accounts/k-2/labels/0'), 200, true],
  ['a provider control route refusing', get('/_sandbox/accounts/k-2/labels/3'), 404, false],
  ['a provider global control route (c.json)', get('/_sandbox/units'), 200, false],
  ['an unknown account', post('/_sandbox/accounts/nobody/reset'), 404, false],
  ['a body that is not JSON', post('/_sandbox/accounts/k-2/clock/advance', '{nope'), 400, false],
  ['a field out of range', post('/_sandbox/accounts/k-2/clock/advance', '{"ms":-1}'), 400, false],
  [
    'a cross-origin write',
    { ...post('/_sandbox/accounts/k-2/reset'), headers: { ...JSON_TYPE, origin: 'http://evil.example' } },
    403,
    false,
  ],
  ['an unknown control route', get('/_sandbox/nowhere'), 404, false],
  ['HEAD of health', { method: 'HEAD', path: '/_sandbox/health' }, 200, false],
  ['the account deleted', { method: 'DELETE', path: '/_sandbox/accounts/k-2' }, 200, true],
];

let servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

/** A fresh counter served by the engine's own server (`owned`) or through a plain fetch handler. */
async function serve(owned: boolean, stateFile?: string) {
  const emu = createCounter(stateFile ? { stateFile } : {});
  const written: boolean[] = [];
  // Notes, per request, whether the engine wrote the answer itself (@hono/node-server then writes nothing).
  const fetch: typeof emu.fetch = async (r, conn) => {
    const res = await emu.fetch(r, conn);
    written.push(res.headers.get('x-hono-already-sent') === 'true');
    return res;
  };
  const server = owned
    ? await startServer({ emulator: { ...emu, fetch, close: () => emu.close() } })
    : await startServer({ fetch });
  servers.push(server);
  if (!owned) servers.push({ ...server, close: () => emu.close() });
  return { emu, server, written };
}

/**
 * The answer with what differs between two servers by nature made equal: the port in the journal's `host` header
 * and the real-time `latencyMs`, and so the length (checked against the bytes first).
 */
function comparable(a: RawAnswer, port: number, head: boolean): RawAnswer {
  const at = a.headers.indexOf('content-length');
  if (at >= 0 && !head) expect(Number(a.headers[at + 1])).toBe(Buffer.byteLength(a.body));
  return {
    status: a.status,
    headers: a.headers.map((h, i) => (a.headers[i - 1] === 'content-length' ? 'n' : h)),
    body: a.body
      .replaceAll(`127.0.0.1:${port}`, '127.0.0.1:PORT')
      .replace(/"latencyMs":\d+/g, '"latencyMs":0'),
  };
}

async function exchangesOf(owned: boolean): Promise<{ out: RawAnswer[]; written: boolean[] }> {
  const { server, written } = await serve(owned);
  const out: RawAnswer[] = [];
  for (const [, r] of EXCHANGES) {
    out.push(comparable(await sendRaw(server.port, r), server.port, r.method === 'HEAD'));
  }
  return { out, written };
}

test('over its own server the control API sends every answer exactly as the web Response path does', async () => {
  const direct = await exchangesOf(true);
  const web = await exchangesOf(false);
  for (const [i, [what]] of EXCHANGES.entries()) {
    expect({ what, ...direct.out[i] }).toEqual({ what, ...web.out[i] });
  }
  const statuses = direct.out.map((a) => Number(a.status.slice(0, 3)));
  expect(statuses).toEqual(EXCHANGES.map(([, , status]) => status));
  expect(direct.written).toEqual(EXCHANGES.map(([, , , engine]) => engine));
  expect(web.written.every((w) => !w)).toBe(true);
  expect(JSON.parse(direct.out[1]!.body)).toEqual({ id: 'k-2', key: 'k-2', secret: 's-2' });
});

test('over its own server a control write whose save fails answers 500 STATE_FILE_IO, never the route answer', async () => {
  const file = await stateFilePath('emulator-control-direct-');
  const { emu, server } = await serve(true, file);
  await sendRaw(server.port, post('/_sandbox/accounts', '{"key":"k-2","secret":"s-2"}'));
  // From now on every save fails: a non-empty folder where the file is renamed to.
  const saved = await readFile(file, 'utf8');
  await rm(file);
  await mkdir(join(file, 'blocker'), { recursive: true });
  const reset = await sendRaw(server.port, post('/_sandbox/accounts/k-2/reset'));
  expect(reset.status).toBe('500 Internal Server Error');
  expect(JSON.parse(reset.body)).toMatchObject({ error: { code: 'STATE_FILE_IO' } });
  const created = await sendRaw(server.port, post('/_sandbox/accounts', '{"key":"k-3"}'));
  expect(created.status).toBe('500 Internal Server Error');
  expect(emu.findAccount('k-3')).toBeUndefined();
  expect(JSON.parse(saved).accounts.map((a: { id: string }) => a.id)).toEqual(['key-1', 'k-2']);
  await rm(file, { recursive: true });
});
