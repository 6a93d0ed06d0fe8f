/**
 * `contract`: runs the suites, prints each report and the drift report, writes the JSON and the recording, and
 * returns the exit code: 0 all good (a live target without credentials counts: it says it was skipped), 1 a check
 * failed (or, with --fail-on-drift, a compared check differs), 2 a usage or file error.
 * @module
 */
import type { FetchLike } from '@esim-sandbox/core';
import { type ContractOptions, runContract } from '../contract.js';
import { ContractFileError, UsageError } from '../errors.js';
import { writeFixture } from '../record/fixture.js';
import { createRecorder, type Recorder } from '../record/recorder.js';
import { compareReports, formatDrift, formatReport } from '../runner/report.js';
import { readRunFile, writeRunFile } from '../runner/report-file.js';
import { reportFailed } from '../runner/run.js';
import type { RunReport } from '../runner/types.js';
import { CONTRACT_HELP, CONTRACT_VERSION, type ContractCliConfig, parseContractArgs } from './args.js';

export interface CliIo {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  /** One line (or block) of output. */
  stdout(text: string): void;
  stderr(text: string): void;
  /** Relative file names are resolved here. Default: where pnpm was started (INIT_CWD), else the process's cwd. */
  cwd?: string;
  /** live only: what reaches the provider (tests pass a fake; tests never call a real provider). */
  fetch?: FetchLike;
  /** Polling sleep, injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
}

/** Left: the mock (or the earlier run), right: live, so the table reads "mock | live". */
function pair(a: RunReport, b: RunReport): [RunReport, RunReport] {
  return a.target === 'live' && b.target !== 'live' ? [b, a] : [a, b];
}

function comparable(report: RunReport): boolean {
  return report.skipped === undefined;
}

async function runAll(
  config: ContractCliConfig,
  io: CliIo,
): Promise<{ reports: RunReport[]; drifts: [RunReport, RunReport][] }> {
  const earlier = config.compare ? await readRunFile(config.compare) : [];
  const reports: RunReport[] = [];
  const drifts: [RunReport, RunReport][] = [];
  let recorder: Recorder | undefined;
  for (const provider of config.providers) {
    const current: RunReport[] = [];
    for (const kind of config.targets) {
      const options: ContractOptions = {
        allowSpend: config.allowSpend,
        ...(config.spendCap === undefined ? {} : { spendCap: config.spendCap }),
        ...(config.email === undefined ? {} : { email: config.email }),
        ...(config.region === undefined ? {} : { region: config.region }),
        ...(io.sleep ? { sleep: io.sleep } : {}),
        target: {
          env: io.env,
          ...(config.baseUrl === undefined ? {} : { baseUrl: config.baseUrl }),
          ...(io.fetch ? { fetch: io.fetch } : {}),
        },
        ...(config.record
          ? {
              wrapFetch: (fetch, target) => {
                recorder = createRecorder({ fetch, ...target.redaction, iccids: config.redactIccids });
                return recorder.fetch;
              },
            }
          : {}),
      };
      const report = await runContract(provider, kind, options);
      io.stdout(`${formatReport(report)}\n`);
      current.push(report);
    }
    const [first, second] = current;
    if (first && second && comparable(first) && comparable(second)) drifts.push(pair(first, second));
    const before = earlier.find((r) => r.provider === provider && comparable(r));
    const now = current.find(comparable);
    if (before && now) drifts.push(pair(before, now));
    reports.push(...current);
  }
  for (const [left, right] of drifts) io.stdout(`${formatDrift(left, right)}\n`);
  if (config.json) await writeRunFile(config.json, reports);
  if (config.record && recorder) {
    await writeFixture(config.record, recorder.fixture());
    io.stdout(`recorded ${recorder.entries.length} requests to ${config.record}`);
  } else if (config.record) io.stdout(`nothing recorded: the target was skipped`);
  return { reports, drifts };
}

/**
 * @example process.exitCode = await runContractCli({ argv: process.argv.slice(2), env: process.env, ... });
 */
export async function runContractCli(io: CliIo): Promise<number> {
  const cwd = io.cwd ?? io.env.INIT_CWD ?? process.cwd();
  try {
    const config = parseContractArgs(io.argv, cwd);
    if (config.help || config.version) {
      io.stdout(config.help ? CONTRACT_HELP : `contract ${CONTRACT_VERSION}`);
      return 0;
    }
    const { reports, drifts } = await runAll(config, io);
    if (reports.some(reportFailed)) return 1;
    const drifted = drifts.some(([l, r]) => compareReports(l, r).some((row) => row.verdict === 'different'));
    return config.failOnDrift && drifted ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`contract: ${error.message}\nRun 'contract --help' for usage.`);
      return 2;
    }
    if (error instanceof ContractFileError) {
      io.stderr(`contract: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
