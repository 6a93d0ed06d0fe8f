/**
 * @module
 * `esim-sandbox chaos`: runs the user's command once per seed with `ESIM_SANDBOX_CHAOS=<profile>:<seed>` (the fakes'
 * test helpers and CLIs read it) and `ESIM_SANDBOX_CHAOS_REPORT=<file>` (where their engine appends a line per
 * injected fault), stops at the first failing seed and prints what to replay. The command is spawned without a
 * shell, so its arguments reach it exactly as typed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHAOS_PROFILES, chaosProfileChoice } from '@esim-sandbox/emulator';
import { describeFaults, type InjectedFault, readChaosReport } from './chaos-report.js';
import type { CliIo } from './cli.js';
import { CliError, EXIT, usageError } from './errors.js';
import { parseCount } from './parse.js';

export const CHAOS_ENV = 'ESIM_SANDBOX_CHAOS';
export const CHAOS_REPORT_ENV = 'ESIM_SANDBOX_CHAOS_REPORT';

const BUILT_IN_PROFILES = Object.keys(CHAOS_PROFILES);

/**
 * `--profile`: a built-in name as is, or a profile file checked by the engine's own schema (a bad field is named as
 * the fakes would name it), made absolute (the command may change directory, as `pnpm --filter` does).
 */
function chaosProfileArgument(text: string): string {
  let choice: ReturnType<typeof chaosProfileChoice>;
  try {
    choice = chaosProfileChoice(text);
  } catch (error) {
    throw usageError(`--profile: ${error instanceof Error ? error.message : String(error)}`);
  }
  if ('missing' in choice) {
    throw usageError(`--profile: '${text}' is not one of ${BUILT_IN_PROFILES.join(', ')} nor a file`);
  }
  return choice.file ?? text;
}

/** The flags as typed; `runs` and `from` are undefined unless given (their defaults apply to a series only). */
export interface ChaosFlags {
  profile: string;
  runs?: string;
  from?: string;
  seed?: string;
  json?: boolean;
  command: string[];
}

interface ChaosPlan {
  /** As typed, for the output and the replay line. */
  profile: string;
  /** What the command gets in ESIM_SANDBOX_CHAOS before `:<seed>`. */
  profileValue: string;
  seeds: string[];
  /** `1..5`, or the one seed of a replay. */
  range: string;
  replay: boolean;
  json: boolean;
  command: string[];
}

export function planChaos(flags: ChaosFlags): ChaosPlan {
  const [program] = flags.command;
  if (program === undefined || program === '') {
    throw usageError('chaos: give the command to run after -- (e.g. esim-sandbox chaos -- npm test)');
  }
  const base = {
    profile: flags.profile,
    profileValue: chaosProfileArgument(flags.profile),
    json: flags.json ?? false,
    command: flags.command,
  };
  if (flags.seed !== undefined) {
    for (const other of ['runs', 'from'] as const) {
      if (flags[other] !== undefined) {
        throw usageError(`--seed: give either --seed (one seed) or --${other}, not both`);
      }
    }
    if (flags.seed === '' || flags.seed.includes(':')) {
      throw usageError(`--seed: '${flags.seed}' must be non-empty and without ':'`);
    }
    return { ...base, seeds: [flags.seed], range: flags.seed, replay: true };
  }
  const runs = parseCount(flags.runs ?? '5', '--runs');
  if (runs < 1) throw usageError(`--runs: '${flags.runs}' must be at least 1`);
  const from = parseCount(flags.from ?? '1', '--from');
  const seeds = Array.from({ length: runs }, (_, i) => String(from + i));
  return { ...base, seeds, range: `${from}..${from + runs - 1}`, replay: false };
}

interface SeedResult {
  seed: string;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  faults: InjectedFault[];
  malformed: number;
}

/** The signals the bin stops on, as the abort reason it gives, and the exit code each ends the runner with. */
const EXIT_ON_SIGNAL = { SIGINT: EXIT.INTERRUPTED, SIGTERM: EXIT.TERMINATED } as const;
type StopSignal = keyof typeof EXIT_ON_SIGNAL;

const stopSignal = (signal: AbortSignal): StopSignal => (signal.reason === 'SIGTERM' ? 'SIGTERM' : 'SIGINT');

