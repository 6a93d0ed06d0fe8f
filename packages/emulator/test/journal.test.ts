import { describe, expect, test } from 'vitest';
import { createCounter, headers } from './fixtures/counter-provider.js';

describe('request journal', () => {
  test('records method, path, query, status, provider code, virtual time and bodies', async () => {
    const emu = createCounter();
    const t = emu.defaultAccount;
    await t.advance(2_000);
    await emu.request('/api/echo?x=1', { method: 'POST', headers: headers(t), body: '{"hello":"world"}' });
    const e = t.journal.last()!;
    expect(e).toMatchObject({
      id: 'req_1',
      at: t.clock.now(),
      method: 'POST',
      path: '/api/echo',
      query: 'x=1',
      status: 200,
      providerCode: '0',
      requestBody: { hello: 'world' },
      responseBody: { code: '0', raw: '{"hello":"world"}' },
      authenticated: true,
    });
    expect(e.latencyMs).toBeGreaterThanOrEqual(0);
  });

  test('redacts the provider secret headers and body fields at any depth', async () => {
    const emu = createCounter();
    const t = emu.defaultAccount;
    const body = JSON.stringify({ secretField: 's3', nested: [{ SECRETFIELD: 'x', keep: 1 }] });
    await emu.request('/api/count/increment', {
      method: 'POST',
      headers: { ...headers(t), authorization: 'Bearer t' },
      body,
    });
    const e = t.journal.last()!;
    expect(e.requestHeaders['x-secret']).toBe('[REDACTED]');
    expect(e.requestHeaders.authorization).toBe('[REDACTED]');
    expect(e.requestHeaders['x-key']).toBe('key-1');
    expect(e.requestBody).toEqual({
      secretField: '[REDACTED]',
      nested: [{ SECRETFIELD: '[REDACTED]', keep: 1 }],
    });
    expect(JSON.stringify(e)).not.toContain('secret-1');
    expect(JSON.stringify(e)).not.toContain('s3');
  });

  test('keeps only the newest entries up to the configured size', async () => {
    const emu = createCounter({ journalSize: 3 });
    const t = emu.defaultAccount;
    for (let i = 0; i < 5; i++) await emu.request('/api/count', { headers: headers(t) });
    expect(t.journal.list().map((e) => e.id)).toEqual(['req_3', 'req_4', 'req_5']);
  });

  test('entries first read after the journal has wrapped around show their own request and answer', async () => {
    const emu = createCounter({ journalSize: 3 });
    const t = emu.defaultAccount;
    for (let i = 1; i <= 7; i++) {
      await emu.request(`/api/echo?n=${i}`, { method: 'POST', headers: headers(t), body: `{"n":${i}}` });
    }
    expect(t.journal.last()).toMatchObject({ id: 'req_7', query: 'n=7', requestBody: { n: 7 } });
    expect(
      t.journal.list().map((e) => [e.id, e.query, e.requestBody, (e.responseBody as { raw: string }).raw]),
    ).toEqual([
      ['req_5', 'n=5', { n: 5 }, '{"n":5}'],
      ['req_6', 'n=6', { n: 6 }, '{"n":6}'],
      ['req_7', 'n=7', { n: 7 }, '{"n":7}'],
    ]);
    t.journal.clear();
    expect(t.journal.list()).toEqual([]);
    expect(t.journal.last()).toBeUndefined();
  });

  test('an entry is the same object, with the same values, however often it is read', async () => {
    const emu = createCounter();
    const t = emu.defaultAccount;
    await emu.request('/api/echo', { method: 'POST', headers: headers(t), body: '{"a":1}' });
    const first = t.journal.last()!;
    const copy = structuredClone(first);
    expect(t.journal.list()[0]).toBe(first);
    expect({ ...first }).toEqual(copy);
    expect(Object.keys(first)).toEqual([
      'id',
      'at',
      'method',
      'path',
      'query',
      'status',
      'latencyMs',
      'requestHeaders',
      'requestBody',
      'responseBody',
      'authenticated',
      'providerCode',
    ]);
  });

  test('filters by method, path glob, status, provider code, time and limit', async () => {
    const emu = createCounter();
    const t = emu.defaultAccount;
    await emu.request('/api/count', { headers: headers(t) });
    await t.advance(1_000);
    const since = t.clock.now();
    await emu.request('/api/count/increment', { method: 'POST', headers: headers(t), body: '{}' });
    await emu.request('/api/count/increment', { method: 'POST', headers: headers(t), body: '{}' });
    await emu.request('/api/count', { headers: { 'x-key': t.key } });
    expect(t.journal.list({ method: 'post' })).toHaveLength(2);
    expect(t.journal.list({ path: '/api/count/*' })).toHaveLength(2);
    expect(t.journal.list({ path: '/api/**' })).toHaveLength(4);
    expect(t.journal.list({ status: 401 })).toHaveLength(1);
    expect(t.journal.list({ providerCode: 'BAD_SECRET' })).toHaveLength(1);
    expect(t.journal.list({ since })).toHaveLength(3);
    expect(t.journal.list({ limit: 1 })[0]?.status).toBe(401);
  });

  test('listeners see each entry as it is recorded and can unsubscribe', async () => {
    const emu = createCounter();
    const t = emu.defaultAccount;
    const seen: string[] = [];
    const off = t.journal.subscribe((e) => seen.push(`${e.method} ${e.path} ${e.status}`));
    await emu.request('/api/count', { headers: headers(t) });
    off();
    await emu.request('/api/count', { headers: headers(t) });
    expect(seen).toEqual(['GET /api/count 200']);
  });
});
