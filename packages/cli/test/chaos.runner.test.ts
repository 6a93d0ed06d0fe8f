/**
 * `esim-sandbox chaos` running a fixture command (test/fixtures/chaos-command.mjs) that reads ESIM_SANDBOX_CHAOS and
 * writes report lines the way the fakes' engine does: in process through runCli, and through the bin where the
 * process itself matters (signals, stdout holding only the JSON document).
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../src/cli.js';
import { EXIT } from '../src/errors.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/chaos-command.mjs', import.meta.url));
const BIN = fileURLToPath(new URL('../src/bin.ts', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'esim-sandbox-chaos-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let dir: string;
let logFile: string;
beforeEach(() => {
  dir = mkdtempSync(join(root, 'case-'));
  logFile = join(dir, 'log.jsonl');
});

interface LogEntry {
  event: 'run' | 'ready' | 'signal';
  chaos: string;
  report?: string;
  signal?: string;
}
const logged = (): LogEntry[] =>
  existsSync(logFile)
    ? readFileSync(logFile, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as LogEntry)
    : [];
const runs = () => logged().filter((e) => e.event === 'run');

/** The fixture as the command, logging to this case's file. */
const fixture = (...args: string[]) => [process.execPath, FIXTURE, '--log', logFile, ...args];

async function chaos(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['chaos', ...args], {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: { ...process.env },
  });
  return { code, stdout, stderr };
}

