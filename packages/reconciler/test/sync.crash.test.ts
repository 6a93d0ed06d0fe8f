/**
 * The real thing: `esim-reconcile sync --once` in a child process, SIGKILLed in the middle of a sync, then run
 * again. The store must end exactly as after an uninterrupted sync, with no duplicate ledger rows. Runs on
 * PGlite (a data folder), or on PostgreSQL when DATABASE_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endState, prepared, removePlaces, runSync, withProvider } from './helpers/processes.js';
import { SCENARIO_CALLS, scenarioProvider } from './helpers/scenario.js';
import type { snapshot } from './helpers/snapshot.js';

let expected: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  const place = await prepared();
  const fake = scenarioProvider();
  const result = await withProvider(fake, (url) => runSync(place, url).exit);
  expect(result).toMatchObject({ code: 0, stderr: '' });
  expect(fake.requests).toHaveLength(SCENARIO_CALLS);
  expected = await endState(place);
}, 120_000);

afterAll(removePlaces);

describe('a sync SIGKILLed and run again', () => {
  it.each([
    ['waiting for the first page', 1, 'before'],
    ['right after the second page was answered', 2, 'after'],
    ['waiting for the usage', 4, 'before'],
    ['right after the last usage batch was answered', 5, 'after'],
    ['waiting for the balance', SCENARIO_CALLS, 'before'],
  ] as const)(
    '%s ends exactly as an uninterrupted sync',
    async (_name, call, when) => {
      const place = await prepared();
      const fake = scenarioProvider();
      await withProvider(fake, async (url) => {
        const first = runSync(place, url);
        fake.onRequest = (_request, n) => {
          if (n !== call) return;
          // 'after': the answer is on its way, so the kill lands while the child handles it (often mid-transaction).
          if (when === 'before') first.child.kill('SIGKILL');
          else setImmediate(() => first.child.kill('SIGKILL'));
        };
        expect((await first.exit).signal).toBe('SIGKILL');
        fake.onRequest = undefined;
        const second = await runSync(place, url).exit;
        expect(second).toMatchObject({ code: 0, stderr: '' });
        expect(second.stdout).toContain('esimaccess: run 1 completed (resumed an interrupted run)');
      });
      const state = await endState(place);
      expect(state).toEqual(expected);
      expect(new Set(state.ledger.map((entry) => entry.entryKey)).size).toBe(state.ledger.length);
    },
    120_000,
  );
});
