/**
 * The root app's SplitRouter (src/emulator/router.ts) matches like Hono's default router, handler for handler and
 * in the same order, while compiling the control API's routes only when a control request comes.
 */
import { Hono } from 'hono';
import { describe, expect, test } from 'vitest';
import { SplitRouter } from '../src/emulator/router.js';

type Env = { Variables: { trace: string[] } };

/** An app whose every route and middleware adds its name to the answer, in the order they ran. */
function tracingApp(split: boolean): Hono<Env> {
  const app = new Hono<Env>(split ? { router: new SplitRouter('_sandbox') } : {});
  const routes: [method: string, path: string][] = [
    ['ALL', '*'],
    ['GET', '/'],
    ['GET', '/_sandbox'],
    ['ALL', '/_sandbox/*'],
    ['POST', '/_sandbox/accounts'],
    ['POST', '/_sandbox/accounts/:account/reset'],
    ['GET', '/qr/:file'],
    ['ALL', '/:first/*'],
    ['ALL', '/_sandbox*'],
    ['POST', '/api/v1/open/balance/query'],
    ['ALL', '/_sandboxes/list'],
  ];
  for (const [method, path] of routes) {
    app.on(method, path, async (c, next) => {
      c.set('trace', [...(c.get('trace') ?? []), `${method} ${path}`]);
      await next();
    });
  }
  app.all('*', (c) => c.json({ ran: c.get('trace'), params: c.req.param() }));
  return app;
}

const REQUESTS: [method: string, path: string][] = [
  ['GET', '/'],
  ['GET', '/_sandbox'],
  ['GET', '/_sandbox/'],
  ['POST', '/_sandbox/accounts'],
  ['POST', '/_sandbox/accounts/abc/reset'],
  ['GET', '/_sandboxes/list'],
  ['GET', '/_sandboxfoo'],
  ['GET', '/qr/x.png'],
  ['POST', '/api/v1/open/balance/query'],
  ['DELETE', '/nowhere'],
];

async function answer(app: Hono<Env>, method: string, path: string): Promise<unknown> {
  const res = await app.request(path, { method });
  return { status: res.status, body: await res.json() };
}

describe('the split router', () => {
  test.each(REQUESTS)(
    '%s %s runs the same handlers in the same order as the default router',
    async (method, path) => {
      const expected = await answer(tracingApp(false), method, path);
      expect(await answer(tracingApp(true), method, path)).toEqual(expected);
    },
  );

  test("a provider request leaves the control API's routes uncompiled; a control request compiles them", async () => {
    const app = tracingApp(true);
    const { router } = app;
    await app.request('/api/v1/open/balance/query', { method: 'POST' });
    // Hono's routers refuse a route once compiled: the control part still takes one, the other part no longer.
    expect(() =>
      router.add('GET', '/_sandbox/late', [
        () => undefined,
        { basePath: '/', path: '/', method: 'GET', handler: () => undefined },
      ]),
    ).not.toThrow();
    expect(() =>
      router.add('GET', '/late', [
        () => undefined,
        { basePath: '/', path: '/', method: 'GET', handler: () => undefined },
      ]),
    ).toThrow(/already built/);
    await app.request('/_sandbox/accounts', { method: 'POST' });
    expect(() =>
      router.add('GET', '/_sandbox/later', [
        () => undefined,
        { basePath: '/', path: '/', method: 'GET', handler: () => undefined },
      ]),
    ).toThrow(/already built/);
  });
});
