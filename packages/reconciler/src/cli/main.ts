/**
 * `esim-reconcile`: parses the command line, opens the store, runs the command, and turns every error into one
 * clear line on stderr and a non-zero exit code (2 for usage errors).
 * @module
 */
import { createRequire } from 'node:module';
import { parseDatabaseUrl } from '../store/database-url.js';
import { openStore, type Store } from '../store/open.js';
import { PGLITE_SETTINGS_ENV } from '../store/pglite-settings.js';
import { TEMPLATE_CACHE_ENV } from '../store/pglite-template.js';
import { type CliIo, reportCommand, retryWebhooksCommand, serveCommand, syncCommand } from './commands.js';
import { HELP, parseCli, UsageError } from './config.js';
import { checkDataDir, dataDirState } from './data-dir.js';
import { describeError } from './describe-error.js';
import { EXIT_CODES, type ExitCode } from './exit-codes.js';
import { createProgressBar, type ProgressBar } from './progress.js';

/** src/cli and dist/cli are both two folders below the package's own package.json. */
const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

export type { CliIo } from './commands.js';

export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  let store: Store | undefined;
  let bar: ProgressBar | undefined;
  try {
    const config = parseCli(argv, io.env);
    if (config.command === 'help') {
      io.stdout.write(HELP);
      return EXIT_CODES.ok.code;
    }
    if (config.command === 'version') {
      io.stdout.write(`esim-reconcile ${version}\n`);
      return EXIT_CODES.ok.code;
    }
    const { url, dataDir } = config.store;
    const existed = url === undefined && dataDirState(dataDir) === 'store';
    if (url === undefined && config.command !== 'init') checkDataDir(dataDir);
    bar = createProgressBar(io.stderr, config.sync.progress);
    // Opening takes seconds (PGlite starts a WebAssembly Postgres): say so before, not after.
    const where = url === undefined ? dataDir : parseDatabaseUrl(url).display;
    bar.status(`opening the store at ${where}...`);
    const opening = Date.now();
    store = await openStore({
      url: config.store.url,
      dataDir: config.store.url === undefined ? config.store.dataDir : undefined,
      schema: config.store.schema,
      env: {
        [PGLITE_SETTINGS_ENV]: io.env[PGLITE_SETTINGS_ENV],
        [TEMPLATE_CACHE_ENV]: io.env[TEMPLATE_CACHE_ENV],
        XDG_CACHE_HOME: io.env.XDG_CACHE_HOME,
      },
    });
    bar.status(`store open (${store.kind}, ${((Date.now() - opening) / 1000).toFixed(1)} s)`);
    if (config.command !== 'sync') bar.clear();
    if (config.command === 'init') {
      io.stdout.write(
        url !== undefined
          ? `store ready in ${store.location} (schema ${store.schema})\n`
          : existed
            ? `a store already exists in ${dataDir}; nothing changed\n`
            : `created a store in ${store.location}\n`,
      );
      return EXIT_CODES.ok.code;
    }
    if (config.command === 'sync') return await syncCommand(store, config, io, bar);
    if (config.command === 'serve-webhooks') return await serveCommand(store, config, io);
    if (config.command === 'retry-webhooks') return await retryWebhooksCommand(store, config, io);
    return await reportCommand(store, config, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`esim-reconcile: ${error.message}\nRun esim-reconcile --help for usage.\n`);
      return EXIT_CODES.usage.code;
    }
    io.stderr.write(`esim-reconcile: ${describeError(error)}\n`);
    if (io.env.ESIM_RECONCILE_DEBUG === '1' && error instanceof Error && error.stack)
      io.stderr.write(`${error.stack}\n`);
    return EXIT_CODES.failed.code;
  } finally {
    bar?.clear();
    await store?.close().catch(() => {});
  }
}
