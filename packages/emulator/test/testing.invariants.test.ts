import { describe, expect, test } from 'vitest';
import type { WebhookDelivery } from '../src/index.js';
import { expectWebhooksAppliedOnce, InvariantError, webhookApplicationViolations } from '../src/testing.js';

/** A delivery of `eventId` whose attempts answered `statuses` (undefined: a network error), in `state`. */
function delivery(
  eventId: string,
  statuses: (number | undefined)[],
  state: WebhookDelivery['state'] = 'delivered',
  type = 'ORDER_STATUS',
): WebhookDelivery {
  return {
    id: `whd_${eventId}_${statuses.length}`,
    eventId,
    type,
    url: 'http://127.0.0.1:1/hook',
    payload: {},
    state,
    createdAt: 0,
    attempts: statuses.map((status, i) => ({
      at: i,
      durationMs: 1,
      ...(status === undefined ? { error: 'ECONNRESET' } : { status }),
    })),
  };
}

describe('every webhook applied exactly once', () => {
  test.each([
    {
      name: 'a clean run: each delivered event applied once, a duplicate delivery of one applied once',
      deliveries: [delivery('a', [200]), delivery('b', [500, 200]), delivery('b', [200])],
      applied: ['a', 'b'],
      rules: [],
    },
    {
      name: 'an event applied twice (its duplicate delivery was not recognised)',
      deliveries: [delivery('a', [200]), delivery('a', [200])],
      applied: ['a', 'a'],
      rules: ['applied-twice'],
    },
    {
      name: 'an event delivered with a 2xx but never applied (marked done before the work, then lost)',
      deliveries: [delivery('a', [200]), delivery('b', [200])],
      applied: ['a'],
      rules: ['not-applied'],
    },
    {
      name: 'an id the provider never sent',
      deliveries: [delivery('a', [200])],
      applied: ['a', 'z'],
      rules: ['unknown'],
    },
    {
      name: 'dropped, failed and pending events need not be applied, but at most once',
      deliveries: [
        delivery('d', [], 'dropped'),
        delivery('f', [500, undefined], 'failed'),
        delivery('p', [], 'pending'),
      ],
      applied: ['d', 'p', 'p'],
      rules: ['applied-twice'],
    },
    {
      name: 'ignored types (a URL test) are neither required nor known',
      deliveries: [delivery('h', [200], 'delivered', 'CHECK_HEALTH'), delivery('a', [200])],
      applied: ['a'],
      rules: [],
    },
  ])('$name', ({ deliveries, applied, rules }) => {
    const found = webhookApplicationViolations(deliveries, applied, { ignoreTypes: ['CHECK_HEALTH'] });
    expect(found.map((v) => v.rule)).toEqual(rules);
  });

  test('the assert names the provider id field and every violation, and passes a clean run', () => {
    const deliveries = [delivery('a', [200]), delivery('b', [200])];
    expect(() => expectWebhooksAppliedOnce(deliveries, ['a', 'b'])).not.toThrow();
    let error: unknown;
    try {
      expectWebhooksAppliedOnce(deliveries, ['a', 'a'], { idName: 'notifyId' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvariantError);
    expect((error as InvariantError).violations).toHaveLength(2);
    expect((error as Error).message).toBe(
      [
        'every webhook applied exactly once: 2 violation(s)',
        '  - notifyId a (ORDER_STATUS) was applied 2 times',
        '  - notifyId b (ORDER_STATUS) was delivered (2xx) but never applied',
      ].join('\n'),
    );
  });
});