/** Runs the command once; an abort of `stop` is passed on to it as the signal it names, then awaited. */
function runOnce(
  plan: ChaosPlan,
  env: NodeJS.ProcessEnv,
  stop: AbortSignal | undefined,
): Promise<Pick<SeedResult, 'exitCode' | 'signal'>> {
  const [program, ...args] = plan.command as [string, ...string[]];
  return new Promise((resolveRun, reject) => {
    // With --json, stdout holds the one document: the command's own stdout goes to stderr.
    const child = spawn(program, args, { env, stdio: ['inherit', plan.json ? 2 : 'inherit', 'inherit'] });
    const forward = () => child.kill(stopSignal(stop!));
    stop?.addEventListener('abort', forward, { once: true });
    let settled = false;
    const settle = () => {
      const first = !settled;
      settled = true;
      stop?.removeEventListener('abort', forward);
      return first;
    };
    child.once('error', (error) => {
      if (settle()) {
        reject(
          new CliError(EXIT.USAGE, `chaos: cannot run '${program}': ${error.message}`, { cause: error }),
        );
      }
    });
    child.once('exit', (exitCode, signal) => {
      if (settle()) resolveRun({ exitCode, signal });
    });
  });
}

const failed = (r: SeedResult) => r.exitCode !== 0;

/** A word of the replay line, quoted for a POSIX shell when it needs it. */
const shellWord = (word: string) =>
  /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;

const replayLine = (plan: ChaosPlan, seed: string) =>
  ['esim-sandbox', 'chaos', '--profile', plan.profile, '--seed', seed, '--', ...plan.command]
    .map(shellWord)
    .join(' ');

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Runs the series and prints its outcome; resolves with the exit code (1: a seed failed). */
export async function runChaos(plan: ChaosPlan, io: CliIo): Promise<number> {
  const env = io.env ?? process.env;
  const dir = mkdtempSync(join(tmpdir(), 'esim-sandbox-chaos-'));
  const results: SeedResult[] = [];
  try {
    for (const [index, seed] of plan.seeds.entries()) {
      if (io.signal?.aborted) break;
      io.stderr(
        `chaos: seed ${seed}${plan.replay ? ' (replay)' : ` of ${plan.range}`}, profile ${plan.profile}\n`,
      );
      const report = join(dir, `run-${index + 1}.jsonl`);
      const status = await runOnce(
        plan,
        { ...env, [CHAOS_ENV]: `${plan.profileValue}:${seed}`, [CHAOS_REPORT_ENV]: report },
        io.signal,
      );
      const result = { seed, ...status, ...readChaosReport(report) };
      results.push(result);
      if (failed(result)) break;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (io.signal?.aborted) {
    const signal = stopSignal(io.signal);
    const last = results.at(-1);
    io.stderr(`chaos: stopped by ${signal} ${last ? `at seed ${last.seed}` : 'before the first seed'}\n`);
    return EXIT_ON_SIGNAL[signal];
  }
  return printOutcome(plan, results, io);
}

function printOutcome(plan: ChaosPlan, results: SeedResult[], io: CliIo): number {
  const failure = results.find(failed);
  const replay = failure ? replayLine(plan, failure.seed) : null;
  const print = (lines: string[]) => io.stdout(lines.map((line) => `${line}\n`).join(''));
  if (plan.json) {
    const document = { profile: plan.profile, seeds: results, failedSeed: failure?.seed ?? null, replay };
    print([JSON.stringify(document, null, 2)]);
  } else if (failure) {
    const status =
      failure.exitCode === null ? `killed by ${failure.signal}` : `exit code ${failure.exitCode}`;
    const passed = results.length - 1;
    const before = passed === 0 ? '' : `; ${plural(passed, 'seed')} passed before it`;
    print([
      `chaos: seed ${failure.seed} failed under ${plan.profile} (${status})${before}`,
      ...describeFaults(failure),
      `replay: ${replay}`,
    ]);
  } else {
    const faults = results.reduce((n, r) => n + r.faults.length, 0);
    const malformed = results.reduce((n, r) => n + r.malformed, 0);
    const skipped = malformed > 0 ? `; ${plural(malformed, 'malformed report line')} skipped` : '';
    print([
      `${plural(results.length, 'seed')} passed under ${plan.profile} (${plan.range}), ${plural(faults, 'fault')} injected in all${skipped}`,
    ]);
  }
  return failure ? EXIT.REFUSED : EXIT.OK;
}
