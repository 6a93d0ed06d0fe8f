/**
 * Command-line flags and environment variables, resolved into one config. Flags win over the environment.
 * Secrets are accepted as flags for scripts, but the environment is preferred: flags show in `ps`.
 * @module
 */
import { parseArgs } from 'node:util';
import { UsageError } from '@esim-sandbox/core';
import { exitCodesHelp } from './exit-codes.js';

/** A bad command line: core's one UsageError, shared with the contract CLI. */
export { UsageError };

const options = {
  'database-url': { type: 'string' },
  'data-dir': { type: 'string' },
  schema: { type: 'string' },
  'esimaccess-access-code': { type: 'string' },
  'esimaccess-secret-key': { type: 'string' },
  'esimaccess-url': { type: 'string' },
  'esimaccess-account': { type: 'string' },
  'iroamly-auth-key': { type: 'string' },
  'iroamly-auth-secret': { type: 'string' },
  'iroamly-url': { type: 'string' },
  'iroamly-account': { type: 'string' },
  once: { type: 'boolean' },
  adopt: { type: 'boolean' },
  watch: { type: 'boolean' },
  interval: { type: 'string' },
  'page-size': { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  wait: { type: 'string' },
  progress: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
  port: { type: 'string' },
  host: { type: 'string' },
  path: { type: 'string' },
  account: { type: 'string' },
  json: { type: 'boolean' },
  limit: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

export type Command = 'init' | 'sync' | 'serve-webhooks' | 'retry-webhooks' | 'report' | 'help' | 'version';

export interface CliConfig {
  command: Command;
  store: { url: string | undefined; dataDir: string; schema: string | undefined };
  esimaccess?: {
    accountId: string;
    accessCode: string;
    secretKey: string | undefined;
    baseUrl: string | undefined;
  };
  iroamly?: { accountId: string; authKey: string; authSecret: string; baseUrl: string | undefined };
  sync: {
    watch: boolean;
    intervalMs: number;
    pageSize: number | undefined;
    since: string | undefined;
    until: string | undefined;
    waitMs: number;
    progress: boolean | undefined;
    adopt: boolean;
  };
  serve: { port: number; host: string; path: string; accountId: string };
  report: { json: boolean; accountId: string | undefined; limit: number };
}

function number(flag: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < min)
    throw new UsageError(`--${flag} must be a number >= ${min}, got ${value}`);
  return parsed;
}

export function parseCli(argv: readonly string[], env: Record<string, string | undefined>): CliConfig {
  let parsed: ReturnType<
    typeof parseArgs<{ options: typeof options; allowPositionals: true; args: string[] }>
  >;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  const [name, ...extra] = parsed.positionals;
  const command: Command = v.version
    ? 'version'
    : v.help || name === undefined || name === 'help'
      ? 'help'
      : (name as Command);
  if (!['init', 'sync', 'serve-webhooks', 'retry-webhooks', 'report', 'help', 'version'].includes(command)) {
    throw new UsageError(
      `unknown command "${name}"; expected init, sync, serve-webhooks, retry-webhooks or report`,
    );
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (v.once && v.watch) throw new UsageError('use either --once or --watch, not both');

  const accessCode = v['esimaccess-access-code'] ?? env.ESIMACCESS_ACCESS_CODE;
  const authKey = v['iroamly-auth-key'] ?? env.IROAMLY_AUTH_KEY;
  const authSecret = v['iroamly-auth-secret'] ?? env.IROAMLY_AUTH_SECRET;
  if (authKey !== undefined && authSecret === undefined) {
    throw new UsageError('--iroamly-auth-key needs --iroamly-auth-secret (or IROAMLY_AUTH_SECRET)');
  }
  const esimAccount = v['esimaccess-account'] ?? env.ESIMACCESS_ACCOUNT ?? 'esimaccess';
  return {
    command,
    store: {
      url: v['database-url'] ?? env.DATABASE_URL,
      dataDir: v['data-dir'] ?? env.ESIM_RECONCILE_DATA_DIR ?? '.esim-reconcile',
      schema: v.schema,
    },
    ...(accessCode !== undefined && {
      esimaccess: {
        accountId: esimAccount,
        accessCode,
        secretKey: v['esimaccess-secret-key'] ?? env.ESIMACCESS_SECRET_KEY,
        baseUrl: v['esimaccess-url'] ?? env.ESIMACCESS_BASE_URL,
      },
    }),
    ...(authKey !== undefined &&
      authSecret !== undefined && {
        iroamly: {
          accountId: v['iroamly-account'] ?? env.IROAMLY_ACCOUNT ?? 'iroamly',
          authKey,
          authSecret,
          baseUrl: v['iroamly-url'] ?? env.IROAMLY_BASE_URL,
        },
      }),
    sync: {
      watch: v.watch ?? false,
      intervalMs: number('interval', v.interval, 300, 0.01) * 1000,
      pageSize: v['page-size'] === undefined ? undefined : number('page-size', v['page-size'], 100, 5),
      since: v.since,
      until: v.until,
      waitMs: number('wait', v.wait, 0, 0) * 1000,
      progress: v['no-progress'] ? false : v.progress,
      adopt: v.adopt ?? false,
    },
    serve: {
      port: number('port', v.port, 8787, 0),
      host: v.host ?? '127.0.0.1',
      path: v.path ?? '/webhooks/esimaccess',
      accountId: v.account ?? esimAccount,
    },
    report: { json: v.json ?? false, accountId: v.account, limit: number('limit', v.limit, 50, 1) },
  };
}

export const HELP = `esim-reconcile: keep a reseller's database in step with eSIM Access and iRoamly

Usage:
  esim-reconcile init                                          create the store (--data-dir folder)
  esim-reconcile sync [--once | --watch [--interval SECONDS]]   sync every configured provider account
  esim-reconcile serve-webhooks [--port 8787] [--host 127.0.0.1] [--path /webhooks/esimaccess]
  esim-reconcile retry-webhooks [--account ID]              apply again webhooks that failed 5 times
  esim-reconcile report [--json] [--account ID] [--limit N]

Store (PGlite in a folder unless DATABASE_URL is set):
  --database-url URL         PostgreSQL (env DATABASE_URL)
  --data-dir DIR             PGlite folder (env ESIM_RECONCILE_DATA_DIR, default .esim-reconcile); only init
                             creates it, other commands refuse a folder that is not a store
  --schema NAME              PostgreSQL schema for the tables (default public)
  env ESIM_RECONCILE_PGLITE_SETTINGS   PGlite's Postgres settings over the small defaults (shared_buffers=64MB,...)
  env ESIM_RECONCILE_CACHE_DIR         where the prepared store new PGlite folders copy is cached
                                       (default ~/.cache/esim-reconcile)

eSIM Access (env ESIMACCESS_ACCESS_CODE, ESIMACCESS_SECRET_KEY, ESIMACCESS_BASE_URL, ESIMACCESS_ACCOUNT):
  --esimaccess-access-code, --esimaccess-secret-key, --esimaccess-url, --esimaccess-account (default esimaccess)
iRoamly (env IROAMLY_AUTH_KEY, IROAMLY_AUTH_SECRET, IROAMLY_BASE_URL, IROAMLY_ACCOUNT):
  --iroamly-auth-key, --iroamly-auth-secret, --iroamly-url, --iroamly-account (default iroamly)

Sync options:
  --page-size N              profiles per esim/query page, 5-500 (default 100)
  --since ISO, --until ISO   creation-time window of the listing (default 2000-01-01 .. 2100-01-01)
  --wait SECONDS             wait for accounts another process is syncing (default 0: report them busy)
  --progress                 progress also when stderr is not a terminal (a container's log): plain lines,
                             from "opening the store" on, at most one a second per step
  --no-progress              no progress at all (by default it is shown only on a terminal)
  --adopt                    first sync of an existing account: take what the provider has as the baseline
                             (its unknown_to_us findings are resolved, not reported as drift)

serve-webhooks warns when --host is not a loopback address: eSIM Access does not sign webhooks.
--version (-V) prints the version.

Prefer the environment for secrets: flags are visible to other users in the process list.

Exit codes:
${exitCodesHelp()}
`;
