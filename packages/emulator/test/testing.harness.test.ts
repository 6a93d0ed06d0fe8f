import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createMswHandlers } from '../src/index.js';
import {
  attachMswHandlers,
  HarnessError,
  registerFakeSuite,
  resolveTestHooks,
  serveEmulator,
  trackAccounts,
} from '../src/testing.js';
import { createCounter, headers } from './fixtures/counter-provider.js';
import { recordingHooks } from './fixtures/recording-hooks.js';

/** A real server standing in for a provider's production host: msw must intercept it, and let go when detached. */
async function realHost(): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"real":true}'),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('resolveTestHooks', () => {
  const noop = () => {};

  test('takes node:test names (before/after) as the suite-wide hooks', () => {
    const calls: string[] = [];
    const hooks = resolveTestHooks(
      {
        before: () => calls.push('before'),
        after: () => calls.push('after'),
        beforeEach: () => calls.push('beforeEach'),
        afterEach: () => calls.push('afterEach'),
      },
      {},
    );
    hooks.beforeAll(async () => {});
    hooks.afterAll(async () => {});
    hooks.beforeEach(async () => {});
    hooks.afterEach(async () => {});
    expect(calls).toEqual(['before', 'after', 'beforeEach', 'afterEach']);
  });

  test("falls back to the runner's globals (jest) for hooks that were not passed", () => {
    const calls: string[] = [];
    const globals = {
      beforeAll: () => calls.push('global beforeAll'),
      afterAll: noop,
      beforeEach: noop,
      afterEach: noop,
    };
    const hooks = resolveTestHooks({ beforeEach: () => calls.push('given beforeEach') }, globals);
    hooks.beforeAll(async () => {});
    hooks.beforeEach(async () => {});
    expect(calls).toEqual(['global beforeAll', 'given beforeEach']);
  });

  test('refuses with NO_TEST_HOOKS, naming the hooks option, when a hook is nowhere to be found', () => {
    const error = (() => {
      try {
        resolveTestHooks({ beforeAll: noop, afterAll: noop, beforeEach: noop }, {});
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(HarnessError);
    expect(error).toMatchObject({ code: 'NO_TEST_HOOKS', field: 'hooks' });
    expect((error as Error).message).toContain('no afterEach hook');
  });
});

describe('registerFakeSuite', () => {
  test('starts once, gives each test its own account, releases it after the test and stops after the suite', async () => {
    const events: string[] = [];
    const runner = recordingHooks();
    let opened = 0;
    const suite = registerFakeSuite(
      {
        name: 'useCounterFake',
        start: async () => {
          events.push('start');
          return { name: 'fake' };
        },
        openAccount: () => {
          opened += 1;
          events.push(`open ${opened}`);
          return { id: opened };
        },
        releaseAccounts: async () => void events.push('release'),
        stop: async () => void events.push('stop'),
      },
      runner.hooks,
    );
    const seen: number[] = [];
    await runner.suite(
      () => void seen.push(suite.account.id),
      () => void seen.push(suite.account.id),
    );
    expect(seen).toEqual([1, 2]);
    expect(events).toEqual(['start', 'open 1', 'release', 'open 2', 'release', 'stop']);
  });

  test('reading the account or the fake outside a test is an OUTSIDE_TEST error that names the helper', async () => {
    const runner = recordingHooks();
    const suite = registerFakeSuite(
      {
        name: 'useCounterFake',
        start: async () => ({}),
        openAccount: () => ({}),
        releaseAccounts: async () => {},
        stop: async () => {},
      },
      runner.hooks,
    );
    expect(() => suite.account).toThrow(expect.objectContaining({ code: 'OUTSIDE_TEST' }));
    expect(() => suite.fake).toThrow(/useCounterFake\(\)/);
    await runner.suite(() => {
      expect(suite.fake).toEqual({});
    });
    expect(() => suite.account).toThrow(HarnessError);
  });
});

describe('serveEmulator', () => {
  let host: { url: string; server: Server };
  beforeAll(async () => {
    host = await realHost();
  });
  afterAll(() => new Promise<void>((resolve) => host.server.close(() => resolve())));

  test('msw mode answers on the real base URL until closed, then the real host answers again', async () => {
    const emulator = createCounter();
    const served = await serveEmulator(emulator, { mode: 'msw', realBaseUrl: `${host.url}/` });
    expect(served.baseUrl).toBe(host.url);
    const viaFake = await fetch(`${host.url}/api/count`, { headers: headers(emulator.defaultAccount) });
    expect(await viaFake.json()).toEqual({ code: '0', count: 0 });
    await served.close();
    expect(await (await fetch(`${host.url}/api/count`)).json()).toEqual({ real: true });
  });

  test('http mode serves on a free loopback port and leaves the real host alone', async () => {
    const emulator = createCounter();
    const served = await serveEmulator(emulator, { mode: 'http', realBaseUrl: host.url });
    try {
      expect(served.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${served.baseUrl}/api/count`, { headers: headers(emulator.defaultAccount) });
      expect(await res.json()).toEqual({ code: '0', count: 0 });
      expect(await (await fetch(`${host.url}/api/count`)).json()).toEqual({ real: true });
    } finally {
      await served.close();
    }
  });

  test('an unknown mode is an INVALID_OPTION error naming mode', async () => {
    const emulator = createCounter();
    await expect(
      serveEmulator(emulator, { mode: 'grpc' as 'http', realBaseUrl: host.url }),
    ).rejects.toMatchObject({ code: 'INVALID_OPTION', field: 'mode' });
    await emulator.close();
  });

  test('two fakes in msw mode share one interceptor, and detaching one leaves the other in place', async () => {
    const other = await realHost();
    const a = createCounter();
    const b = createCounter({ account: { key: 'key-b', secret: 'secret-b' } });
    const detachA = attachMswHandlers(createMswHandlers(a.fetch, host.url));
    const detachB = attachMswHandlers(createMswHandlers(b.fetch, other.url));
    try {
      await a.request('/api/count/increment', {
        method: 'POST',
        headers: headers(a.defaultAccount),
        body: '{}',
      });
      const countA = await fetch(`${host.url}/api/count`, { headers: headers(a.defaultAccount) });
      expect(await countA.json()).toEqual({ code: '0', count: 1 });
      detachA();
      expect(await (await fetch(`${host.url}/api/count`)).json()).toEqual({ real: true });
      const countB = await fetch(`${other.url}/api/count`, { headers: headers(b.defaultAccount) });
      expect(await countB.json()).toEqual({ code: '0', count: 0 });
    } finally {
      detachA();
      detachB();
      await Promise.all([a.close(), b.close()]);
      await new Promise<void>((resolve) => other.server.close(() => resolve()));
    }
  });
});

describe('trackAccounts', () => {
  test('deletes every tracked account, including when a test already deleted one itself', async () => {
    const emulator = createCounter();
    const tracker = trackAccounts(emulator);
    const kept = emulator.createAccount();
    const first = emulator.createAccount();
    const second = emulator.createAccount();
    tracker.add(first.id);
    tracker.add(second.id);
    emulator.deleteAccount(second.id);
    await tracker.release();
    expect(emulator.findAccount(first.key)).toBeUndefined();
    expect(emulator.accounts().map((t) => t.id)).toEqual([emulator.defaultAccount.id, kept.id]);
    await emulator.close();
  });
});
