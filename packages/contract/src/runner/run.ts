/**
 * Runs a provider's check table against one target, in table order (later checks use what earlier ones found), and
 * returns the report. Spending checks pass the spend guard first: on live they need --allow-spend and must fit under
 * the cap; on mocks money is fake and they always run.
 * @module
 */
import { EsimSandboxError, type FetchLike } from '@esim-sandbox/core';
import { CheckSkipped, SpendBlockedError } from '../errors.js';
import { unmetExpectations } from './facts.js';
import { InstrumentedFetch, type ResponseValidator } from './instrument.js';
import {
  type Check,
  type CheckResult,
  type ProviderName,
  REPORT_FORMAT,
  type RunOptions,
  type RunReport,
  type SkippedTarget,
  type SpendPlan,
  type Target,
} from './types.js';

/** What a check table needs from the runner. */
export interface SuiteEnv<C> {
  target: Target<C>;
  /** The target's fetch behind the spend guard and the schema validator: checks send everything through it. */
  fetch: FetchLike;
  options: RunOptions;
  sleep(ms: number): Promise<void>;
}

export interface Suite<C, Ctx> {
  provider: ProviderName;
  /** The provider's money unit, for spend messages: `1/10,000 USD`. */
  unit: string;
  checks: readonly Check<Ctx>[];
  /** Paths of endpoints that spend money. */
  spendingPaths: ReadonlySet<string>;
  validateResponse: ResponseValidator;
  createContext(env: SuiteEnv<C>): Ctx;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Why a spending check may not run on this target now, or undefined when it may. */
export function spendRefusal(
  plan: SpendPlan,
  realMoney: boolean,
  options: Pick<RunOptions, 'allowSpend' | 'spendCap'>,
  spent: number,
  unit: string,
): string | undefined {
  if (!realMoney) return undefined;
  const what =
    plan.amount > 0
      ? `spends up to ${plan.amount} ${unit}`
      : plan.irreversible
        ? 'cannot be undone'
        : undefined;
  if (what === undefined) return undefined;
  if (!options.allowSpend) return `${what}; not run against live without --allow-spend --spend-cap N`;
  const cap = options.spendCap ?? 0;
  if (plan.amount > 0 && spent + plan.amount > cap) {
    return `would spend up to ${plan.amount} ${unit}, but only ${Math.max(0, cap - spent)} of the cap ${cap} is left`;
  }
  return undefined;
}

function describe(error: unknown): string {
  // The client wraps what its fetch throws in a ConnectionError; a blocked spend should say so itself.
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e instanceof SpendBlockedError) return `${e.code}: ${e.message}`;
  }
  if (error instanceof EsimSandboxError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

async function runOne<Ctx>(
  check: Check<Ctx>,
  ctx: Ctx,
  instrument: InstrumentedFetch,
  plan: SpendPlan | undefined,
): Promise<CheckResult> {
  const base = { id: check.id, title: check.title, ...(check.expected ? { expected: check.expected } : {}) };
  if (plan) instrument.allowSpending();
  try {
    const observed = await check.run(ctx);
    const problems = [
      ...(check.expected ? unmetExpectations(check.expected, observed.facts) : []),
      ...instrument.end(),
    ];
    const status = problems.length > 0 ? 'fail' : check.expected ? 'pass' : 'info';
    return {
      ...base,
      status,
      facts: observed.facts,
      ...(observed.note ? { note: observed.note } : {}),
      ...(problems.length > 0 ? { problems } : {}),
      ...(plan ? { spent: plan.amount } : {}),
    };
  } catch (error) {
    const problems = instrument.end();
    if (error instanceof CheckSkipped) return { ...base, status: 'skip', reason: error.message };
    return {
      ...base,
      status: 'error',
      reason: describe(error),
      ...(problems.length > 0 ? { problems } : {}),
      ...(plan ? { spent: plan.amount } : {}),
    };
  }
}

/**
 * @example
 * const report = await runSuite(esimAccessSuite, target, { allowSpend: false });
 * console.log(formatReport(report));
 */
export async function runSuite<C, Ctx>(
  suite: Suite<C, Ctx>,
  target: Target<C>,
  options: RunOptions = {},
): Promise<RunReport> {
  const startedAt = new Date().toISOString();
  const instrument = new InstrumentedFetch(target.fetch, suite.spendingPaths, suite.validateResponse);
  const ctx = suite.createContext({
    target,
    fetch: instrument.fetch,
    options,
    sleep: options.sleep ?? realSleep,
  });
  const results: CheckResult[] = [];
  let spent = 0;
  // In process (msw) a check may wait on the emulator's virtual-clock timer, which is unref'd by design; nothing
  // else may hold the event loop open, and a CLI run would end mid-suite.
  const keepAlive = setInterval(() => {}, 60_000);
  const runCheck = async (check: Check<Ctx>): Promise<CheckResult> => {
    instrument.begin();
    let plan: SpendPlan | undefined;
    if (check.spend) {
      try {
        plan = await check.spend(ctx);
      } catch (error) {
        const problems = instrument.end();
        if (error instanceof CheckSkipped)
          return { id: check.id, title: check.title, status: 'skip', reason: error.message };
        return {
          id: check.id,
          title: check.title,
          status: 'error',
          reason: describe(error),
          ...(problems.length > 0 ? { problems } : {}),
        };
      }
      const refusal = spendRefusal(plan, target.realMoney, options, spent, suite.unit);
      if (refusal) {
        instrument.end();
        return { id: check.id, title: check.title, status: 'skip', reason: refusal };
      }
    }
    const result = await runOne(check, ctx, instrument, plan);
    if (result.spent !== undefined) spent += result.spent;
    return result;
  };
  try {
    for (const check of suite.checks) results.push(await runCheck(check));
  } finally {
    clearInterval(keepAlive);
  }
  return {
    format: REPORT_FORMAT,
    version: 1,
    provider: suite.provider,
    target: target.kind,
    baseUrl: target.baseUrl,
    startedAt,
    finishedAt: new Date().toISOString(),
    unit: suite.unit,
    ...(target.realMoney && options.allowSpend ? { spendCap: options.spendCap ?? 0 } : {}),
    spent,
    results,
  };
}

/** The report of a target that did not run at all (live without credentials). */
export function skippedReport(skipped: SkippedTarget, unit: string): RunReport {
  const now = new Date().toISOString();
  return {
    format: REPORT_FORMAT,
    version: 1,
    provider: skipped.provider,
    target: skipped.kind,
    skipped: skipped.skipped,
    startedAt: now,
    finishedAt: now,
    unit,
    spent: 0,
    results: [],
  };
}

/** True when a report has a failed or unfinished check. */
export function reportFailed(report: RunReport): boolean {
  return report.results.some((r) => r.status === 'fail' || r.status === 'error');
}
