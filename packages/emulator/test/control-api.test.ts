import { afterEach, describe, expect, test } from 'vitest';
import { createEmulator, type RunningServer, startServer } from '../src/index.js';
import { counterProvider, createCounter, headers, START } from './fixtures/counter-provider.js';

type Emu = ReturnType<typeof createCounter>;

/** The fields of control API answers these tests read. */
interface Answer {
  accounts: { id: string; default: boolean }[];
  error: { code: string; field?: string };
  id: string;
  key: string;
  secret: string;
  now: number;
  iso: string;
  mode: string;
  tasks: unknown[];
  entries: { path: string }[];
  faults: unknown[];
  state: { count: number };
  url: string | null;
  attempt: { error?: string };
  rateLimit: unknown;
}

async function call(emu: Emu, method: string, path: string, body?: unknown, init: RequestInit = {}) {
  const res = await emu.request(`/_sandbox${path}`, {
    method,
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Answer };
}

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('control API', () => {
  test('provider routes join the control API globally and per account; NOT_FOUND answers 404', async () => {
    const emu = createCounter();
    expect((await call(emu, 'GET', '/units')).body).toEqual({ units: ['count'] });
    const label = await call(emu, 'GET', '/accounts/default/labels/0');
    expect(label.status).toBe(200);
    const missing = await call(emu, 'GET', '/accounts/default/labels/7');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
  });

  test("new accounts must satisfy the provider's credential rules", async () => {
    const emu = createCounter();
    const refused = await call(emu, 'POST', '/accounts', { key: 'k-long', secret: 'x'.repeat(41) });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', field: 'secret' });
    expect((await call(emu, 'GET', '/accounts')).body.accounts.map((a) => a.id)).toEqual(['key-1']);
  });

  test('health and the account list never show secrets', async () => {
    const emu = createCounter();
    emu.createAccount();
    expect((await call(emu, 'GET', '/health')).body).toEqual({ ok: true, provider: 'counter', accounts: 2 });
    const list = await call(emu, 'GET', '/accounts');
    expect(list.body.accounts).toHaveLength(2);
    expect(list.body.accounts[0]).toEqual({ id: 'key-1', default: true });
    expect(JSON.stringify(list.body)).not.toContain('secret');
  });

  test('POST /accounts creates an account and returns its credentials, which then work', async () => {
    const emu = createCounter();
    const created = await call(emu, 'POST', '/accounts', { params: { start: 9 } });
    expect(created.status).toBe(201);
    const res = await emu.request('/api/count', {
      headers: headers(created.body),
    });
    expect(await res.json()).toEqual({ code: '0', count: 9 });
    expect((await call(emu, 'POST', '/accounts', { key: created.body.key })).status).toBe(409);
  });

  test('DELETE /accounts/:account removes that account only', async () => {
    const emu = createCounter();
    const t = emu.createAccount();
    expect((await call(emu, 'DELETE', `/accounts/${t.id}`)).status).toBe(200);
    expect((await call(emu, 'GET', `/accounts/${t.id}`)).status).toBe(404);
    expect((await call(emu, 'DELETE', '/accounts/default')).status).toBe(400);
  });

  test('an unknown account is a 404 JSON error', async () => {
    const emu = createCounter();
    const r = await call(emu, 'GET', '/accounts/nobody/journal');
    expect(r.status).toBe(404);
    expect(r.body.error).toMatchObject({ code: 'UNKNOWN_ACCOUNT', field: 'account' });
  });

  test.each([
    ['/accounts/default/clock/advance', { ms: -5 }, 'ms'],
    ['/accounts/default/faults', { path: '/x', action: { type: 'error' } }, 'action.code'],
    ['/accounts/default/faults', { path: '/x', action: { type: 'drop' }, extra: 1 }, 'extra'],
    ['/accounts', { key: 5 }, 'key'],
  ])('POST %s with a bad body is a 400 naming the field', async (path, body, field) => {
    const emu = createCounter();
    const r = await call(emu, 'POST', path, body);
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'INVALID_ARGUMENT', field });
  });

  test('a body that is not JSON is a 400 naming the body', async () => {
    const r = await call(createCounter(), 'POST', '/accounts/default/faults', '{nope');
    expect(r).toMatchObject({ status: 400, body: { error: { field: 'body' } } });
  });

  test('clock routes show the time and pending tasks, switch mode, and advance by ms or to a time', async () => {
    const emu = createCounter();
    emu.defaultAccount.scheduler.after('increment', 1_000, { by: 2 });
    const clock = await call(emu, 'GET', '/accounts/default/clock');
    expect(clock.body).toMatchObject({ mode: 'manual', now: START, nextTaskAt: START + 1000 });
    expect(clock.body.tasks).toHaveLength(1);
    const adv = await call(emu, 'POST', '/accounts/default/clock/advance', { ms: 1_000 });
    expect(adv.body.now).toBe(START + 1_000);
    expect(emu.defaultAccount.state.count).toBe(2);
    const to = await call(emu, 'POST', '/accounts/default/clock/advance', { to: '2026-01-02T00:00:00Z' });
    expect(to.body.iso).toBe('2026-01-02T00:00:00.000Z');
    expect((await call(emu, 'PUT', '/accounts/default/clock', { mode: 'real' })).body.mode).toBe('real');
  });

  test('journal route filters entries of that account only', async () => {
    const emu = createCounter();
    const other = emu.createAccount();
    await emu.request('/api/count', { headers: headers(emu.defaultAccount) });
    await emu.request('/api/count/increment', { method: 'POST', headers: headers(other), body: '{}' });
    const mine = await call(emu, 'GET', '/accounts/default/journal?method=GET');
    expect(mine.body.entries.map((e) => e.path)).toEqual(['/api/count']);
    const theirs = await call(emu, 'GET', `/accounts/${other.id}/journal?path=/api/count/*&limit=5`);
    expect(theirs.body.entries).toHaveLength(1);
    expect((await call(emu, 'GET', '/accounts/default/journal?limit=zero')).status).toBe(400);
  });

  test('faults can be added, listed and deleted through the API and take effect', async () => {
    const emu = createCounter();
    const added = await call(emu, 'POST', '/accounts/default/faults', {
      path: '/api/count',
      times: 1,
      action: { type: 'error', code: 'E9' },
    });
    expect(added.status).toBe(201);
    expect((await call(emu, 'GET', '/accounts/default/faults')).body.faults).toHaveLength(1);
    const res = await emu.request('/api/count', { headers: headers(emu.defaultAccount) });
    expect(await res.json()).toMatchObject({ code: 'E9' });
    const again = await call(emu, 'POST', '/accounts/default/faults', {
      path: '/a',
      action: { type: 'drop' },
    });
    expect((await call(emu, 'DELETE', `/accounts/default/faults/${again.body.id}`)).status).toBe(200);
    expect((await call(emu, 'DELETE', `/accounts/default/faults/${again.body.id}`)).status).toBe(404);
  });

  test('reset, snapshot (secret redacted) and restore work on the named account', async () => {
    const emu = createCounter();
    emu.defaultAccount.state.count = 7;
    const snap = await call(emu, 'GET', '/accounts/default/snapshot');
    expect(snap.body.secret).toBe('[REDACTED]');
    expect(snap.body.state.count).toBe(7);
    await call(emu, 'POST', '/accounts/default/reset');
    expect(emu.defaultAccount.state.count).toBe(0);
    expect((await call(emu, 'POST', '/accounts/default/restore', snap.body)).status).toBe(200);
    expect(emu.defaultAccount.state.count).toBe(7);
    expect(emu.defaultAccount.secret).toBe('secret-1');
    const bad = await call(emu, 'POST', '/accounts/default/restore', { ...snap.body, clock: { mode: 'x' } });
    expect(bad.status).toBe(400);
  });

  test('webhook config, faults, deliveries and redelivery are reachable', async () => {
    const emu = createCounter();
    const put = await call(emu, 'PUT', '/accounts/default/webhooks', { url: 'http://127.0.0.1:9/h' });
    expect(put.body.url).toBe('http://127.0.0.1:9/h');
    expect((await call(emu, 'PUT', '/accounts/default/webhooks', { url: 'not a url' })).status).toBe(400);
    await call(emu, 'PUT', '/accounts/default/webhooks/faults', { drop: { count: 1 } });
    const d = emu.defaultAccount.webhooks.emit({ type: 'T', payload: {} })!;
    const got = await call(emu, 'GET', '/accounts/default/webhooks');
    expect(got.body).toMatchObject({
      faults: { drop: { count: 0 } },
      deliveries: [{ id: d.id, state: 'dropped' }],
    });
    const re = await call(emu, 'POST', `/accounts/default/webhooks/${d.id}/redeliver`);
    expect(re.body.attempt.error).toBeTruthy();
    expect((await call(emu, 'POST', '/accounts/default/webhooks/whd_404/redeliver')).status).toBe(404);
  });

  test('rate limit can be read, set and turned off', async () => {
    const emu = createCounter();
    const set = await call(emu, 'PUT', '/accounts/default/rate-limit', { limit: 3, windowMs: 1000 });
    expect(set.body.rateLimit).toEqual({ limit: 3, windowMs: 1000 });
    expect((await call(emu, 'PUT', '/accounts/default/rate-limit', 'null')).body.rateLimit).toBeNull();
  });

  test('the provider can add its own per-account control routes', async () => {
    const emu = createEmulator(
      {
        ...counterProvider,
        controlRoutes: (app) => {
          app.put('/count', async (c) => {
            c.var.tenant.state.count = Number(c.req.query('value'));
            return c.json({ count: c.var.tenant.state.count });
          });
        },
      },
      { clock: 'manual' },
    );
    const other = emu.createAccount();
    const r = await call(emu as unknown as Emu, 'PUT', `/accounts/${other.id}/count?value=12`);
    expect(r.body).toEqual({ count: 12 });
    expect(other.state.count).toBe(12);
    expect(emu.defaultAccount.state.count).toBe(0);
  });

  test('unknown control routes are a JSON 404 and never reach the provider', async () => {
    const r = await call(createCounter(), 'GET', '/nothing-here');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('NOT_FOUND');
  });
});

