/**
 * `POST /_sandbox/accounts/:account/trigger` (issue #17): one call makes the fake send a webhook of the asked
 * notifyType the way the provider would, ordering a profile first when none is named; and `POST .../orders`, the
 * unsigned order the trigger and the CLI use. Received by a real local receiver, parsed with core's parser.
 */
import type { EsimAccessClient } from '@esim-sandbox/core';
import { describe, expect, it } from 'vitest';
import { TRIGGER_TYPES } from '../src/control/trigger.js';
import { DAY, type Harness, type Hooks, type MakeHarness, useWebhookWorld } from './support/harness.js';

interface TriggerAnswer {
  notifyType: string;
  steps: string[];
  created: { orderNo: string; esimTranNo: string | null } | null;
  profile: { esimTranNo: string; orderUsage: number; totalVolume: number } | null;
  deliveries: { type: string; state: string; eventId: string }[];
  note: string | null;
}

export function runTriggerContract(mode: string, make: MakeHarness): void {
  describe(`the trigger control route (${mode})`, () => {
    let h: Harness;
    let hooks: Hooks;
    let client: EsimAccessClient;
    const delivered = useWebhookWorld(make, undefined, (w) => {
      ({ h, hooks, client } = w);
    });
    const control = (path: string, body: unknown) =>
      fetch(`${h.baseUrl}/_sandbox/accounts/default${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const trigger = async (body: unknown) => {
      const res = await control('/trigger', body);
      return { status: res.status, body: (await res.json()) as TriggerAnswer & { error?: { code: string } } };
    };

    it.each(TRIGGER_TYPES)(
      'sends %s to the account webhook URL, ordering a profile when none is named',
      async (type) => {
        const before = hooks.receiver.received.length;
        const { status, body } = await trigger({ notifyType: type });
        expect(status).toBe(200);
        const payloads = (await delivered(before)).map((p) => p.notifyType);
        expect(payloads).toContain(type);
        expect(body.deliveries.find((d) => d.type === type)?.state).toBe('delivered');
        expect(body.steps.length).toBeGreaterThan(0);
        const ordersProfile = type !== 'CHECK_HEALTH';
        expect(body.created !== null).toBe(ordersProfile);
      },
    );

    it('adds the usage that crosses the next DATA_USAGE threshold each time: 50, 80, then 90 %', async () => {
      const first = await trigger({ notifyType: 'DATA_USAGE' });
      const esimTranNo = first.body.created!.esimTranNo!;
      await trigger({ notifyType: 'DATA_USAGE', esimTranNo });
      const third = await trigger({ notifyType: 'DATA_USAGE', esimTranNo });
      const usage = (await delivered()).flatMap((p) =>
        p.notifyType === 'DATA_USAGE' ? [p.content.remainThreshold] : [],
      );
      expect(usage).toEqual([0.5, 0.2, 0.1]);
      const p = third.body.profile!;
      expect(p.orderUsage * 100).toBeGreaterThanOrEqual(p.totalVolume * 90);
      expect(p.orderUsage * 100).toBeLessThan(p.totalVolume * 91);
      const fourth = await trigger({ notifyType: 'DATA_USAGE', esimTranNo });
      expect(fourth.status).toBe(409);
      expect(fourth.body.error?.code).toBe('200002');
    });

    it('moves the clock to a day before the end of validity for VALIDITY_USAGE', async () => {
      const { body } = await trigger({ notifyType: 'VALIDITY_USAGE' });
      const profile = h.account.profile(body.created!.esimTranNo!);
      const warning = (await delivered()).find((p) => p.notifyType === 'VALIDITY_USAGE');
      expect(warning?.content.esimTranNo).toBe(profile.esimTranNo);
      expect(warning?.content.remain).toBe(1);
      expect(h.account.tenant.clock.now()).toBe(profile.expiresAt! - DAY);
    });

    it.each([
      [{ notifyType: 'NOPE' }, 400, 'INVALID_ARGUMENT', 'notifyType'],
      [{ notifyType: 'DATA_USAGE', esimTranNo: 'missing' }, 404, '310403', undefined],
      [{ notifyType: 'ORDER_STATUS', packageCode: 'NO-SUCH' }, 404, '310241', undefined],
    ])('refuses %j with HTTP %i and code %s', async (input, status, code, field) => {
      const res = await trigger(input);
      expect(res.status).toBe(status);
      expect(res.body.error).toMatchObject({ code, ...(field ? { field } : {}) });
      expect(hooks.receiver.received).toHaveLength(1); // the CHECK_HEALTH of webhook/save only
    });

    it('orders through POST /orders with the checks and allocation of esim/order', async () => {
      const [pkg] = await client.listPackages({ locationCode: 'JP' });
      const res = await control('/orders', { packageCode: pkg!.packageCode });
      expect(res.status).toBe(200);
      const { orderNo } = (await res.json()) as { orderNo: string };
      expect(h.account.order(orderNo).status).toBe('GETTING_RESOURCE');
      await h.account.advance(h.mock.behaviour.allocationDelayMs);
      expect(h.account.order(orderNo).esimTranNos).toHaveLength(1);
      expect((await control('/orders', { packageCode: 'NO-SUCH' })).status).toBe(404);
    });
  });
}
