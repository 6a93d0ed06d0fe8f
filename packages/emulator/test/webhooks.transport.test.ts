/**
 * With no `fetch` option and the global fetch as the engine found it, webhook attempts go over node:http (cheaper for
 * the sender, which bounds a fan-out); a fetch of your own (an option, or a global replaced by msw, a stub or a spy)
 * still gets every attempt. The receiver must not be able to tell the two apart: same request, same outcome recorded.
 */
import http, { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createCounter } from './fixtures/counter-provider.js';

interface Seen {
  method: string;
  url: string;
  headers: string[][];
  body: string;
}

/** Answers `/hook` with `status` (a 3xx points at `/elsewhere`), recording every request. */
async function startReceiver(status: number) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: string[][] = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        headers.push([req.rawHeaders[i]!.toLowerCase(), req.rawHeaders[i + 1]!]);
      }
      headers.sort((a, b) => a[0]!.localeCompare(b[0]!));
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers,
        body: Buffer.concat(chunks).toString(),
      });
      const redirect = status >= 300 && status < 400 ? { location: '/elsewhere' } : {};
      res.writeHead(req.url === '/hook' ? status : 200, redirect).end('answer');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One event sent through `fetch` (undefined: the platform's), what the receiver saw and the attempt recorded. */
async function sendOne(
  status: number,
  fetch: typeof globalThis.fetch | undefined,
  create: typeof createCounter = createCounter,
) {
  const receiver = await startReceiver(status);
  const emu = create({ webhookRetryScheduleMs: [], ...(fetch ? { fetch } : {}) });
  try {
    const t = emu.defaultAccount;
    t.webhooks.setUrl(receiver.url);
    const d = t.webhooks.emit({ type: 'X', payload: { n: 1, text: 'é' }, eventId: 'e1' })!;
    await t.advance(0);
    const { state, attempts } = t.webhooks.get(d.id);
    return { seen: receiver.seen, state, status: attempts[0]?.status, error: attempts[0]?.error };
  } finally {
    await receiver.close();
    await emu.close();
  }
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('webhook transport', () => {
  test.each([200, 204, 302, 307, 404, 500])(
    'a %i answer: over node:http with the platform fetch, the same request and outcome as through a fetch of your own',
    async (status) => {
      const request = vi.spyOn(http, 'request');
      const ownFetch = vi.fn((input: string | URL | Request, init?: RequestInit) =>
        globalThis.fetch(input, init),
      );
      const own = await sendOne(status, ownFetch as typeof globalThis.fetch);
      expect(ownFetch).toHaveBeenCalledTimes(1);
      expect(request).not.toHaveBeenCalled();

      const platform = await sendOne(status, undefined);
      expect(request).toHaveBeenCalledTimes(1);
      expect(platform.seen).toHaveLength(1);
      // Same port-free request (each run has its own receiver, hence its own host header).
      const withoutHost = (s: Seen[]) =>
        s.map((r) => ({ ...r, headers: r.headers.filter(([n]) => n !== 'host') }));
      expect(withoutHost(platform.seen)).toEqual(withoutHost(own.seen));
      expect(platform.seen[0]).toMatchObject({ method: 'POST', url: '/hook', body: '{"n":1,"text":"é"}' });
      expect({ state: platform.state, status: platform.status, error: platform.error }).toEqual({
        state: status < 300 ? 'delivered' : 'failed',
        status,
        error: undefined,
      });
      expect({ state: own.state, status: own.status, error: own.error }).toEqual({
        state: platform.state,
        status,
        error: undefined,
      });
    },
  );

  test('a fetch option gets every attempt, even when it is Node’s own fetch', async () => {
    const request = vi.spyOn(http, 'request');
    const sent = await sendOne(200, globalThis.fetch);
    expect(request).not.toHaveBeenCalled();
    expect(sent.seen).toHaveLength(1);
    expect(sent.state).toBe('delivered');
  });

  test('a global fetch replaced after the engine loaded gets every attempt, and node:http is used again once it is put back', async () => {
    const request = vi.spyOn(http, 'request');
    const original = globalThis.fetch;
    const replaced = vi.fn((input: string | URL | Request, init?: RequestInit) => original(input, init));
    vi.stubGlobal('fetch', replaced);
    const stubbed = await sendOne(200, undefined);
    expect(replaced).toHaveBeenCalledTimes(1);
    expect(request).not.toHaveBeenCalled();
    expect(stubbed.state).toBe('delivered');

    vi.unstubAllGlobals();
    const restored = await sendOne(200, undefined);
    expect(replaced).toHaveBeenCalledTimes(1);
    expect(request).toHaveBeenCalledTimes(1);
    expect(restored.state).toBe('delivered');
  });

  test('a global fetch replaced before the engine loaded (msw listening in a setup file) gets every attempt', async () => {
    const request = vi.spyOn(http, 'request');
    const original = globalThis.fetch;
    const replaced = vi.fn((input: string | URL | Request, init?: RequestInit) => original(input, init));
    vi.stubGlobal('fetch', replaced);
    vi.resetModules();
    const { createCounter: freshCounter } = await import('./fixtures/counter-provider.js');
    const sent = await sendOne(200, undefined, freshCounter);
    expect(replaced).toHaveBeenCalledTimes(1);
    expect(request).not.toHaveBeenCalled();
    expect(sent.state).toBe('delivered');
  });
});
