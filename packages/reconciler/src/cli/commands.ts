/**
 * The commands. Each gets an open store and the resolved config, and returns the exit code.
 * @module
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { ESIM_ACCESS_WEBHOOK_IPS, EsimAccessClient, IroamlyClient } from '@esim-sandbox/core';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { buildReport } from '../report/build.js';
import { formatReport } from '../report/format.js';
import type { Store } from '../store/open.js';
import { type SyncAccountOutcome, syncAccounts } from '../sync/engine.js';
import type { SyncTarget } from '../sync/types.js';
import { drainInbox, MAX_APPLY_ATTEMPTS, requeueFailedWebhooks } from '../webhooks/inbox.js';
import { createWebhookReceiver } from '../webhooks/route.js';
import { type CliConfig, UsageError } from './config.js';
import { describeError } from './describe-error.js';
import { EXIT_CODES, type ExitCode } from './exit-codes.js';
import type { ProgressBar, ProgressOutput } from './progress.js';

export interface CliIo {
  stdout: ProgressOutput;
  stderr: ProgressOutput;
  env: Record<string, string | undefined>;
  /** Fires on SIGINT/SIGTERM: a sync in progress stops where it is (the next one resumes it), a server closes. */
  signal?: AbortSignal | undefined;
}

interface Target {
  target: SyncTarget;
  url: string;
}

function targets(config: CliConfig): Target[] {
  const list: Target[] = [];
  if (config.esimaccess) {
    const { accountId, accessCode, secretKey, baseUrl } = config.esimaccess;
    // The client's default limiter keeps every call under the provider's 8 requests/second.
    const client = new EsimAccessClient({
      accessCode,
      secretKey,
      signing: secretKey === undefined ? 'access-code-only' : 'hmac',
      baseUrl,
    });
    list.push({
      target: { provider: 'esimaccess', accountId, client },
      url: baseUrl ?? 'https://api.esimaccess.com',
    });
  }
  if (config.iroamly) {
    const { accountId, authKey, authSecret, baseUrl } = config.iroamly;
    const client = new IroamlyClient({ authKey, authSecret, baseUrl });
    list.push({ target: { provider: 'iroamly', accountId, client }, url: client.baseUrl });
  }
  if (list.length === 0) {
    throw new UsageError(
      'no provider configured: set ESIMACCESS_ACCESS_CODE (and ESIMACCESS_SECRET_KEY) or IROAMLY_AUTH_KEY and IROAMLY_AUTH_SECRET, or pass the matching flags',
    );
  }
  return list;
}

function summarise(outcome: SyncAccountOutcome, all: Target[]): string {
  if (outcome.status === 'busy')
    return `${outcome.accountId}: busy, another process is syncing it (try --wait SECONDS)`;
  if (outcome.status === 'failed') {
    const found = all.find((t) => t.target.accountId === outcome.accountId);
    return `${outcome.accountId}: failed: ${describeError(outcome.error, { provider: found?.target.provider, url: found?.url })}`;
  }
  const { result } = outcome;
  const drift = Object.entries(result.findings)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
  const adopted = result.adopted > 0 ? ` (${result.adopted} adopted as baseline)` : '';
  return `${result.accountId}: run ${result.runId} completed${result.resumed ? ' (resumed an interrupted run)' : ''}; drift: ${drift || 'none'}${adopted}`;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

export async function syncCommand(
  store: Store,
  config: CliConfig,
  io: CliIo,
  bar: ProgressBar,
): Promise<ExitCode> {
  const all = targets(config);
  const { pageSize, since, until, waitMs, adopt } = config.sync;
  for (;;) {
    let outcomes: SyncAccountOutcome[];
    try {
      outcomes = await syncAccounts(
        store,
        all.map((t) => t.target),
        { pageSize, since, until, waitMs, adopt, signal: io.signal, onProgress: (p) => bar.update(p) },
      );
    } finally {
      bar.clear();
    }
    for (const outcome of outcomes) {
      (outcome.status === 'completed' ? io.stdout : io.stderr).write(`${summarise(outcome, all)}\n`);
    }
    const failed = outcomes.some((o) => o.status !== 'completed');
    if (!config.sync.watch) return failed ? EXIT_CODES.failed.code : EXIT_CODES.ok.code;
    await sleep(config.sync.intervalMs, io.signal);
    if (io.signal?.aborted) return EXIT_CODES.ok.code;
  }
}

/** The provider must reach a public receiver, so binding beyond loopback is allowed, but never silently. */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

export async function serveCommand(store: Store, config: CliConfig, io: CliIo): Promise<ExitCode> {
  const { port, host, path, accountId } = config.serve;
  const receiver = createWebhookReceiver(store, {
    accountId,
    retryIntervalMs: 30_000,
    onError: (error) => io.stderr.write(`esim-reconcile: webhook apply failed: ${describeError(error)}\n`),
  });
  const app = new Hono();
  app.route(path, receiver.app);
  const server = serve({ fetch: app.fetch, port, hostname: host });
  await Promise.race([
    once(server, 'listening'),
    once(server, 'error').then(([error]) => Promise.reject(error)),
  ]);
  const address = server.address() as AddressInfo;
  if (!isLoopback(host)) {
    io.stderr.write(
      `esim-reconcile: warning: listening on ${host}, beyond loopback; eSIM Access does not sign webhooks, so anyone who can reach this port can post events: allow only the provider's sender IPs (${ESIM_ACCESS_WEBHOOK_IPS.join(', ')}) in a firewall or proxy\n`,
    );
  }
  io.stdout.write(
    `listening for eSIM Access webhooks on http://${host}:${address.port}${path} (account ${accountId})\n`,
  );
  await receiver.drain();
  if (!io.signal?.aborted) await once(io.signal ?? new AbortController().signal, 'abort');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await receiver.close();
  return EXIT_CODES.ok.code;
}

export async function retryWebhooksCommand(store: Store, config: CliConfig, io: CliIo): Promise<ExitCode> {
  const accountId = config.report.accountId;
  const requeued = await requeueFailedWebhooks(store, { accountId });
  let applied = 0;
  let error: unknown;
  // A drain stops at the first failure (and counts an attempt on that row), so drain again until it passes or
  // every re-queued row has used its attempts up; the bound keeps a store that is down from looping for ever.
  for (let round = 0; round <= requeued * MAX_APPLY_ATTEMPTS; round++) {
    const drained = await drainInbox(store, { accountId });
    applied += Object.values(drained.applied).reduce((sum, n) => sum + (n ?? 0), 0);
    error = drained.error;
    if (error === undefined) break;
  }
  io.stdout.write(`re-queued ${requeued} failed webhook(s); applied ${applied}\n`);
  if (error === undefined) return EXIT_CODES.ok.code;
  io.stderr.write(`esim-reconcile: a webhook still fails to apply: ${describeError(error)}\n`);
  return EXIT_CODES.failed.code;
}

export async function reportCommand(store: Store, config: CliConfig, io: CliIo): Promise<ExitCode> {
  const report = await buildReport(store, { accountId: config.report.accountId });
  if (config.report.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout.write(formatReport(report, { limit: config.report.limit }));
  return EXIT_CODES.ok.code;
}
