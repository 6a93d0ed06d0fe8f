/**
 * `chaos-status`, `chaos-set` and `chaos-off` against a playground on loopback: the control API's
 * `/_sandbox/accounts/:account/chaos`, for both providers, a profile file checked by the engine before it is sent.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Playground } from '@esim-sandbox/playground';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import { EXIT } from '../src/errors.js';
import { cli, playground } from './support.js';

let pg: Playground;
let dir: string;
let url: string[];

beforeAll(async () => {
  pg = await playground();
  url = ['--url', pg.url];
  dir = mkdtempSync(join(tmpdir(), 'esim-sandbox-cli-chaos-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await pg?.close();
});

const file = (name: string, profile: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(profile));
  return path;
};

describe('chaos-status, chaos-set, chaos-off', () => {
  it.each(['esimaccess', 'iroamly'])(
    'turn chaos on and off on a %s account and show it',
    async (provider) => {
      const on = ['--provider', provider, ...url];
      expect((await cli(['chaos-status', ...on])).stdout).toBe('chaos on default: off\n');
      const set = await cli(['chaos-set', '--profile', 'realistic', '--seed', '4', ...on]);
      expect(set).toEqual({
        code: EXIT.OK,
        stdout: 'chaos on default: realistic, seed 4, 0 faults injected\n',
        stderr: '',
      });
      const shown = await cli(['chaos-status', '--json', ...on]);
      expect(JSON.parse(shown.stdout)).toMatchObject({
        chaos: { profile: { name: 'realistic', api: { busy: 0.01 } }, seed: '4', injected: 0 },
      });
      expect((await cli(['chaos-off', ...on])).stdout).toBe('chaos on default: off\n');
      expect((await cli(['chaos-status', ...on])).stdout).toBe('chaos on default: off\n');
    },
  );

  it('sends the profile of a JSON file as an object', async () => {
    const path = file('mine.json', { name: 'mine', webhooks: { duplicate: 0.5 } });
    const set = await cli(['chaos-set', '--profile', path, '--seed', 'abc', ...url]);
    expect(set.stdout).toBe('chaos on default: mine, seed abc, 0 faults injected\n');
    await cli(['chaos-off', ...url]);
  });

  it.each([
    [
      'a profile that is no built-in nor a file',
      () => ['--profile', 'chaotic', '--seed', '1'],
      "chaos.set: profile: 'chaotic' is not one of gentle, realistic, hostile nor a file",
    ],
    [
      'a profile file with a bad field',
      () => ['--profile', file('bad.json', { name: 'bad', api: { busy: 2 } }), '--seed', '1'],
      'bad.json: api.busy: Too big: expected number to be <=1',
    ],
    ['no seed', () => ['--profile', 'gentle'], "required option '--seed <s>' not specified"],
  ])('refuses %s in one line, exit 2', async (_case, args, message) => {
    const run = await cli(['chaos-set', ...args(), ...url]);
    expect(run.code).toBe(EXIT.USAGE);
    expect(run.stderr).toContain(message);
    expect(run.stderr.trim().split('\n')[0]).toMatch(/^(esim-sandbox: |error: )/);
    expect((await cli(['chaos-status', ...url])).stdout).toBe('chaos on default: off\n');
  });
});

describe('up --chaos', () => {
  it('starts the playground under the profile and seed and says so in its banner', async () => {
    const stop = new AbortController();
    let stdout = '';
    const code = await runCli(['up', '--port', '0', '--chaos', 'hostile', '--chaos-seed', '9'], {
      stdout: (text) => {
        stdout += text;
        if (stdout.includes('Press Ctrl+C')) stop.abort();
      },
      stderr: () => {},
      env: {},
      signal: stop.signal,
    });
    expect(code).toBe(EXIT.OK);
    expect(stdout).toContain('  chaos         hostile, seed 9 (the fakes started here;');
  });
});