/** The bin in its own process: resolves with its exit code and output once it ends. */
function bin(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(process.execPath, ['--import', 'tsx', BIN, 'chaos', ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done };
}

describe('a series of seeds', () => {
  it('stops at the first failing seed, prints it with its faults and the replay line, and runs no later seed', async () => {
    const command = fixture('--faults', '3', '--fail-seed', '3', '--note', "it's two words");
    const run = await chaos(['--runs', '5', '--', ...command]);
    expect(run.code).toBe(EXIT.REFUSED);
    expect(runs().map((e) => e.chaos)).toEqual(['realistic:1', 'realistic:2', 'realistic:3']);
    expect(run.stderr).toBe(
      [1, 2, 3].map((seed) => `chaos: seed ${seed} of 1..5, profile realistic\n`).join(''),
    );
    const quoted = command.map((word) => (word === "it's two words" ? `'it'\\''s two words'` : word));
    expect(run.stdout).toBe(
      [
        'chaos: seed 3 failed under realistic (exit code 1); 2 seeds passed before it',
        '3 faults injected:',
        '  api #1 (esimaccess, account default): busy, POST /api/v1/open/esim/order, 900001',
        '  api #2 (esimaccess, account default): latency, POST /api/v1/open/esim/order, +1800 ms',
        '  webhook #1 (esimaccess, account #1): drop, ORDER_STATUS',
        'by rule: busy 1, drop 1, latency 1',
        `replay: esim-sandbox chaos --profile realistic --seed 3 -- ${quoted.join(' ')}`,
        '',
      ].join('\n'),
    );
  });

  it.each([
    { flags: [], seeds: ['1', '2', '3', '4', '5'], range: '1..5' },
    { flags: ['--runs', '2', '--from', '10'], seeds: ['10', '11'], range: '10..11' },
    { flags: ['--seed', 'abc'], seeds: ['abc'], range: 'abc' },
    { flags: ['--profile', 'hostile', '--runs', '1'], seeds: ['1'], range: '1..1' },
  ])(
    'with $flags runs seeds $seeds, each with its own report file, removed afterwards',
    async ({ flags, seeds, range }) => {
      const run = await chaos([...flags, '--', ...fixture('--faults', '2')]);
      expect(run.code, run.stderr).toBe(EXIT.OK);
      const profile = flags.includes('hostile') ? 'hostile' : 'realistic';
      expect(runs().map((e) => e.chaos)).toEqual(seeds.map((seed) => `${profile}:${seed}`));
      const reports = runs().map((e) => e.report!);
      expect(new Set(reports).size).toBe(seeds.length);
      for (const report of reports) expect(existsSync(join(report, '..'))).toBe(false);
      const n = seeds.length;
      expect(run.stdout).toBe(
        `${n} seed${n === 1 ? '' : 's'} passed under ${profile} (${range}), ${2 * n} faults injected in all\n`,
      );
    },
  );

  it('announces a replayed seed as such', async () => {
    const run = await chaos(['--seed', '17', '--', ...fixture()]);
    expect(run.stderr).toBe('chaos: seed 17 (replay), profile realistic\n');
    expect(run.stdout).toBe('1 seed passed under realistic (17), 0 faults injected in all\n');
  });

  it('passes a profile file as an absolute path and replays it as typed', async () => {
    const file = join(dir, 'mine.json');
    writeFileSync(file, JSON.stringify({ name: 'mine', api: { busy: 0.5 } }));
    const typed = relative(process.cwd(), file);
    const run = await chaos(['--profile', typed, '--runs', '1', '--', ...fixture('--fail-seed', '1')]);
    expect(runs().map((e) => e.chaos)).toEqual([`${file}:1`]);
    expect(run.stdout).toContain(`replay: esim-sandbox chaos --profile ${typed} --seed 1 -- `);
  });
});

describe('what a failing seed prints', () => {
  it('says no faults were injected when the command wrote no report', async () => {
    const run = await chaos(['--', ...fixture('--fail-seed', '1')]);
    expect(run.code).toBe(EXIT.REFUSED);
    expect(run.stdout.split('\n')[1]).toBe(
      "no faults were injected (is the command using esim-sandbox fakes through the test helpers or the fakes' CLIs?)",
    );
  });

  it('counts and skips report lines that are not faults', async () => {
    const failing = await chaos(['--', ...fixture('--faults', '1', '--malformed', '--fail-seed', '1')]);
    expect(failing.code).toBe(EXIT.REFUSED);
    expect(failing.stdout).toContain('1 fault injected:\n');
    expect(failing.stdout).toContain('\n3 malformed report lines skipped\n');
    const passing = await chaos(['--runs', '2', '--', ...fixture('--faults', '1', '--malformed')]);
    expect(passing.stdout).toBe(
      '2 seeds passed under realistic (1..2), 2 faults injected in all; 6 malformed report lines skipped\n',
    );
  });

  it('takes a command killed by a signal as a failing seed', async () => {
    const run = await chaos(['--', ...fixture('--kill-self', '2')]);
    expect(run.code).toBe(EXIT.REFUSED);
    expect(run.stdout).toMatch(/^chaos: seed 2 failed under realistic \(killed by SIGKILL\)/);
    expect(runs()).toHaveLength(2);
  });

  it('prints one JSON document on stdout with --json, the command’s own output going to stderr', async () => {
    const { done } = bin(['--json', '--runs', '4', '--', ...fixture('--faults', '1', '--fail-seed', '2')]);
    const run = await done;
    expect(run.code).toBe(EXIT.REFUSED);
    expect(run.stderr).toContain('fixture: running under realistic:2');
    const fault = (seed: string) => ({
      seed,
      profile: 'realistic',
      provider: 'esimaccess',
      account: 'default',
      stream: 'api',
      seq: 1,
      rule: 'busy',
      method: 'POST',
      path: '/api/v1/open/esim/order',
      detail: '900001',
    });
    expect(JSON.parse(run.stdout)).toEqual({
      profile: 'realistic',
      seeds: [
        { seed: '1', exitCode: 0, signal: null, faults: [fault('1')], malformed: 0 },
        { seed: '2', exitCode: 1, signal: null, faults: [fault('2')], malformed: 0 },
      ],
      failedSeed: '2',
      replay: expect.stringMatching(/^esim-sandbox chaos --profile realistic --seed 2 -- /),
    });
  });
});

describe('usage errors name the flag and run nothing', () => {
  it('shows the flags with their defaults under -h', async () => {
    const run = await chaos(['-h']);
    expect(run.code).toBe(EXIT.OK);
    for (const shown of [
      '(default: "realistic")',
      '(default: "5")',
      '(default: "1")',
      '--seed <s>',
      '--json',
    ]) {
      expect(run.stdout).toContain(shown);
    }
  });

  const notJson = () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "api": ');
    return file;
  };
  const array = () => {
    const file = join(dir, 'list.json');
    writeFileSync(file, '[]');
    return file;
  };
  const badField = () => {
    const file = join(dir, 'bad-field.json');
    writeFileSync(file, JSON.stringify({ name: 'mine', api: { busy: 2 } }));
    return file;
  };
  const unknownField = () => {
    const file = join(dir, 'unknown-field.json');
    writeFileSync(file, JSON.stringify({ name: 'mine', webhooks: { lost: 0.1 } }));
    return file;
  };
  it.each([
    [
      'a profile name that is no built-in nor a file',
      () => ['--profile', 'chaotic'],
      "--profile: 'chaotic' is not one of gentle, realistic, hostile nor a file",
    ],
    ['a profile file that is not JSON', () => ['--profile', notJson()], 'broken.json: not JSON'],
    [
      'a profile file that is not a JSON object',
      () => ['--profile', array()],
      'list.json: (body): Invalid input: expected object, received array',
    ],
    [
      'a profile file with a rate above 1',
      () => ['--profile', badField()],
      'bad-field.json: api.busy: Too big: expected number to be <=1',
    ],
    [
      'a profile file with a rule the engine does not know',
      () => ['--profile', unknownField()],
      'unknown-field.json: webhooks.lost: Unrecognized key: "lost"',
    ],
    ['no runs', () => ['--runs', '0'], "--runs: '0' must be at least 1"],
    ['runs that are not a number', () => ['--runs', 'many'], "--runs: 'many' is not a whole number"],
    ['a negative first seed', () => ['--from', '-3'], "--from: '-3' is not a whole number"],
    [
      'a replayed seed with --runs',
      () => ['--seed', '4', '--runs', '3'],
      '--seed: give either --seed (one seed) or --runs, not both',
    ],
    [
      'a replayed seed with --from',
      () => ['--seed', '4', '--from', '3'],
      '--seed: give either --seed (one seed) or --from, not both',
    ],
    ['a seed with a colon', () => ['--seed', 'a:b'], "--seed: 'a:b' must be non-empty and without ':'"],
  ])('%s exits 2 naming the flag', async (_case, flags, message) => {
    const typed = flags();
    const run = await chaos([...typed, '--', ...fixture()]);
    expect(run).toMatchObject({ code: EXIT.USAGE, stdout: '' });
    expect(run.stderr).toMatch(new RegExp(`^esim-sandbox: ${typed[0]}: .*\n$`));
    expect(run.stderr).toContain(message);
    expect(runs()).toEqual([]);
  });

  it('exits 2 when no command follows --', async () => {
    const run = await chaos(['--runs', '2', '--']);
    expect(run.code).toBe(EXIT.USAGE);
    expect(run.stderr).toBe(
      'esim-sandbox: chaos: give the command to run after -- (e.g. esim-sandbox chaos -- npm test)\n',
    );
  });

  it('exits 2 naming a command that cannot be started', async () => {
    const run = await chaos(['--', join(dir, 'no-such-command')]);
    expect(run.code).toBe(EXIT.USAGE);
    expect(run.stderr).toMatch(
      /^chaos: seed 1 of 1..5, profile realistic\nesim-sandbox: chaos: cannot run '.*no-such-command': spawn .* ENOENT\n$/,
    );
  });
});

