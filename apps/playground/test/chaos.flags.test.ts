/**
 * `--chaos` / `--chaos-seed` of the start command: read as the fakes' commands read them (the engine's
 * chaosFromFlags), passed to both fakes started here, shown in the banner; a mistake names the flag, exit 2.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { banner } from '../src/cli/banner.js';
import { parseFlags } from '../src/cli/flags.js';
import { runStart } from '../src/cli/start.js';
import { startPlayground } from '../src/server/playground.js';

const dir = mkdtempSync(join(tmpdir(), 'playground-chaos-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the start command’s chaos flags', () => {
  it.each([
    {
      argv: ['--chaos', 'realistic', '--chaos-seed', '17'],
      env: {},
      chaos: { profile: 'realistic', seed: '17' },
    },
    { argv: ['--chaos', 'hostile'], env: {}, chaos: { profile: 'hostile', seed: '1' } },
    {
      argv: [],
      env: { PLAYGROUND_CHAOS: 'gentle', PLAYGROUND_CHAOS_SEED: '3' },
      chaos: { profile: 'gentle', seed: '3' },
    },
    { argv: [], env: { ESIM_SANDBOX_CHAOS: 'gentle:8' }, chaos: { profile: 'gentle', seed: '8' } },
    {
      argv: ['--chaos', 'realistic'],
      env: { ESIM_SANDBOX_CHAOS: 'gentle:8', ESIM_SANDBOX_CHAOS_REPORT: '/tmp/r.jsonl' },
      chaos: { profile: 'realistic', seed: '1', report: '/tmp/r.jsonl' },
    },
  ])('reads $argv with $env', ({ argv, env, chaos }) => {
    expect(parseFlags(argv, env)).toEqual({ help: false, options: { chaos } });
  });

  it.each([
    [
      ['--chaos', 'chaotic'],
      {},
      "--chaos: must be one of gentle, realistic, hostile or a JSON profile file, got 'chaotic'",
    ],
    [['--chaos-seed', '4'], {}, '--chaos-seed: needs --chaos (the profile the seed drives)'],
    [[], { ESIM_SANDBOX_CHAOS: 'realistic' }, 'ESIM_SANDBOX_CHAOS: expected <profile>:<seed>'],
  ])('refuses %j %j in one line naming it, exit 2', async (argv, env, message) => {
    let stderr = '';
    const code = await runStart({
      argv,
      env,
      stdout: () => {},
      stderr: (text) => {
        stderr += text;
      },
    });
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toContain(`playground: ${message}`);
  });

  it('names a bad field of a profile file', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ name: 'bad', webhooks: { drop: -1 } }));
    expect(() => parseFlags(['--chaos', file], {})).toThrow(
      `--chaos: chaos profile ${file}: webhooks.drop: Too small: expected number to be >=0`,
    );
  });

  it('runs both fakes started here under the setting, and the banner says which', async () => {
    const chaos = { profile: 'realistic' as const, seed: '17' };
    const playground = await startPlayground({ port: 0, clock: 'manual', chaos });
    try {
      for (const source of Object.values(playground.sources)) {
        const answer = await fetch(`${source.baseUrl}/_sandbox/accounts/default/chaos`);
        expect(await answer.json()).toMatchObject({ chaos: { profile: { name: 'realistic' }, seed: '17' } });
      }
      expect(banner(playground, 'manual', chaos)).toContain(
        '  chaos         realistic, seed 17 (the fakes started here; the same seed and requests replay the same faults)',
      );
      expect(banner(playground, 'manual')).toContain('  chaos         off');
    } finally {
      await playground.close();
    }
  });
});
