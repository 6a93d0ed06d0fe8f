/**
 * Several reconciler processes on one store. On PostgreSQL they share it, and the account lock (an advisory
 * lock) lets exactly one sync an account at a time while another account proceeds. PGlite is one process per
 * data folder: a second process is refused the folder.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { endState, prepared, removePlaces, runSync, withProvider } from './helpers/processes.js';
import { scenarioProvider } from './helpers/scenario.js';
import { usingPostgres } from './helpers/store.js';

afterAll(removePlaces);

const FOLDER_IN_USE =
  /^esim-reconcile: data folder .* is in use by process \d+; PGlite allows one process per folder/;

interface Expected {
  code: number;
  stdout?: RegExp;
  stderr?: RegExp;
}

describe('a second reconciler process, while the first is syncing', () => {
  it.each<{ name: string; account: string; expected: Expected }>([
    {
      name: 'the same account',
      account: 'esimaccess',
      expected: usingPostgres
        ? { code: 1, stderr: /^esimaccess: busy, another process is syncing it/ }
        : { code: 1, stderr: FOLDER_IN_USE },
    },
    {
      name: 'another account',
      account: 'esimaccess-b',
      expected: usingPostgres
        ? { code: 0, stdout: /^esimaccess-b: run \d+ completed/ }
        : { code: 1, stderr: FOLDER_IN_USE },
    },
  ])(
    'syncing $name gets the outcome its engine allows',
    async ({ account, expected }) => {
      const place = await prepared();
      const fake = scenarioProvider();
      await withProvider(fake, async (url) => {
        let release!: () => void;
        const held = new Promise<void>((resolve) => {
          release = resolve;
        });
        let started!: () => void;
        const firstCallReached = new Promise<void>((resolve) => {
          started = resolve;
        });
        // Only the first process's first call is held; the second process's calls go straight through.
        fake.onRequest = async (_request, n) => {
          if (n !== 1) return;
          started();
          await held;
        };
        const first = runSync(place, url);
        await firstCallReached;
        const second = await runSync(place, url, { env: { ESIMACCESS_ACCOUNT: account } }).exit;
        release();
        expect((await first.exit).code).toBe(0);
        expect(second.code).toBe(expected.code);
        if (expected.stderr) expect(second.stderr).toMatch(expected.stderr);
        if (expected.stdout) expect(second.stdout).toMatch(expected.stdout);
      });
      const state = await endState(place);
      expect(state.accounts.map((a) => a.id)).toContain('esimaccess');
    },
    120_000,
  );
});
