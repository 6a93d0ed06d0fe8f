/**
 * The invariant a reseller asserts after a chaos run (issue #19): after ONE sync the store equals the provider.
 * "Equals" is what the sync itself compares, so it is checked by a second sync right after the first: it must find
 * nothing. Framework-free: it throws, so vitest, jest and node:test report it alike.
 * @module
 */
import { ReconcilerError } from '../errors.js';
import { buildReport, type ReportFinding } from '../report/build.js';
import type { Store } from '../store/open.js';
import { syncAccount } from '../sync/engine.js';
import type { SyncOptions, SyncResult, SyncTarget } from '../sync/types.js';

/** The check sync found drift the first sync left: the store and the provider still differ. */
export class DriftRemainsError extends ReconcilerError {
  readonly accountId: string;
  /** The check sync's findings, as `buildReport` lists them. */
  readonly findings: ReportFinding[];

  constructor(accountId: string, findings: ReportFinding[]) {
    const lines = findings.map(
      (f) =>
        `  ${f.kind} ${f.subjectType} ${f.subjectId} ${f.field}: store ${f.storeValue ?? '-'}, provider ${f.providerValue ?? '-'}`,
    );
    super(
      'DRIFT_REMAINS',
      `account ${accountId}: a sync right after the first found ${findings.length} drift${findings.length === 1 ? '' : 's'}:\n${lines.join('\n')}`,
    );
    this.accountId = accountId;
    this.findings = findings;
  }
}

export interface NoDriftOptions extends SyncOptions {
  /**
   * Awaited before each of the two syncs: work in flight that still changes the store, e.g. your webhook receiver's
   * `drain()` (a sync's reads may release webhooks a provider held back until a poll).
   */
  settle?: (() => Promise<unknown>) | undefined;
}

/**
 * Syncs `target` once, then again: resolves with the first sync's result when the second finds nothing, else
 * throws {@link DriftRemainsError} listing what it found.
 * @example
 * await expectNoDriftAfterSync(store, { provider: 'esimaccess', accountId: 'esimaccess', client }, {
 *   settle: () => receiver.drain(),
 * });
 */
export async function expectNoDriftAfterSync(
  store: Store,
  target: SyncTarget,
  options: NoDriftOptions = {},
): Promise<SyncResult> {
  const { settle, ...syncOptions } = options;
  await settle?.();
  const first = await syncAccount(store, target, syncOptions);
  await settle?.();
  const check = await syncAccount(store, target, syncOptions);
  const found = Object.values(check.findings).reduce((sum, n) => sum + (n ?? 0), 0);
  if (found === 0) return first;
  const report = await buildReport(store, { accountId: target.accountId });
  const items = report.accounts[0]?.findings.items ?? [];
  throw new DriftRemainsError(
    target.accountId,
    items.filter((f) => f.runId === check.runId),
  );
}
