import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ChaosProfile, EmulatorOptions } from '../src/index.js';
import { createEmulator } from '../src/index.js';
import { counterProvider, createCounter, headers, START } from './fixtures/counter-provider.js';

type Api = NonNullable<ChaosProfile['api']>;
const only = (api: Api): ChaosProfile => ({ name: 'only', api });

/** The counter with the codes a provider names for chaos (its own "busy" and "server error"). */
function counterWithCodes(options: EmulatorOptions<{ start?: number }>) {
  return createEmulator(
    { ...counterProvider, chaos: { busyCode: 'BUSY', serverErrorCode: 'E500' } },
    { clock: 'manual', startTime: START, account: { key: 'key-1', secret: 'secret-1' }, ...options },
  );
}

const get = (emu: ReturnType<typeof createCounter>) =>
  emu.request('/api/count', { headers: headers(emu.defaultAccount) });
const increment = (emu: ReturnType<typeof createCounter>) =>
  emu.request('/api/count/increment', { method: 'POST', headers: headers(emu.defaultAccount), body: '{}' });

describe('API chaos', () => {
  test("busy answers the provider's busy code, recorded in the journal with the seed, rule and seq", async () => {
    const emu = counterWithCodes({ chaos: { profile: only({ busy: 1 }), seed: 's1' } });
    expect(await (await get(emu)).json()).toEqual({ code: 'BUSY', message: 'injected BUSY' });
    expect(emu.defaultAccount.journal.last()?.chaos).toEqual({
      seed: 's1',
      profile: 'only',
      rule: 'busy',
      seq: 1,
    });
    expect(emu.defaultAccount.chaos.get()?.injected).toBe(1);
  });

  test("busy falls back to the provider's server error when the provider names no busy code", async () => {
    const emu = createCounter({ chaos: { profile: only({ busy: 1 }), seed: 1 } });
    expect(await (await get(emu)).json()).toEqual({ code: 'SERVER_ERROR' });
  });

  test("serverError answers the provider's server error code or a load balancer's 502/503/504 page", async () => {
    const emu = counterWithCodes({ chaos: { profile: only({ serverError: 1 }), seed: 'lb' } });
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const res = await get(emu);
      const text = await res.text();
      if (res.status === 200) {
        expect(JSON.parse(text)).toEqual({ code: 'E500', message: 'injected E500' });
        seen.add('E500');
      } else {
        expect(res.headers.get('content-type')).toBe('text/html');
        expect(text).toMatch(new RegExp(`^<html><body><h1>${res.status} `));
        seen.add(String(res.status));
      }
    }
    expect([...seen].sort()).toEqual(['502', '503', '504', 'E500']);
    expect(emu.defaultAccount.journal.list().every((e) => e.chaos?.rule === 'serverError')).toBe(true);
  });

  test('rateLimitBurst throttles runs of at least `length` requests in a row', async () => {
    const emu = createCounter({
      chaos: { profile: only({ rateLimitBurst: { rate: 0.05, length: 3 } }), seed: 'b' },
    });
    const codes: string[] = [];
    for (let i = 0; i < 200; i++) codes.push(((await (await get(emu)).json()) as { code: string }).code);
    const runs = codes
      .join(',')
      .split(/(?:,?0,?)+/)
      .filter((run) => run !== '')
      .map((run) => run.split(',').length);
    expect(runs.length).toBeGreaterThan(0);
    expect(Math.min(...runs)).toBeGreaterThanOrEqual(3);
    expect(new Set(codes)).toEqual(new Set(['0', 'RATE_LIMITED']));
  });

  test('drop is a network error before the route runs: nothing is written', async () => {
    const emu = createCounter({ chaos: { profile: only({ drop: 1 }), seed: 'd' } });
    const res = await increment(emu);
    expect(res.type).toBe('error');
    expect(emu.defaultAccount.state.count).toBe(0);
    expect(emu.defaultAccount.journal.last()).toMatchObject({ status: 0, chaos: { rule: 'drop', seq: 1 } });
  });

  test('timeoutAfterWrite is a network error after the write was made and saved; reads are never hit', async () => {
    const stateFile = join(mkdtempSync(join(tmpdir(), 'chaos-taw-')), 'state.json');
    const options = { stateFile, chaos: { profile: only({ timeoutAfterWrite: 1 }), seed: 't' } };
    const emu = createCounter(options);
    expect((await increment(emu)).type).toBe('error');
    expect(emu.defaultAccount.state.count).toBe(1);
    expect(emu.defaultAccount.journal.last()).toMatchObject({
      status: 0,
      chaos: { rule: 'timeoutAfterWrite' },
    });
    expect(await (await get(emu)).json()).toEqual({ code: '0', count: 1 });
    await emu.close();
    expect(createCounter(options).defaultAccount.state.count).toBe(1);
  });

  test('latency sleeps a drawn number of REAL ms through the injected sleep, then answers', async () => {
    const slept: number[] = [];
    const sleep = async (ms: number) => {
      slept.push(ms);
    };
    const emu = createCounter({
      sleep,
      chaos: { profile: only({ latency: { rate: 1, minMs: 100, maxMs: 200 } }), seed: 'l' },
    });
    for (let i = 0; i < 5; i++) expect(await (await get(emu)).json()).toEqual({ code: '0', count: 0 });
    expect(slept).toHaveLength(5);
    for (const ms of slept) expect(ms).toBeGreaterThanOrEqual(100);
    for (const ms of slept) expect(ms).toBeLessThanOrEqual(200);
    expect(new Set(slept).size).toBeGreaterThan(1);
    expect(emu.defaultAccount.journal.list().map((e) => e.chaos?.rule)).toEqual(Array(5).fill('latency'));
  });

  test('a manual fault rule wins; the request it ended still takes its seq', async () => {
    const emu = counterWithCodes({ chaos: { profile: only({ busy: 1 }), seed: 'm' } });
    const rule = emu.defaultAccount.faults.add({
      path: '/api/count',
      times: 1,
      action: { type: 'error', code: 'E1' },
    });
    expect(await (await get(emu)).json()).toEqual({ code: 'E1', message: 'injected E1' });
    expect(await (await get(emu)).json()).toEqual({ code: 'BUSY', message: 'injected BUSY' });
    const [first, second] = emu.defaultAccount.journal.list();
    expect(first?.faultId).toBe(rule.id);
    expect(first?.chaos).toBeUndefined();
    expect(second?.chaos).toMatchObject({ rule: 'busy', seq: 2 });
  });

  test('unauthenticated requests take no seq and control requests are never hit', async () => {
    const emu = createCounter({ chaos: { profile: only({ drop: 1 }), seed: 'u' } });
    const refused = await emu.request('/api/count', { headers: { 'x-key': 'key-1', 'x-secret': 'wrong' } });
    expect(await refused.json()).toEqual({ code: 'BAD_SECRET' });
    expect((await emu.request('/_sandbox/accounts/default/chaos')).status).toBe(200);
    expect((await get(emu)).type).toBe('error');
    expect(emu.defaultAccount.journal.last()?.chaos?.seq).toBe(1);
  });
});