describe('stopping the runner', () => {
  it.each([
    ['SIGINT', EXIT.INTERRUPTED],
    ['SIGTERM', EXIT.TERMINATED],
  ] as const)(
    'passes %s on to the command, runs no later seed, leaves no temp file and exits %i',
    async (signal, code) => {
      const temp = join(dir, 'tmp');
      mkdirSync(temp);
      const { child, done } = bin(['--runs', '3', '--', ...fixture('--wait')], {
        ...process.env,
        TMPDIR: temp,
      });
      await vi.waitFor(() => expect(logged().map((e) => e.event)).toContain('ready'), {
        timeout: 30_000,
        interval: 20,
      });
      // tsx keeps its cache in the temp folder too: only the runner's own folder counts.
      const ours = () => readdirSync(temp).filter((name) => name.startsWith('esim-sandbox-chaos-'));
      expect(ours()).toHaveLength(1);
      child.kill(signal);
      const run = await done;
      expect(run.code).toBe(code);
      expect(logged()).toEqual([
        expect.objectContaining({ event: 'run', chaos: 'realistic:1' }),
        { event: 'ready', chaos: 'realistic:1' },
        { event: 'signal', chaos: 'realistic:1', signal },
      ]);
      expect(run.stderr).toContain(`chaos: stopped by ${signal} at seed 1\n`);
      expect(ours()).toEqual([]);
    },
  );
});