describe('control token', () => {
  test('with a token every control route needs it as a bearer token', async () => {
    const emu = createCounter({ controlToken: 'control-token-0001' });
    expect((await call(emu, 'GET', '/health')).status).toBe(401);
    expect(
      (await call(emu, 'GET', '/health', undefined, { headers: { authorization: 'Bearer nope' } })).status,
    ).toBe(401);
    expect(
      (
        await call(emu, 'GET', '/health', undefined, {
          headers: { authorization: 'Bearer control-token-0001' },
        })
      ).status,
    ).toBe(200);
  });

  test('a server on a non-loopback address refuses to start without a token', async () => {
    await expect(startServer({ emulator: createCounter(), host: '0.0.0.0' })).rejects.toMatchObject({
      code: 'CONTROL_TOKEN_REQUIRED',
    });
  });

  test('a server on a non-loopback address starts with a token and enforces it', async () => {
    server = await startServer({
      emulator: createCounter({ controlToken: 'control-token-0001' }),
      host: '0.0.0.0',
    });
    const local = `http://127.0.0.1:${server.port}/_sandbox/health`;
    expect((await fetch(local)).status).toBe(401);
    expect((await fetch(local, { headers: { authorization: 'Bearer control-token-0001' } })).status).toBe(
      200,
    );
  });
});
