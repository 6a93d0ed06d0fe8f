import { ProviderError } from '@esim-sandbox/core';
import { describe, expect, it } from 'vitest';
import { check, defineScenario, type Scenario } from '../scenarios/steps.js';
import { accountKey, runScenario } from '../src/scenario/run.js';
import type { ScenarioTarget } from '../src/scenario/target.js';

// These scenarios open no account, so the target is never contacted.
const target: ScenarioTarget = {
  dashboardUrl: 'http://127.0.0.1:1',
  esimaccessUrl: 'http://127.0.0.1:1',
  iroamlyUrl: 'http://127.0.0.1:1',
  sinkUrl: 'http://127.0.0.1:1',
  close: async () => {},
};

async function run(scenario: Scenario) {
  const lines: string[] = [];
  const result = await runScenario(scenario, target, (line) => lines.push(line));
  return { result, lines };
}

const refusal = () =>
  new ProviderError({ provider: 'esimaccess', code: '200007', message: 'insufficient', retryable: false });

describe('the scenario runner', () => {
  it('prints each step with its result and passes when every step does', async () => {
    const { result, lines } = await run(
      defineScenario({
        name: 'ok',
        title: 'all good',
        async run(ctx) {
          await ctx.step(
            'count',
            () => 3,
            (n) => `${n} items`,
          );
          await ctx.expectError('refused', () => Promise.reject(refusal()), '200007');
        },
      }),
    );
    expect(result.ok).toBe(true);
    expect(lines).toEqual([
      '▶ ok: all good',
      '  ✓ count → 3 items',
      '  ✓ refused → refused as expected: esimaccess error 200007: insufficient',
      '✔ ok passed\n',
    ]);
  });

  it('fails on a check that does not hold, and stops there', async () => {
    const { result, lines } = await run(
      defineScenario({
        name: 'bad-check',
        title: 'a check fails',
        async run(ctx) {
          await ctx.step('balance', () => {
            check(1 > 2, 'balance is too low');
          });
          await ctx.step('never reached', () => undefined);
        },
      }),
    );
    expect(result.ok).toBe(false);
    expect(lines).toContain('  ✗ balance → balance is too low');
    expect(lines.some((l) => l.includes('never reached'))).toBe(false);
    expect(lines.at(-1)).toMatch(/^✘ bad-check FAILED/);
  });

  it.each([
    [
      'an expected error does not come',
      () => Promise.resolve('fine'),
      'expected error 200007, but it succeeded',
    ],
    [
      'another error comes instead',
      () => Promise.reject(new Error('boom')),
      'expected error 200007, got boom',
    ],
  ])('fails when %s', async (_case, fn, message) => {
    const { result, lines } = await run(
      defineScenario({
        name: 'x',
        title: 'x',
        run: (ctx) => ctx.expectError('order', fn, '200007').then(() => {}),
      }),
    );
    expect(result.ok).toBe(false);
    expect(lines).toContain(`  ✗ order → ${message}`);
  });

  it('makes account keys that name the scenario, differ per run and fit iRoamly’s 32 characters', () => {
    const a = accountKey('a-very-long-scenario-name-that-goes-on');
    const b = accountKey('a-very-long-scenario-name-that-goes-on');
    expect(a).not.toBe(b);
    expect(a.startsWith('a-very-long-scenario-nam')).toBe(true);
    expect(a.length).toBeLessThanOrEqual(32);
  });
});
