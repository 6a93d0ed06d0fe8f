/**
 * The dashboard's "fire an event" form: its fields are the fakes' trigger route's body fields, and the page's
 * pass-through carries them to `POST /_sandbox/accounts/:account/trigger` (what `esim-sandbox trigger` calls).
 */
import { DEMO_ACCESS_CODE, ESIMACCESS_TRIGGER_TYPES } from '@esim-sandbox/esimaccess-mock';
import { IROAMLY_TRIGGER_KINDS } from '@esim-sandbox/iroamly-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Playground, startPlayground } from '../src/server/playground.js';

let playground: Playground;
beforeAll(async () => {
  playground = await startPlayground({ port: 0, clock: 'manual' });
});
afterAll(() => playground.close());

/** The trigger form of a panel, read from the page as a browser would: its field names and event choices. */
async function triggerForm(provider: string): Promise<{ fields: string[]; types: string[] }> {
  const page = await (await fetch(playground.url)).text();
  const form = new RegExp(`<form class="trigger-form" data-provider="${provider}"[\\s\\S]*?</form>`).exec(
    page,
  )?.[0];
  if (!form) throw new Error(`no trigger form for ${provider} on the page`);
  return {
    fields: [...form.matchAll(/<(?:select|input) name="([^"]+)"/g)].map((m) => m[1]!),
    types: [...form.matchAll(/<option>([^<]+)<\/option>/g)].map((m) => m[1]!),
  };
}

const fire = (provider: string, account: string, body: unknown) =>
  fetch(`${playground.url}/api/${provider}/sandbox/accounts/${account}/trigger`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('the dashboard fires an event through the fake’s trigger route', () => {
  it.each([
    ['esimaccess', ['notifyType', 'esimTranNo'], ESIMACCESS_TRIGGER_TYPES],
    ['iroamly', ['type', 'redeemCode'], IROAMLY_TRIGGER_KINDS],
  ] as const)(
    'the %s form offers the fake’s own event types under the route’s field names',
    async (provider, fields, types) => {
      const form = await triggerForm(provider);
      expect(form.fields).toEqual(fields);
      expect(form.types).toEqual(types);
    },
  );

  it('an eSIM Access DATA_USAGE fired without a profile orders one and reaches the sink; with it, acts on that one', async () => {
    const { fields } = await triggerForm('esimaccess');
    const res = await fire('esimaccess', 'default', { [fields[0]!]: 'DATA_USAGE' });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as {
      created: { esimTranNo: string } | null;
      deliveries: { type: string; state: string; attempts: { status?: number }[] }[];
    };
    expect(answer.created?.esimTranNo).toBeTruthy();
    const usage = answer.deliveries.find((d) => d.type === 'DATA_USAGE');
    expect(usage).toMatchObject({ state: 'delivered', attempts: [{ status: 200 }] });
    expect(playground.sink.received(DEMO_ACCESS_CODE).map((m) => m.type)).toContain('DATA_USAGE');

    // The optional profile field: the same profile again crosses its next threshold, nothing new is ordered.
    const again = await fire('esimaccess', 'default', {
      [fields[0]!]: 'DATA_USAGE',
      [fields[1]!]: answer.created?.esimTranNo,
    });
    expect(again.status).toBe(200);
    const next = (await again.json()) as { created: unknown; steps: string[] };
    expect(next.created).toBeNull();
    expect(next.steps.at(-1)).toMatch(new RegExp(`% of profile ${answer.created?.esimTranNo}$`));
  });

  it('an iRoamly codes_purchased fired without a code sends the provider’s mail', async () => {
    const { fields } = await triggerForm('iroamly');
    const res = await fire('iroamly', 'default', { [fields[0]!]: 'codes_purchased' });
    expect(res.status).toBe(200);
    const answer = (await res.json()) as { messages: { kind: string }[] };
    expect(answer.messages.map((m) => m.kind)).toContain('codes_purchased');
  });

  // What the form's fields hold, in their order (event type, then the optional profile or code).
  it.each([
    ['esimaccess', ['NOT_A_TYPE'], 'notifyType'],
    ['esimaccess', ['DATA_USAGE', 'no-such-profile'], 'no-such-profile'],
    ['iroamly', ['not_a_kind'], '"type"'],
    ['iroamly', ['qr_redeemed', 'NO-SUCH-CODE'], 'NO-SUCH-CODE'],
  ] as const)(
    '%s refuses the form values %j with a message naming %s, never a 500',
    async (provider, values, named) => {
      const { fields } = await triggerForm(provider);
      const res = await fire(provider, 'default', Object.fromEntries(values.map((v, i) => [fields[i], v])));
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(JSON.stringify(await res.json())).toContain(named);
    },
  );
});
