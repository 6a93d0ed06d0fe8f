import { request } from 'node:http';
import type { Hono } from 'hono';
import { afterEach, describe, expect, test } from 'vitest';
import {
  answer,
  answerText,
  createEmulator,
  type ProviderEnv,
  type RunningServer,
  startServer,
} from '../src/index.js';
import { type CounterState, counterProvider, headers } from './fixtures/counter-provider.js';

type Env = ProviderEnv<CounterState, { start?: number }>;

/** One route per way a provider route can build its answer, and one that reports both header readers. */
function answeringRoutes(app: Hono<Env>): void {
  app.post('/api/json', (c) => c.json({ code: '0', list: [1, 2] }, 201, { 'x-extra': 'yes' }));
  app.post('/api/body', (c) =>
    c.body('{"code":"0","cached":true}', 200, { 'content-type': 'application/json' }),
  );
  app.post('/api/text', (c) => c.text('plain answer', 202));
  app.post('/api/answer', (c) => answer(c, 201, { code: '0', list: [1, 2] }, { 'x-extra': 'yes' }));
  app.post('/api/answer-text', (c) => answerText(c, 200, '{"code":"0","prebuilt":true}'));
  app.post('/api/answer-then-json', (c) => {
    answer(c, 200, { code: 'unused' });
    return c.json({ code: '0', hono: true });
  });
  app.post('/api/stream', () => {
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"code":"0",'));
        controller.enqueue(new TextEncoder().encode('"streamed":true}'));
        controller.close();
      },
    });
    return new Response(body, { headers: { 'content-type': 'application/json' } });
  });
  app.post('/api/json-then-other', (c) => {
    c.json({ code: 'unused' });
    return c.json({ code: '0', second: true });
  });
  app.post('/api/detached', (c) => {
    const { json } = c;
    return json({ code: '0' });
  });
  app.post('/api/headers', (c) => {
    const names = ['x-multi', 'cookie', 'authorization', 'X-Key', 'x-absent'];
    return c.json({
      code: '0',
      fromVar: names.map((n) => c.get('headers').get(n) ?? null),
      fromHono: names.map((n) => c.req.header(n) ?? null),
    });
  });
}

function createAnswering() {
  return createEmulator(
    { ...counterProvider, routes: answeringRoutes },
    { account: { key: 'key-1', secret: 'secret-1' }, logger: { error: () => {} } },
  );
}

function withExtra(emu: ReturnType<typeof createAnswering>, extra: [string, string][]): Headers {
  const all = new Headers(headers(emu.defaultAccount));
  for (const [name, value] of extra) all.append(name, value);
  return all;
}

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const modes = [
  {
    mode: 'in process',
    setup: async (emu: ReturnType<typeof createAnswering>) => (path: string, init: RequestInit) =>
      emu.request(path, init),
  },
  {
    mode: 'over HTTP',
    setup: async (emu: ReturnType<typeof createAnswering>) => {
      server = await startServer({ emulator: emu });
      const base = server.url;
      return (path: string, init: RequestInit) => fetch(`${base}${path}`, init);
    },
  },
];

