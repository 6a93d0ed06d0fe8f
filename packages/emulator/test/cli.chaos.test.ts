/**
 * `--chaos` / `--chaos-seed` of every fake's command (runCli), in process with injected argv and env: the setting
 * reaches every account, the banner says what a replay needs, ESIM_SANDBOX_CHAOS stands in for absent flags, and a
 * mistake is one line naming the flag or variable, exit 2.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { captureCli, startCli, withCli } from '../src/conformance/cli.js';
import { createEmulator, runCli } from '../src/index.js';
import type { CliIo } from '../src/server/cli.js';
import { counterProvider } from './fixtures/counter-provider.js';

const dir = mkdtempSync(join(tmpdir(), 'cli-chaos-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const counterCli = (io: CliIo) =>
  runCli(
    {
      name: 'counter-mock',
      version: '9.9.9',
      description: 'A counter provider for engine tests.',
      create: ({ options }) =>
        createEmulator(counterProvider, { ...options, account: { key: 'k', secret: 's', params: {} } }),
    },
    io,
  );

function profileFile(name: string, profile: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(profile));
  return file;
}

const chaosOf = async (url: string, account = 'default') =>
  (await (await fetch(`${url}/_sandbox/accounts/${account}/chaos`)).json()) as {
    chaos: { profile: { name: string }; seed: string; injected: number } | null;
  };

const bannerChaos = (out: readonly string[]) => out.find((line) => /^ {2}chaos:/.test(line))?.trim();

interface StartCase {
  name: string;
  argv: string[];
  env: Record<string, string>;
  profile: string;
  seed: string;
}

describe('--chaos and --chaos-seed', () => {
  it.each<StartCase>([
    {
      name: 'a built-in profile and its seed',
      argv: ['--chaos', 'realistic', '--chaos-seed', '17'],
      env: {},
      profile: 'realistic',
      seed: '17',
    },
    {
      name: 'a profile alone, with seed 1',
      argv: ['--chaos', 'hostile'],
      env: {},
      profile: 'hostile',
      seed: '1',
    },
    {
      name: 'ESIM_SANDBOX_CHAOS when no flag is given',
      argv: [],
      env: { ESIM_SANDBOX_CHAOS: 'gentle:5' },
      profile: 'gentle',
      seed: '5',
    },
    {
      name: 'the flags over ESIM_SANDBOX_CHAOS',
      argv: ['--chaos', 'hostile', '--chaos-seed', '9'],
      env: { ESIM_SANDBOX_CHAOS: 'gentle:5' },
      profile: 'hostile',
      seed: '9',
    },
    {
      name: 'the program’s own variables like any flag',
      argv: [],
      env: { COUNTER_MOCK_CHAOS: 'gentle', COUNTER_MOCK_CHAOS_SEED: 'abc' },
      profile: 'gentle',
      seed: 'abc',
    },
  ])('turns on $name for every account and shows it in the banner', async ({ argv, env, profile, seed }) => {
    await withCli(startCli(counterCli, argv, env), async ({ out, server }) => {
      expect(bannerChaos(out)).toBe(
        `chaos:         ${profile}, seed ${seed} (the same seed and requests replay the same faults)`,
      );
      expect((await chaosOf(server.url)).chaos).toMatchObject({ profile: { name: profile }, seed });
      const created = (await (
        await fetch(`${server.url}/_sandbox/accounts`, { method: 'POST', body: '{}' })
      ).json()) as { id: string };
      expect((await chaosOf(server.url, created.id)).chaos).toMatchObject({
        profile: { name: profile },
        seed,
      });
    });
  });

  it('is off without a flag or variable, and the banner says so', async () => {
    await withCli(startCli(counterCli), async ({ out, server }) => {
      expect(bannerChaos(out)).toBe('chaos:         off');
      expect(await chaosOf(server.url)).toEqual({ chaos: null });
    });
  });

  it('loads a profile file given relative to the working directory', async () => {
    const file = profileFile('mine.json', { name: 'mine', api: { busy: 0.5 } });
    await withCli(
      startCli(counterCli, ['--chaos', relative(process.cwd(), file), '--chaos-seed', 'x']),
      async ({ server }) => {
        const { chaos } = await chaosOf(server.url);
        expect(chaos).toMatchObject({ profile: { name: 'mine', api: { busy: 0.5 } }, seed: 'x' });
      },
    );
  });

  it('appends one line per injected fault to ESIM_SANDBOX_CHAOS_REPORT and names the file in the banner', async () => {
    const file = profileFile('busy.json', { name: 'busy', api: { busy: 0.5 } });
    const report = join(dir, 'report.jsonl');
    await withCli(
      startCli(counterCli, ['--chaos', file, '--chaos-seed', '3'], { ESIM_SANDBOX_CHAOS_REPORT: report }),
      async ({ out, server }) => {
        expect(bannerChaos(out)).toContain(`faults reported to ${report}`);
        for (let i = 0; i < 20; i++) {
          await fetch(`${server.url}/api/count`, { headers: { 'x-key': 'k', 'x-secret': 's' } });
        }
        const lines = readFileSync(report, 'utf8').trim().split('\n');
        const { chaos } = await chaosOf(server.url);
        expect(chaos?.injected).toBeGreaterThan(0);
        expect(lines).toHaveLength(chaos?.injected ?? -1);
        expect(JSON.parse(lines[0]!)).toMatchObject({
          seed: '3',
          profile: 'busy',
          rule: 'busy',
          stream: 'api',
        });
      },
    );
  });

  const badField = () => profileFile('bad.json', { name: 'bad', api: { busy: 2 } });
  it.each([
    [
      'an unknown profile name',
      () => ({ argv: ['--chaos', 'chaotic'] }),
      "--chaos must be one of gentle, realistic, hostile or a JSON profile file, got 'chaotic'",
    ],
    [
      'a profile file with a bad field',
      () => ({ argv: ['--chaos', badField()] }),
      `--chaos chaos profile ${join(dir, 'bad.json')}: api.busy: Too big: expected number to be <=1`,
    ],
    [
      'a seed without a profile',
      () => ({ argv: ['--chaos-seed', '4'] }),
      '--chaos-seed needs --chaos (the profile the seed drives)',
    ],
    [
      'an empty seed',
      () => ({ argv: ['--chaos', 'gentle', '--chaos-seed', ''] }),
      "--chaos-seed must be text of 1 to 200 characters, got ''",
    ],
    [
      'ESIM_SANDBOX_CHAOS without a seed',
      () => ({ env: { ESIM_SANDBOX_CHAOS: 'realistic' } }),
      "ESIM_SANDBOX_CHAOS: expected <profile>:<seed> (a profile of gentle, realistic, hostile or a JSON file), got 'realistic'",
    ],
    [
      'ESIM_SANDBOX_CHAOS naming no profile',
      () => ({ env: { ESIM_SANDBOX_CHAOS: 'nowhere.json:3' } }),
      'ESIM_SANDBOX_CHAOS: chaos profile nowhere.json: cannot read',
    ],
  ])('refuses %s in one line naming it, exit 2', async (_case, given, message) => {
    const { argv = [], env = {} } = given() as { argv?: string[]; env?: Record<string, string> };
    const captured = captureCli(['--port', '0', ...argv], env);
    expect(await counterCli(captured.io)).toBeUndefined();
    expect(captured.exits).toEqual([2]);
    expect(captured.out[0]).toContain(`counter-mock: error: ${message}`);
    expect(captured.out.join('\n')).not.toMatch(/\n\s+at /);
  });
});
