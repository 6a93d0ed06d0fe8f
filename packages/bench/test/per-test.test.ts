import { describe, expect, it } from 'vitest';
import { perTestFigures } from '../src/groups/per-test.js';
import { QUICK } from '../src/support/settings.js';

describe('the per-test cost figures (a --quick run at small sizes)', () => {
  it('time each step of a test in both modes at both sizes, with the targets in the rows', async () => {
    const figures = await perTestFigures(
      { ...QUICK, sizes: [30, 60], rounds: 2, perTestRepeats: 1, out: '' },
      () => undefined,
    );
    const steps = ['new account', 'first signed call', 'advance that allocates an order', 'reset'];
    const expected = ['msw, testing harness', 'HTTP, control API'].flatMap((how) =>
      [30, 60].flatMap((size) =>
        steps.map((step) => `per test (${how}): ${step}, ${size} profiles in the fake`),
      ),
    );
    expect(figures.map((f) => f.name)).toEqual(expected);
    for (const f of figures) {
      expect(f).toMatchObject({ group: 6, unit: 'ms', higherIsBetter: false, rounds: { count: 2 } });
      expect(f.value).toBeGreaterThan(0);
      if (f.name.includes('msw')) {
        expect(f.baseline).toBeUndefined();
      } else {
        // Over HTTP every step is compared with the bare round trip measured in the same rounds.
        expect(f.baseline).toMatchObject({
          name: 'bare Hono route on @hono/node-server, same client and body, right before the step',
        });
        expect(f.baseline!.value).toBeGreaterThan(0);
        expect(f.rounds!.baselines).toHaveLength(2);
        expect(f.ratio).toBeCloseTo(f.rounds!.ratio!, 10);
      }
    }
    const targeted = figures.filter((f) => f.target);
    expect(targeted.map((f) => f.target?.text.replace(/: -?[\d.]+ ms\)$/, ': D ms)'))).toEqual([
      ...Array(4).fill('< 1 ms'),
      ...Array(4).fill('< 1 ms, or <= bare round trip + 0.3 ms (median per-round difference: D ms)'),
    ]);
    // Over HTTP the margin is read on the rounds paired with their floors, not on two separate medians.
    for (const f of targeted.filter((t) => t.rounds?.baselines)) {
      const { values, baselines } = f.rounds!;
      // Two rounds: the nearest-rank median is the lower one.
      const over = values.map((v, i) => v - baselines![i]!).sort((a, b) => a - b)[0]!;
      expect(f.target!.text).toContain(`difference: ${over.toFixed(3)} ms`);
      expect(f.target!.met).toBe(f.value < 1 || over <= 0.3);
    }
  }, 120_000);
});
