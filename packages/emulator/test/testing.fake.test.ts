import { describe, expect, test } from 'vitest';
import type { EmulatorOptions } from '../src/index.js';
import { type FakeDefinition, type FakeMode, startFake, useFake } from '../src/testing.js';
import { type CounterTenant, createCounter, headers } from './fixtures/counter-provider.js';
import { recordingHooks } from './fixtures/recording-hooks.js';

const REAL_BASE_URL = 'https://api.counter.test';

interface CounterMock {
  emulator: ReturnType<typeof createCounter>;
  closed: boolean;
  close(): Promise<void>;
}

interface CounterAccount {
  tenant: CounterTenant;
  baseUrl: string;
  count(): Promise<number>;
}

type CounterParams = { start?: number };

/** The counter provider's fake, written the way a provider's `testing` entry point writes its own. */
function counterFake(): FakeDefinition<
  EmulatorOptions<CounterParams>,
  CounterMock,
  CounterParams,
  CounterAccount
> {
  return {
    realBaseUrl: REAL_BASE_URL,
    // Like the providers' mocks, on a real clock unless told otherwise.
    createMock: (options) => {
      const emulator = createCounter({ clock: 'real', ...options });
      const mock: CounterMock = {
        emulator,
        closed: false,
        close: async () => {
          mock.closed = true;
          await emulator.close();
        },
      };
      return mock;
    },
    openAccount: (mock, params, baseUrl) => {
      const tenant = mock.emulator.createAccount({ params });
      return {
        tenant,
        baseUrl,
        count: async () => {
          const res = await fetch(`${baseUrl}/api/count`, { headers: headers(tenant) });
          return ((await res.json()) as { count: number }).count;
        },
      };
    },
  };
}

describe('startFake', () => {
  test.each(['msw', 'http'] as const)(
    'serves the mock in %s mode where its accounts answer',
    async (mode) => {
      const fake = await startFake(counterFake(), { mode, account: { start: 7 } });
      try {
        expect(fake.mode).toBe(mode);
        if (mode === 'msw') expect(fake.baseUrl).toBe(REAL_BASE_URL);
        else expect(fake.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        const account = fake.newAccount();
        expect(account.baseUrl).toBe(fake.baseUrl);
        expect(await account.count()).toBe(7);
      } finally {
        await fake.close();
      }
    },
  );

  test('gives accounts the params of the account option unless newAccount is given its own', async () => {
    const fake = await startFake(counterFake(), { mode: 'http', account: { start: 3 } });
    try {
      expect(fake.newAccount().tenant.state.count).toBe(3);
      expect(fake.newAccount({ start: 40 }).tenant.state.count).toBe(40);
      expect(fake.mock.emulator.defaultAccount.state.count).toBe(0);
    } finally {
      await fake.close();
    }
  });

  test("runs the mock on a manual clock unless the options say 'real'", async () => {
    const manual = await startFake(counterFake(), { mode: 'http' });
    const real = await startFake(counterFake(), { mode: 'http', clock: 'real' });
    try {
      expect(manual.newAccount().tenant.clock.mode).toBe('manual');
      expect(real.newAccount().tenant.clock.mode).toBe('real');
    } finally {
      await Promise.all([manual.close(), real.close()]);
    }
  });

  test('hands the mock its own options, without mode and account', async () => {
    const seen: object[] = [];
    const definition = counterFake();
    const fake = await startFake(
      {
        ...definition,
        createMock: (options: EmulatorOptions<CounterParams>) => {
          seen.push(options);
          return definition.createMock(options);
        },
      },
      { mode: 'http', account: { start: 1 }, seed: 's' },
    );
    try {
      expect(seen).toEqual([{ clock: 'manual', seed: 's' }]);
    } finally {
      await fake.close();
    }
  });

  test('releaseAccounts deletes the accounts newAccount made and keeps the default account', async () => {
    const fake = await startFake(counterFake(), { mode: 'http' });
    try {
      const first = fake.newAccount();
      const second = fake.newAccount();
      fake.mock.emulator.deleteAccount(second.tenant.id);
      await fake.releaseAccounts();
      expect(fake.mock.emulator.findAccount(first.tenant.key)).toBeUndefined();
      expect(fake.mock.emulator.accounts().map((t) => t.id)).toEqual([fake.mock.emulator.defaultAccount.id]);
    } finally {
      await fake.close();
    }
  });

  test('closes the mock it created when the mode is unknown, and names mode in the error', async () => {
    let created: CounterMock | undefined;
    const definition = counterFake();
    const error = await startFake(
      {
        ...definition,
        createMock: (options) => {
          created = definition.createMock(options);
          return created;
        },
      },
      { mode: 'grpc' as FakeMode },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_OPTION', field: 'mode' });
    expect(created?.closed).toBe(true);
  });
});

describe('useFake', () => {
  test('starts the fake once, gives each test a fresh account, deletes it after the test and closes the fake', async () => {
    const runner = recordingHooks();
    const suite = useFake('useCounterFake', () => startFake(counterFake(), { mode: 'http' }), runner.hooks);
    const seen: CounterAccount[] = [];
    let mock: CounterMock | undefined;
    let baseUrl = '';
    await runner.suite(
      () => {
        mock = suite.fake.mock;
        baseUrl = suite.fake.baseUrl;
        seen.push(suite.account);
      },
      () => {
        expect(mock?.emulator.findAccount(seen[0]!.tenant.key)).toBeUndefined();
        seen.push(suite.account);
      },
    );
    expect(seen[0]!.tenant.id).not.toBe(seen[1]!.tenant.id);
    expect(mock?.emulator.accounts()).toHaveLength(1);
    await expect(fetch(`${baseUrl}/api/count`)).rejects.toThrow();
    expect(() => suite.account).toThrow(/useCounterFake\(\): each test gets its account/);
  });
});
