import { describe, expect, test } from 'vitest';
import type { ChaosProfile, WebhookDelivery } from '../src/index.js';
import { createCounter, START } from './fixtures/counter-provider.js';

type Hooks = NonNullable<ChaosProfile['webhooks']>;

function account(webhooks: Hooks, seed = 'w') {
  const t = createCounter({ chaos: { profile: { name: 'hooks', webhooks }, seed } }).defaultAccount;
  t.webhooks.setUrl('http://127.0.0.1:9/hook');
  return t;
}

const emit = (t: ReturnType<typeof account>) => t.webhooks.emit({ type: 'COUNT', payload: { n: 1 } });

describe('webhook chaos', () => {
  test.each<[string, Hooks, (ds: WebhookDelivery[]) => void]>([
    ['drop', { drop: 1 }, ([d]) => expect(d?.state).toBe('dropped')],
    [
      'duplicate',
      { duplicate: 1 },
      ([a, b]) => {
        expect(b?.duplicateOf).toBe(a?.id);
        expect(b?.eventId).toBe(a?.eventId);
      },
    ],
    [
      'delay',
      { delay: { rate: 1, minMs: 5_000, maxMs: 5_000 } },
      ([d]) => expect(d?.nextAttemptAt).toBe(START + 5_000),
    ],
    ['reorder', { reorder: 1 }, ([d]) => expect(d?.held).toBe('reorder')],
    ['lateAfterPoll', { lateAfterPoll: 1 }, ([d]) => expect(d?.held).toBe('poll')],
  ])(
    '%s is applied and recorded on the delivery with the seed, the rule and the seq',
    (rule, hooks, check) => {
      const t = account(hooks);
      emit(t);
      const deliveries = t.webhooks.deliveries();
      check(deliveries);
      for (const d of deliveries) {
        expect(d.chaos).toEqual({ seed: 'w', profile: 'hooks', rules: [rule], seq: 1 });
        expect(d.faults).toContain(rule);
      }
      expect(t.chaos.get()?.injected).toBe(1);
    },
  );

  test('a drop excludes the other rules of the same event', () => {
    const t = account({ drop: 1, duplicate: 1, reorder: 1 });
    emit(t);
    expect(t.webhooks.deliveries().map((d) => d.chaos?.rules)).toEqual([['drop']]);
  });

  test('manual webhook faults still apply and never shift the chaos sequence', () => {
    const t = account({ duplicate: 1 });
    t.webhooks.setFaults({ drop: { count: 1 } });
    emit(t);
    emit(t);
    const [dropped, sent, copy] = t.webhooks.deliveries();
    expect(dropped?.state).toBe('dropped');
    expect(dropped?.chaos?.seq).toBe(1);
    expect(sent?.chaos).toMatchObject({ rules: ['duplicate'], seq: 2 });
    expect(copy?.duplicateOf).toBe(sent?.id);
  });

  test('events of an account without chaos carry no chaos record', () => {
    const t = createCounter().defaultAccount;
    t.webhooks.setUrl('http://127.0.0.1:9/hook');
    emit(t);
    expect(t.webhooks.deliveries()[0]).not.toHaveProperty('chaos');
  });
});
