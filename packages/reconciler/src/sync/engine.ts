/**
 * One sync of one provider account: take the account's lock, start (or resume) a run, run its streams in
 * order, close the run. A sync that is killed or aborted leaves its run open; the next one resumes it, so the
 * end state is the one an uninterrupted sync gives.
 * @module
 */
import { AbortError } from '@esim-sandbox/core';
import { AccountBusyError } from '../errors.js';
import { ensureAccount } from '../store/accounts.js';
import type { Store } from '../store/open.js';
import { finishRun, startOrResumeRun } from '../store/runs.js';
import { adoptBaseline } from './adopt.js';
import { createStreamContext, resolveSyncOptions, type StreamContext } from './context.js';
import { syncBalance } from './esimaccess/balance.js';
import { syncDateRange, syncKnownOrders } from './esimaccess/listing.js';
import { flagMissingProfiles } from './esimaccess/missing.js';
import { syncUsage } from './esimaccess/usage.js';
import { syncIroamly } from './iroamly.js';
import type { SyncOptions, SyncResult, SyncTarget } from './types.js';

/** The streams of a run, in order; each skips itself when its cursor says it already finished. */
function streamsFor(target: SyncTarget): ((ctx: StreamContext) => Promise<void>)[] {
  if (target.provider === 'iroamly') return [(ctx) => syncIroamly(ctx, target.client)];
  const client = target.client;
  return [
    (ctx) => syncDateRange(ctx, client),
    (ctx) => syncKnownOrders(ctx, client),
    (ctx) => syncUsage(ctx, client),
    (ctx) => flagMissingProfiles(ctx),
    (ctx) => syncBalance(ctx, client),
  ];
}

function isInterruption(error: unknown, signal: AbortSignal | undefined): boolean {
  return error instanceof AbortError || (signal?.aborted ?? false);
}

/**
 * @example
 * const client = new EsimAccessClient({ accessCode, secretKey });
 * const result = await syncAccount(store, { provider: 'esimaccess', accountId: 'esimaccess', client });
 * console.log(result.findings); // { missed_webhook: 3, usage_mismatch: 12 }
 *
 * Throws `AccountBusyError` when another process is syncing the account.
 */
export async function syncAccount(
  store: Store,
  target: SyncTarget,
  options: SyncOptions = {},
): Promise<SyncResult> {
  const resolved = resolveSyncOptions(options);
  await ensureAccount(store.db, { id: target.accountId, provider: target.provider });
  const release = await store.locks.tryAcquire(`sync:${target.accountId}`);
  if (!release) throw new AccountBusyError(target.accountId);
  try {
    const { run, resumed } = await startOrResumeRun(store.db, target.accountId);
    const ctx = createStreamContext(
      store,
      { accountId: target.accountId, runId: run.id, startedAt: run.startedAt },
      resolved,
      options.onProgress,
    );
    try {
      for (const stream of streamsFor(target)) await stream(ctx);
    } catch (error) {
      // An interrupted run stays open to be resumed; a failed one is closed and the next sync starts afresh.
      if (!isInterruption(error, resolved.signal)) {
        await finishRun(store.db, run.id, {
          status: 'failed',
          error: error instanceof Error ? error.message : String(error),
        });
      }
      throw error;
    }
    const adopted = options.adopt ? await adoptBaseline(store.db, target.accountId, run.id) : 0;
    const finished = await finishRun(store.db, run.id, { status: 'completed' });
    return {
      accountId: target.accountId,
      provider: target.provider,
      runId: run.id,
      resumed,
      findings: finished.stats ?? {},
      adopted,
    };
  } finally {
    await release();
  }
}

export interface SyncAccountsOptions extends SyncOptions {
  /** How long to keep retrying accounts another process holds. Default 0: report them busy at once. */
  waitMs?: number | undefined;
  /** Pause between retries of busy accounts. Default 1 s. */
  retryMs?: number | undefined;
  sleep?: ((ms: number) => Promise<void>) | undefined;
}

export type SyncAccountOutcome =
  | { status: 'completed'; result: SyncResult }
  | { status: 'busy'; accountId: string }
  | { status: 'failed'; accountId: string; error: unknown };

/**
 * Syncs several accounts. Accounts another process holds are retried after the others (up to `waitMs`), so
 * concurrent reconcilers share the work instead of queueing behind one account. One account failing does not
 * stop the others.
 */
export async function syncAccounts(
  store: Store,
  targets: readonly SyncTarget[],
  options: SyncAccountsOptions = {},
): Promise<SyncAccountOutcome[]> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deadline = Date.now() + (options.waitMs ?? 0);
  const outcomes = new Map<string, SyncAccountOutcome>();
  let pending = [...targets];
  for (;;) {
    const busy: SyncTarget[] = [];
    for (const target of pending) {
      try {
        outcomes.set(target.accountId, {
          status: 'completed',
          result: await syncAccount(store, target, options),
        });
      } catch (error) {
        if (error instanceof AccountBusyError) busy.push(target);
        else if (isInterruption(error, options.signal)) throw error;
        else outcomes.set(target.accountId, { status: 'failed', accountId: target.accountId, error });
      }
    }
    pending = busy;
    if (pending.length === 0 || Date.now() >= deadline) break;
    await sleep(options.retryMs ?? 1000);
  }
  for (const target of pending)
    outcomes.set(target.accountId, { status: 'busy', accountId: target.accountId });
  return targets.map((target) => outcomes.get(target.accountId)!);
}
