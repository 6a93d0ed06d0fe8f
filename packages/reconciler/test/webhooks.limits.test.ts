/**
 * What the webhook route refuses before it stores anything, and what it writes to the logs: bodies no provider
 * sends get a 4xx (never 503, which asks the sender to retry for ever), and no payload content reaches stderr.
 */
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Store } from '../src/store/open.js';
import { webhookInbox } from '../src/store/schema.js';
import { createWebhookReceiver, DEFAULT_MAX_WEBHOOK_BYTES } from '../src/webhooks/route.js';
import { useStore } from './helpers/store.js';
import { deliver, esimStatusEvent, profileRef, smdpEvent } from './helpers/webhooks.js';

const getStore = useStore();
const ref = profileRef(3);
const EID = '89049032007108882600137544319616';
let logged: string[];

beforeEach(() => {
  logged = [];
  // The receiver's default error log is console.error; capture it (and anything else written to stderr).
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.join(' ')));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    logged.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

function mount(store: Store = getStore()) {
  const receiver = createWebhookReceiver(store, { accountId: 'esimaccess' });
  return { receiver, app: new Hono().route('/webhooks/esimaccess', receiver.app) };
}

const withIccid = (iccid: string) =>
  JSON.stringify(esimStatusEvent({ ...ref, iccid }, 'IN_USE', 'ENABLED', 2));
/** `text` as UTF-8, with `part` replaced by bytes that are not UTF-8 (a lenient decoder would make them U+FFFD). */
function notUtf8(text: string, part: string): Uint8Array<ArrayBuffer> {
  const [before, after] = text.split(part) as [string, string];
  const utf8 = new TextEncoder();
  return Uint8Array.from([...utf8.encode(before), 0xff, 0xfe, 0x38, 0x39, ...utf8.encode(after)]);
}

describe('the webhook route refuses, with a 4xx and nothing stored or logged,', () => {
  it.each<{
    name: string;
    body: string | Uint8Array<ArrayBuffer>;
    status: number;
    answer: Record<string, unknown>;
  }>([
    {
      name: 'a body over the size limit',
      body: JSON.stringify({
        ...smdpEvent(ref, 'IN_USE', 'ENABLED', 2),
        padding: 'x'.repeat(2 * 1024 * 1024),
      }),
      status: 413,
      answer: { error: 'PAYLOAD_TOO_LARGE' },
    },
    {
      name: 'a body that is not UTF-8',
      body: notUtf8(withIccid('8943108170000000003'), '8943108170000000003'),
      status: 400,
      answer: { error: 'WEBHOOK_INVALID', path: '' },
    },
    {
      name: 'a string holding a lone surrogate',
      body: withIccid('8943108170000000003').replace('"8943108170000000003"', '"89431081700\\ud800"'),
      status: 400,
      answer: { error: 'WEBHOOK_INVALID', path: 'content.iccid' },
    },
    {
      name: 'a string holding a NUL character',
      body: withIccid('8943108170000000003').replace('"8943108170000000003"', '"894310817\\u0000"'),
      status: 400,
      answer: { error: 'WEBHOOK_INVALID', path: 'content.iccid' },
    },
    {
      name: 'a body that is not JSON',
      body: '{"notifyType":',
      status: 400,
      answer: { error: 'WEBHOOK_INVALID', path: '' },
    },
  ])('$name', async ({ body, status, answer }) => {
    const { receiver, app } = mount();
    const res = await app.request('/webhooks/esimaccess', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    await receiver.close();
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject(answer);
    expect(await getStore().db.select().from(webhookInbox)).toEqual([]);
    expect(logged).toEqual([]);
  });

  it('accepts a body just under the limit (the limit is on bytes, not on the provider payloads)', async () => {
    expect(DEFAULT_MAX_WEBHOOK_BYTES).toBe(64 * 1024);
    const event = smdpEvent(ref, 'IN_USE', 'ENABLED', 2);
    const base = JSON.stringify({ ...event, padding: '' }).length;
    const { receiver, app } = mount();
    const res = await deliver(app, { ...event, padding: 'x'.repeat(DEFAULT_MAX_WEBHOOK_BYTES - base) });
    await receiver.close();
    expect(res.status).toBe(200);
  });
});

describe('the webhook route logs', () => {
  it('no ICCID or EID when the store fails with the payload in its error message', async () => {
    const event = smdpEvent(ref, 'IN_USE', 'ENABLED', 2);
    const broken = {
      ...getStore(),
      db: new Proxy(getStore().db, {
        get(target, key, receiverObj) {
          if (key === 'insert') {
            // Drizzle's query errors carry the statement and its parameters: here, the whole payload.
            throw Object.assign(
              new Error(`Failed query: insert into "webhook_inbox" ...\nparams: ${JSON.stringify(event)}`),
              {
                query: 'insert into "webhook_inbox" ...',
                params: [JSON.stringify(event)],
                cause: new Error('connection terminated'),
              },
            );
          }
          return Reflect.get(target, key, receiverObj);
        },
      }),
    } as Store;
    const { receiver, app } = mount(broken);
    const res = await deliver(app, event);
    await receiver.close();
    expect(res.status).toBe(503);
    expect(logged.join('')).toContain('connection terminated');
    expect(logged.join('')).not.toContain(ref.iccid);
    expect(logged.join('')).not.toContain(EID);
  });
});
