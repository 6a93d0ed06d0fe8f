/**
 * `esim-reconcile`: parses the command line, opens the store, runs the command, and turns every error into one
 * clear line on stderr and a non-zero exit code (2 for usage errors).
 * @module
 */
import { openStore, type Store } from '../store/open.js';
import { type CliIo, reportCommand, retryWebhooksCommand, serveCommand, syncCommand } from './commands.js';
import { HELP, parseCli, UsageError } from './config.js';
import { describeError } from './describe-error.js';

export type { CliIo } from './commands.js';

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let store: Store | undefined;
  try {
    const config = parseCli(argv, io.env);
    if (config.command === 'help') {
      io.stdout.write(HELP);
      return 0;
    }
    store = await openStore({
      url: config.store.url,
      dataDir: config.store.url === undefined ? config.store.dataDir : undefined,
      schema: config.store.schema,
      env: {},
    });
    if (config.command === 'sync') return await syncCommand(store, config, io);
    if (config.command === 'serve-webhooks') return await serveCommand(store, config, io);
    if (config.command === 'retry-webhooks') return await retryWebhooksCommand(store, config, io);
    return await reportCommand(store, config, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`esim-reconcile: ${error.message}\nRun esim-reconcile --help for usage.\n`);
      return 2;
    }
    io.stderr.write(`esim-reconcile: ${describeError(error)}\n`);
    if (io.env.ESIM_RECONCILE_DEBUG === '1' && error instanceof Error && error.stack)
      io.stderr.write(`${error.stack}\n`);
    return 1;
  } finally {
    await store?.close().catch(() => {});
  }
}
