import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, test } from 'vitest';
import { type RunningServer, startServer } from '../src/index.js';
import { COMMON_FLAGS, parseCli } from '../src/server/cli-options.js';
import { createCounter } from './fixtures/counter-provider.js';

/** node:http, because fetch will not send a Host header of the caller's choosing. */
function send(
  url: string,
  path: string,
  init: { method: string; headers?: Record<string, string | undefined>; body?: string },
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const headers = Object.fromEntries(
      Object.entries(init.headers ?? {}).filter((e): e is [string, string] => e[1] !== undefined),
    );
    const req = httpRequest(`${url}${path}`, { method: init.method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        text += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('control API against web pages (over HTTP)', () => {
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  test.each([
    {
      what: 'a cross-origin text/plain reset',
      headers: { origin: 'https://evil.example', 'content-type': 'text/plain' },
      body: '{}',
      status: 403,
      code: 'FORBIDDEN_ORIGIN',
    },
    {
      what: 'a cross-origin reset with a JSON body',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: '{}',
      status: 403,
      code: 'FORBIDDEN_ORIGIN',
    },
    {
      what: 'a text/plain reset without Origin',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      what: 'a form-encoded reset',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      what: 'a reset under a rebound DNS name',
      headers: { host: 'attacker.example:8080', 'content-type': 'application/json' },
      body: '{}',
      status: 403,
      code: 'FORBIDDEN_HOST',
    },
  ])('refuses $what and leaves the account as it was', async ({ headers, body, status, code }) => {
    const emu = createCounter();
    emu.defaultAccount.state.count = 7;
    server = await startServer({ emulator: emu });
    const res = await send(server.url, '/_sandbox/accounts/default/reset', { method: 'POST', headers, body });
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ error: { code } });
    expect(emu.defaultAccount.state.count).toBe(7);
  });

  test.each([
    { what: 'a same-origin JSON reset', headers: { 'content-type': 'application/json' }, origin: true },
    { what: 'a reset without a body or content type (curl -X POST)', headers: {}, origin: false },
  ])('accepts $what', async ({ headers, origin }) => {
    const emu = createCounter();
    emu.defaultAccount.state.count = 7;
    server = await startServer({ emulator: emu });
    const res = await send(server.url, '/_sandbox/accounts/default/reset', {
      method: 'POST',
      headers: { ...headers, ...(origin ? { origin: server.url } : {}) },
      ...(origin ? { body: '{}' } : {}),
    });
    expect(res.status).toBe(200);
    expect(emu.defaultAccount.state.count).toBe(0);
  });

  test('a host name on the allow list is accepted, any other name is refused even for reads', async () => {
    server = await startServer({ emulator: createCounter({ allowedHosts: ['sandbox.test'] }) });
    const ok = await send(server.url, '/_sandbox/accounts', {
      method: 'GET',
      headers: { host: 'sandbox.test:1' },
    });
    expect(ok.status).toBe(200);
    const other = await send(server.url, '/_sandbox/accounts', {
      method: 'GET',
      headers: { host: 'evil.test' },
    });
    expect(other).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN_HOST', field: 'host' } } });
  });
});

describe('control token and generated credentials', () => {
  test.each([' ', '', 'short-token', 'sixteen chars ok'])('refuses the control token %j', (token) => {
    expect(() => createCounter({ controlToken: token })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', field: 'controlToken' }),
    );
    expect(() => parseCli('counter', COMMON_FLAGS, ['--control-token', token], {}, 0)).toThrow(
      expect.objectContaining({ code: 'INVALID_FLAG', field: 'control-token' }),
    );
  });

  test('new accounts get unguessable credentials: two starts with the same seed do not share them', () => {
    const a = createCounter({ seed: 7 }).createAccount();
    const b = createCounter({ seed: 7 }).createAccount();
    expect(a.key).not.toBe(b.key);
    expect(a.secret).not.toBe(b.secret);
    expect(a.key).toMatch(/^[A-Za-z0-9]{20}$/);
  });
});
