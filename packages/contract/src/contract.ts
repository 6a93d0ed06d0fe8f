/**
 * One call per provider and target: make the target, run the provider's suite on it, close it. A live target
 * without credentials gives a report that says it was skipped and why.
 * @module
 */
import type { FetchLike } from '@esim-sandbox/core';
import { esimAccessSuite } from './checks/esimaccess.js';
import { iroamlySuite } from './checks/iroamly.js';
import { runSuite, type Suite, skippedReport } from './runner/run.js';
import type {
  ProviderName,
  RunOptions,
  RunReport,
  SkippedTarget,
  Target,
  TargetKind,
} from './runner/types.js';
import { createEsimAccessTarget } from './targets/esimaccess.js';
import { createIroamlyTarget } from './targets/iroamly.js';
import type { TargetOptions } from './targets/shared.js';

export interface ContractOptions extends RunOptions {
  target?: TargetOptions;
  /** Wraps the target's fetch, e.g. with a recorder that redacts the target's credentials. */
  wrapFetch?: (fetch: FetchLike, target: Target<unknown>) => FetchLike;
}

async function runOn<C, Ctx>(
  suite: Suite<C, Ctx>,
  target: Target<C> | SkippedTarget,
  options: ContractOptions,
): Promise<RunReport> {
  if ('skipped' in target) return skippedReport(target, suite.unit);
  const wrapped = options.wrapFetch
    ? { ...target, fetch: options.wrapFetch(target.fetch, target as Target<unknown>) }
    : target;
  try {
    return await runSuite(suite, wrapped, options);
  } finally {
    await target.close();
  }
}

/**
 * @example
 * const report = await runContract('esimaccess', 'mock-http');
 * console.log(formatReport(report));
 */
export async function runContract(
  provider: ProviderName,
  kind: TargetKind,
  options: ContractOptions = {},
): Promise<RunReport> {
  if (provider === 'esimaccess') {
    return runOn(esimAccessSuite, await createEsimAccessTarget(kind, options.target), options);
  }
  return runOn(iroamlySuite, await createIroamlyTarget(kind, options.target), options);
}