describe.each(modes)('provider answers $mode', ({ setup }) => {
  test.each([
    [
      'c.json with a status and headers',
      '/api/json',
      201,
      '{"code":"0","list":[1,2]}',
      { code: '0', list: [1, 2] },
    ],
    ['c.body with text', '/api/body', 200, '{"code":"0","cached":true}', { code: '0', cached: true }],
    ['c.text', '/api/text', 202, 'plain answer', 'plain answer'],
    [
      "the engine's answer() with a status and headers",
      '/api/answer',
      201,
      '{"code":"0","list":[1,2]}',
      { code: '0', list: [1, 2] },
    ],
    [
      "the engine's answerText()",
      '/api/answer-text',
      200,
      '{"code":"0","prebuilt":true}',
      { code: '0', prebuilt: true },
    ],
    [
      'c.json after an unused answer()',
      '/api/answer-then-json',
      200,
      '{"code":"0","hono":true}',
      { code: '0', hono: true },
    ],
    [
      'a streamed Response',
      '/api/stream',
      200,
      '{"code":"0","streamed":true}',
      { code: '0', streamed: true },
    ],
    [
      'the second of two c.json calls',
      '/api/json-then-other',
      200,
      '{"code":"0","second":true}',
      { code: '0', second: true },
    ],
  ])(
    '%s is sent unchanged and journaled with its exact text',
    async (_how, path, status, text, journaled) => {
      const emu = createAnswering();
      const send = await setup(emu);
      const res = await send(path, { method: 'POST', headers: headers(emu.defaultAccount), body: '{}' });
      expect(res.status).toBe(status);
      expect(await res.text()).toBe(text);
      const entry = emu.defaultAccount.journal.last()!;
      expect(entry).toMatchObject({ path, status, responseBody: journaled });
    },
  );

  test('c.json keeps the headers the route set, the JSON content type first', async () => {
    const emu = createAnswering();
    const send = await setup(emu);
    const res = await send('/api/json', { method: 'POST', headers: headers(emu.defaultAccount), body: '{}' });
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('x-extra')).toBe('yes');
  });

  test("answer() builds what c.json builds: the JSON content type first, then the route's headers", async () => {
    const emu = createAnswering();
    const send = await setup(emu);
    const res = await send('/api/answer', {
      method: 'POST',
      headers: headers(emu.defaultAccount),
      body: '{}',
    });
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('x-extra')).toBe('yes');
  });

  test('c.var.headers.get answers what c.req.header answers', async () => {
    const emu = createAnswering();
    const send = await setup(emu);
    const res = await send('/api/headers', {
      method: 'POST',
      headers: withExtra(emu, [
        ['x-multi', 'one'],
        ['x-multi', 'two'],
        ['cookie', 'a=1'],
        ['authorization', 'B t'],
      ]),
      body: '{}',
    });
    const { fromVar, fromHono } = (await res.json()) as { fromVar: unknown[]; fromHono: unknown[] };
    expect(fromVar).toEqual(fromHono);
    expect(fromVar).toEqual(['one, two', 'a=1', 'B t', 'key-1', null]);
  });

  test('the journal shows every request header, lowercased, repeated values joined and secrets redacted', async () => {
    const emu = createAnswering();
    const send = await setup(emu);
    const extra: [string, string][] = [
      ['X-Multi', 'one'],
      ['x-multi', 'two'],
      ['authorization', 'Bearer t'],
    ];
    await send('/api/json', { method: 'POST', headers: withExtra(emu, extra), body: '{"secretField":"s"}' });
    const entry = emu.defaultAccount.journal.last()!;
    expect(entry.requestHeaders).toMatchObject({
      'x-key': 'key-1',
      'x-secret': '[REDACTED]',
      authorization: '[REDACTED]',
      'x-multi': 'one, two',
      'content-type': 'application/json',
    });
    expect(entry.requestBody).toEqual({ secretField: '[REDACTED]' });
    expect(JSON.stringify(entry)).not.toContain('secret-1');
  });
});

test('over HTTP, headers sent on several lines read as the web Headers would join them', async () => {
  const emu = createAnswering();
  server = await startServer({ emulator: emu });
  const { port } = server;
  const lines = [
    ...Object.entries(headers(emu.defaultAccount)).flat(),
    ...['host', `127.0.0.1:${port}`, 'x-multi', 'one', 'X-Multi', 'two', 'cookie', 'a=1', 'cookie', 'b=2'],
    ...['authorization', 'first', 'authorization', 'second', 'content-length', '2'],
  ];
  const text = await new Promise<string>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path: '/api/headers', headers: lines },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve(body));
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
  const { fromVar, fromHono } = JSON.parse(text) as { fromVar: unknown[]; fromHono: unknown[] };
  expect(fromVar).toEqual(fromHono);
  expect(fromVar).toEqual(['one, two', 'a=1; b=2', 'first, second', 'key-1', null]);
  expect(emu.defaultAccount.journal.last()?.requestHeaders).toMatchObject({
    'x-multi': 'one, two',
    cookie: '[REDACTED]',
    authorization: '[REDACTED]',
  });
});

test('c.json called apart from its context answers as Hono does, and the journal still gets its text', async () => {
  const errors: string[] = [];
  const emu = createEmulator(
    { ...counterProvider, routes: answeringRoutes },
    { account: { key: 'key-1', secret: 'secret-1' }, logger: { error: (m) => errors.push(m) } },
  );
  const res = await emu.request('/api/detached', {
    method: 'POST',
    headers: headers(emu.defaultAccount),
    body: '{}',
  });
  expect(await res.json()).toEqual({ code: '0' });
  expect(emu.defaultAccount.journal.last()).toMatchObject({ responseBody: { code: '0' }, providerCode: '0' });
  expect(errors).toEqual([]);
});
