/**
 * `esim-sandbox chaos` finds the broken variant of the shop (an order book that forgets which webhooks it applied),
 * prints the failing seed with the faults it injected and the replay line, replays it on demand, and lets the real
 * shop through the same seeds. The command it repeats is one small fixture file (test/fixtures/), a few seeds.
 */
import { spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const APP = fileURLToPath(new URL('..', import.meta.url));
/** The installed bin (src/bin.ts from the workspace, dist/bin.js from a tarball): tsx runs either. */
const BIN = realpathSync(join(APP, 'node_modules', '.bin', 'esim-sandbox'));
const FIXTURE = ['node_modules/vitest/vitest.mjs', 'run', '--config', 'test/fixtures/vitest.config.ts'];
/** Seed 14 of `realistic` duplicates the first webhook (ORDER_STATUS) of a fresh account; seed 13 does not. */
const SERIES = ['--profile', 'realistic', '--from', '13', '--runs', '2'];

function chaos(flags: string[], book: 'forgetful' | 'own') {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', BIN, 'chaos', ...flags, '--', process.execPath, ...FIXTURE],
    { cwd: APP, env: { ...process.env, SHOP_BOOK: book } },
  );
  let stdout = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.resume();
  return new Promise<{ code: number | null; stdout: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout })),
  );
}

describe.concurrent('esim-sandbox chaos on the shop', { timeout: 180_000 }, () => {
  test('catches the shop that applies a duplicated webhook twice, prints the seed, its faults and the replay line, and the replay fails again', async () => {
    const series = await chaos(SERIES, 'forgetful');
    expect(series.code).toBe(1);
    expect(series.stdout).toContain(
      'chaos: seed 14 failed under realistic (exit code 1); 1 seed passed before it',
    );
    expect(series.stdout).toMatch(/webhook #1 \(esimaccess, account #1\): duplicate, ORDER_STATUS/);
    const replay = /^replay: (.*)$/m.exec(series.stdout)?.[1];
    expect(replay).toBe(
      `esim-sandbox chaos --profile realistic --seed 14 -- ${process.execPath} ${FIXTURE.join(' ')}`,
    );

    const again = await chaos(['--profile', 'realistic', '--seed', '14'], 'forgetful');
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('chaos: seed 14 failed under realistic (exit code 1)');
    expect(again.stdout).toMatch(/webhook #1 \(esimaccess, account #1\): duplicate, ORDER_STATUS/);
  });

  test("passes the shop's own order book through the same seeds", async () => {
    const series = await chaos(SERIES, 'own');
    expect(series.stdout).toMatch(
      /^2 seeds passed under realistic \(13\.\.14\), \d+ faults injected in all$/m,
    );
    expect(series.code).toBe(0);
  });
});
