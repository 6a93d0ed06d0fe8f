import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { EmulatorOptions } from '../src/index.js';
import { type FakeDefinition, startFake } from '../src/testing.js';
import { createCounter, headers } from './fixtures/counter-provider.js';

type Counter = ReturnType<typeof createCounter>;
type Mock = { emulator: Counter; close(): Promise<void> };

const counterFake: FakeDefinition<
  EmulatorOptions<{ start?: number }>,
  Mock,
  { start?: number },
  { tenant: Counter['defaultAccount'] }
> = {
  realBaseUrl: 'https://api.counter.test',
  createMock: (options) => {
    const emulator = createCounter(options);
    return { emulator, close: () => emulator.close() };
  },
  openAccount: (mock, params) => ({ tenant: mock.emulator.createAccount({ params }) }),
};

const dir = () => mkdtempSync(join(tmpdir(), 'chaos-env-'));
const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('chaos from the environment and the report file', () => {
  test('startFake takes ESIM_SANDBOX_CHAOS (a profile file) and appends a report line per fault', async () => {
    const d = dir();
    const profile = join(d, 'busy.json');
    const report = join(d, 'report.jsonl');
    writeFileSync(profile, JSON.stringify({ name: 'busy', api: { busy: 1 } }));
    vi.stubEnv('ESIM_SANDBOX_CHAOS', `${profile}:7`);
    vi.stubEnv('ESIM_SANDBOX_CHAOS_REPORT', report);
    const fake = await startFake(counterFake, { mode: 'http' });
    try {
      const { tenant } = fake.newAccount();
      const res = await fetch(`${fake.baseUrl}/api/count`, { headers: headers(tenant) });
      expect(await res.json()).toEqual({ code: 'SERVER_ERROR' });
      expect(readFileSync(report, 'utf8')).toBe(
        '{"seed":"7","profile":"busy","provider":"counter","account":"#1","stream":"api","seq":1,"rule":"busy",' +
          '"method":"GET","path":"/api/count","detail":"server error"}\n',
      );
    } finally {
      await fake.close();
    }
  });

  test('an explicit chaos option wins over ESIM_SANDBOX_CHAOS; the report file still applies', async () => {
    const report = join(dir(), 'report.jsonl');
    vi.stubEnv('ESIM_SANDBOX_CHAOS', 'hostile:1');
    vi.stubEnv('ESIM_SANDBOX_CHAOS_REPORT', report);
    const fake = await startFake(counterFake, {
      mode: 'msw',
      chaos: { profile: { name: 'mine', api: { drop: 1 } }, seed: 'explicit' },
    });
    try {
      const { tenant } = fake.newAccount();
      expect(tenant.chaos.get()).toMatchObject({ seed: 'explicit', profile: { name: 'mine' } });
      await expect(fetch(`${fake.baseUrl}/api/count`, { headers: headers(tenant) })).rejects.toThrow();
      expect(lines(report)).toEqual([expect.objectContaining({ seed: 'explicit', rule: 'drop' })]);
    } finally {
      await fake.close();
    }
  });

  test('without ESIM_SANDBOX_CHAOS and without the option there is no chaos', async () => {
    vi.stubEnv('ESIM_SANDBOX_CHAOS', '');
    const fake = await startFake(counterFake, { mode: 'http' });
    try {
      expect(fake.newAccount().tenant.chaos.get()).toBeNull();
    } finally {
      await fake.close();
    }
  });

  test('webhook and provider-stream faults are report lines too, with their own streams and seqs', () => {
    const report = join(dir(), 'report.jsonl');
    const profile = {
      name: 'mixed',
      webhooks: { duplicate: 1, delay: { rate: 1, minMs: 1_500, maxMs: 1_500 } },
      streams: { allocation: { rate: 1, minMs: 1_000, maxMs: 1_000 } },
    };
    const t = createCounter({ chaos: { profile, seed: 3, report } }).defaultAccount;
    t.webhooks.setUrl('http://127.0.0.1:9/hook');
    t.webhooks.emit({ type: 'COUNT', payload: {} });
    expect(t.chaos.delay('allocation', 2_000)).toBe(3_000);
    expect(t.chaos.delay('allocation', 2_000)).toBe(3_000);
    const common = { seed: '3', profile: 'mixed', provider: 'counter', account: 'default' };
    expect(lines(report)).toEqual([
      { ...common, stream: 'webhook', seq: 1, rule: 'delay', detail: 'COUNT +1500 ms' },
      { ...common, stream: 'webhook', seq: 1, rule: 'duplicate', detail: 'COUNT' },
      { ...common, stream: 'allocation', seq: 1, rule: 'slow', detail: '+1000 ms' },
      { ...common, stream: 'allocation', seq: 2, rule: 'slow', detail: '+1000 ms' },
    ]);
    expect(t.chaos.get()?.injected).toBe(4);
  });

  test('a bad chaos option is refused naming the field', () => {
    expect(() => createCounter({ chaos: { profile: 'realistic', seed: '' } })).toThrow(
      expect.objectContaining({ field: 'chaos.seed' }),
    );
  });
});
