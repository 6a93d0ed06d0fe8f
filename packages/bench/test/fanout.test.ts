import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deliveryChecks, fanOutFigures, type ReceiverStats } from '../src/groups/fanout.js';
import { QUICK } from '../src/support/settings.js';
import { spawnListening } from '../src/support/spawn.js';

const all: ReceiverStats = { received: 10, unique: 10, malformed: 0, outOfOrder: 0, profiles: 5 };
const expected = { events: 10, profiles: 5, delivered: 10 };

describe('the fan-out checks', () => {
  it.each([
    { case: 'every event once, in order', got: all, delivered: 10, failed: [] },
    {
      case: 'an event never arrived',
      got: { ...all, received: 9, unique: 9 },
      delivered: 10,
      failed: ['zero lost'],
    },
    { case: 'a delivery the engine did not mark delivered', got: all, delivered: 9, failed: ['zero lost'] },
    {
      case: 'a body without a notifyId',
      got: { ...all, malformed: 1 },
      delivered: 10,
      failed: ['zero lost'],
    },
    {
      case: 'an event delivered twice',
      got: { ...all, received: 11 },
      delivered: 10,
      failed: ['zero delivered twice'],
    },
    {
      case: "a profile's events out of order",
      got: { ...all, outOfOrder: 1 },
      delivered: 10,
      failed: ['order per profile'],
    },
    {
      case: 'a profile heard nothing from',
      got: { ...all, profiles: 4 },
      delivered: 10,
      failed: ['order per profile'],
    },
  ])('$case fails $failed', ({ got, delivered, failed }) => {
    const checks = deliveryChecks({ ...expected, delivered }, got);
    expect(Object.keys(checks)).toEqual(['zero lost', 'zero delivered twice', 'order per profile']);
    expect(
      Object.entries(checks)
        .filter(([, ok]) => !ok)
        .map(([name]) => name),
    ).toEqual(failed);
  });
});

describe('the receiver', () => {
  it('counts repeats, bodies without a notifyId and a profile whose remaining fraction went up', async () => {
    const receiver = await spawnListening(
      fileURLToPath(new URL('../src/fanout/receiver.ts', import.meta.url)),
    );
    try {
      const post = async (body: unknown) =>
        (await fetch(`${receiver.url}/hook`, { method: 'POST', body: JSON.stringify(body) })).arrayBuffer();
      const usage = (notifyId: string, esimTranNo: string, remainThreshold: number) => ({
        notifyId,
        content: { esimTranNo, remainThreshold },
      });
      await post(usage('a', 'p1', 0.5));
      await post(usage('b', 'p1', 0.2));
      await post(usage('c', 'p2', 0.2));
      await post(usage('d', 'p2', 0.5));
      await post(usage('d', 'p2', 0.1));
      await post({ content: {} });
      const stats = (await (await fetch(`${receiver.url}/stats`)).json()) as ReceiverStats;
      expect(stats).toEqual({ received: 6, unique: 4, malformed: 1, outOfOrder: 1, profiles: 2 });
    } finally {
      await receiver.stop();
    }
  }, 30_000);
});

describe('the fan-out figure (a --quick run at small sizes)', () => {
  it('delivers every event once and in order per profile, in alternating rounds against sequential fetch', async () => {
    const figures = await fanOutFigures({ ...QUICK, sizes: [40, 80], rounds: 2, out: '' }, () => undefined);
    expect(figures.map((f) => f.name)).toEqual([
      'webhook fan-out, 40 DATA_USAGE events (2 per profile) on one advance',
      'webhook fan-out, 80 DATA_USAGE events (2 per profile) on one advance',
    ]);
    for (const f of figures) {
      expect(f.checks).toEqual({
        'zero lost': true,
        'zero delivered twice': true,
        'order per profile': true,
      });
      expect(f.rounds).toMatchObject({ count: 2 });
      expect(f.rounds?.ratios).toHaveLength(2);
      expect(f.baseline?.name).toBe('sequential fetch POSTs of the same payloads');
      expect(f.target?.text).toBe('>= 2x sequential fetch');
    }
  }, 60_000);

  it('measures only the figures --figure names', async () => {
    const figures = await fanOutFigures(
      { ...QUICK, sizes: [40, 80], rounds: 1, figure: '80 data_usage', out: '' },
      () => undefined,
    );
    expect(figures.map((f) => f.name)).toEqual([
      'webhook fan-out, 80 DATA_USAGE events (2 per profile) on one advance',
    ]);
  }, 60_000);
});
