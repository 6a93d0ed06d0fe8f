import { request as httpRequest } from 'node:http';
import { describe, expect, test } from 'vitest';
import { startServer } from '../src/index.js';
import { createCounter, headers } from './fixtures/counter-provider.js';

const MB = 1_048_576;

/**
 * Sends `total` bytes of one reused 64 KiB chunk (so the client holds nothing), stops writing as soon as the answer
 * starts, and resolves with the status and text of the answer.
 */
function postHuge(
  url: string,
  path: string,
  total: number,
  extraHeaders: Record<string, string>,
): Promise<{ status: number; text: string }> {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = httpRequest(`${url}${path}`, { method: 'POST', headers: extraHeaders }, (res) => {
      answered = true;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        text += d;
      });
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, text });
        req.destroy();
      });
    });
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    let sent = 0;
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

function memory(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

describe('request body limits', () => {
  test.each([
    { how: 'with Content-Length', declared: true },
    { how: 'chunked, without Content-Length', declared: false },
  ])(
    'a 100 MB provider request $how is refused unread and the heap does not grow by it',
    async ({ declared }) => {
      const emu = createCounter();
      const server = await startServer({ emulator: emu });
      try {
        const t = emu.defaultAccount;
        const before = memory();
        const res = await postHuge(server.url, '/api/echo', 100 * MB, {
          ...headers(t),
          ...(declared ? { 'content-length': String(100 * MB) } : { 'transfer-encoding': 'chunked' }),
        });
        expect(res.status).toBe(413);
        expect(JSON.parse(res.text)).toEqual({ error: `request body larger than ${MB} bytes` });
        expect(memory() - before).toBeLessThan(24 * MB);
        const entry = t.journal.last()!;
        expect(entry).toMatchObject({ status: 413, authenticated: false });
        expect(entry.requestBody).toBe(`[body over ${MB} bytes: not read]`);
      } finally {
        await server.close();
      }
    },
  );

  test('a body at the limit is accepted and one byte more is refused, through the provider renderer', async () => {
    const emu = createCounter({ maxBodyBytes: 100 });
    const t = emu.defaultAccount;
    const at = JSON.stringify({ pad: 'x'.repeat(100 - 10) });
    expect(at.length).toBe(100);
    const ok = await emu.request('/api/echo', { method: 'POST', headers: headers(t), body: at });
    expect(await ok.json()).toEqual({ code: '0', raw: at });
    const over = await emu.request('/api/echo', { method: 'POST', headers: headers(t), body: `${at} ` });
    expect(over.status).toBe(413);
    expect(t.state.count).toBe(0);
  });

  test('the control API refuses a body over its own limit with 413 BODY_TOO_LARGE naming the body', async () => {
    const emu = createCounter({ maxControlBodyBytes: 64 });
    const res = await emu.request('/_sandbox/accounts', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'k'.repeat(100) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: { code: 'BODY_TOO_LARGE', message: 'body: larger than 64 bytes', field: 'body' },
    });
    expect(emu.accounts()).toHaveLength(1);
  });
});

describe('journal bounds', () => {
  test('a body over the per-entry limit is kept cut, with a marker, and secret fields are redacted first', async () => {
    const emu = createCounter({ journalBodyChars: 40 });
    const t = emu.defaultAccount;
    const body = JSON.stringify({ secretField: 'hunter2', pad: 'y'.repeat(100) });
    await emu.request('/api/echo', { method: 'POST', headers: headers(t), body });
    const entry = t.journal.last()!;
    expect(entry.requestBody).toBe(
      `{"secretField":"[REDACTED]","pad":"yyyyy…[truncated: ${body.length} characters, the first 40 kept]`,
    );
    expect(JSON.stringify(entry)).not.toContain('hunter2');
  });

  test('the oldest entries go once the bodies of one account pass the total limit', async () => {
    const emu = createCounter({ journalBodyChars: 1_000, journalTotalChars: 2_500 });
    const t = emu.defaultAccount;
    for (let i = 0; i < 6; i++) {
      const body = JSON.stringify({ i, pad: 'z'.repeat(300) });
      await emu.request('/api/echo', { method: 'POST', headers: headers(t), body });
    }
    // Each exchange keeps ~320 characters of request and ~340 of response: three fit in 2,500.
    const ids = t.journal.list().map((e) => e.id);
    expect(ids).toEqual(['req_4', 'req_5', 'req_6']);
  });
});
