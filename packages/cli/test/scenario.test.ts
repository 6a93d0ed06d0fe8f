/**
 * The scenario: a playground on loopback, `listen --forward-to` a local receiver, then `trigger` for every
 * notifyType of both providers. eSIM Access webhooks reach the receiver with the bytes and headers the fake sent;
 * iRoamly sends mails, not webhooks, so its triggers are checked on the mails they print.
 */
import { parseEsimAccessWebhook } from '@esim-sandbox/core';
import { startWebhookReceiver, type WebhookReceiver } from '@esim-sandbox/emulator/testing';
import { ESIMACCESS_TRIGGER_TYPES } from '@esim-sandbox/esimaccess-mock';
import { IROAMLY_TRIGGER_KINDS } from '@esim-sandbox/iroamly-mock';
import type { Playground } from '@esim-sandbox/playground';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, playground, startCli } from './support.js';

let pg: Playground;
let receiver: WebhookReceiver;
let listener: ReturnType<typeof startCli>;

interface Heard {
  type: string;
  notifyId: string;
  body: string;
  headers: Record<string, string>;
  status: number | null;
}
const heard = (): Heard[] =>
  listener
    .output()
    .split('\n')
    .filter((l) => l.startsWith('{"type"'))
    .map((l) => JSON.parse(l) as Heard);

beforeAll(async () => {
  pg = await playground();
  receiver = await startWebhookReceiver();
  listener = startCli(['listen', '--url', pg.url, '--forward-to', receiver.url, '--json']);
  await listener.until((out) => out.includes('"ready":true'));
});
afterAll(async () => {
  await receiver?.close();
  await pg?.close();
});

describe('listen --forward-to and trigger against a playground', () => {
  it.each(ESIMACCESS_TRIGGER_TYPES)(
    'forwards the %s a trigger causes, byte for byte with its headers',
    async (type) => {
      const before = heard().length;
      const run = await cli(['trigger', type, '--url', pg.url, '--json']);
      expect(run.code, run.stderr).toBe(0);
      const answer = JSON.parse(run.stdout) as {
        deliveries: { type: string; eventId: string }[];
        steps: string[];
      };
      expect(answer.steps.length).toBeGreaterThan(0);
      const eventId = answer.deliveries.find((d) => d.type === type)!.eventId;
      await listener.until(() => heard().some((h) => h.notifyId === eventId));
      const fromFake = heard()
        .slice(before)
        .find((h) => h.notifyId === eventId)!;
      const atReceiver = receiver.received.find(
        (r) => (r.json as { notifyId?: string }).notifyId === eventId,
      )!;
      expect(atReceiver.body).toBe(fromFake.body);
      expect(parseEsimAccessWebhook(atReceiver.body).notifyType).toBe(type);
      for (const [name, value] of Object.entries(fromFake.headers))
        expect(atReceiver.headers[name]).toBe(value);
      expect(fromFake.status).toBe(200);
    },
  );

  it.each(IROAMLY_TRIGGER_KINDS)('makes iRoamly mail %s and prints the mail', async (kind) => {
    const run = await cli(['trigger', kind, '--provider', 'iroamly', '--url', pg.url]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^nothing named, so created: orderId \S+, redeemCode \S+/);
    expect(run.stdout).toContain(`mailed ${kind} to sandbox-trigger@example.com`);
  });

  it('says iRoamly sends no webhooks when asked to listen to it (exit 2)', async () => {
    const run = await cli(['listen', '--provider', 'iroamly', '--url', pg.url]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('iRoamly sends no webhooks');
  });

  it("puts the account's webhook URL (the sink) back when listen stops", async () => {
    expect(await listener.stop()).toBe(0);
    const account = await cli(['accounts', 'list', '--url', pg.url, '--json']);
    expect(account.code).toBe(0);
    const res = await pg.sources.esimaccess.request('/_sandbox/accounts/default');
    expect(((await res.json()) as { webhookUrl: string }).webhookUrl).toMatch(
      new RegExp(`^${pg.sink.url}/webhooks/`),
    );
  });
});
