/**
 * @module
 * createEmulator: a provider definition on the shared engine, composed from its named parts: the account registry
 * (accounts.ts), the per-account runtime (account-runtime.ts), persistence loading (persisted.ts) and the app
 * assembly (app.ts). Each part gets what it needs as arguments; none reaches back for one created later.
 */
import { chaosOptionSchema, resolveChaos } from '../chaos/profile.js';
import { chaosReporter } from '../chaos/report.js';
import { controlTokenProblem } from '../control/http.js';
import { EmulatorError } from '../errors.js';
import type { ConnectionInfo } from '../http/connection.js';
import { allOrNothing } from '../persistence/all-or-nothing.js';
import { StateSaver } from '../persistence/saver.js';
import { CryptoRandom, Random } from '../random/random.js';
import { Tenant, toMs } from '../tenants/tenant.js';
import type { Emulator } from '../types/emulator.js';
import type { EmulatorOptions, Logger, ProviderDefinition } from '../types/provider.js';
import { parseOrThrow } from '../validate.js';
import { accountRuntime } from './account-runtime.js';
import { AccountRegistry } from './accounts.js';
import { assembleApp } from './app.js';
import {
  loadAccounts,
  type PersistedAccounts,
  restoreAccounts,
  type SavedAccounts,
  serializeAccounts,
} from './persisted.js';
import { isDropMarker } from './pipeline.js';
import { RealTimeTimer } from './timer.js';

/** Base URL used by `emulator.request('/path')`; any host works since routing is by path. */
const LOCAL_BASE = 'http://emulator.local';

export function createEmulator<S, P = unknown>(
  provider: ProviderDefinition<S, P>,
  options: EmulatorOptions<P> = {},
): Emulator<S, P> {
  checkControlToken(options.controlToken);
  const chaos =
    options.chaos === undefined ? undefined : parseOrThrow(chaosOptionSchema, options.chaos, 'chaos');
  const seed = String(options.seed ?? 'esim-sandbox');
  const realNow = options.realNow ?? Date.now;
  const logger: Logger = options.logger ?? { error: (m) => console.error(`[${provider.name}] ${m}`) };
  const engineRandom = new Random(`${seed}:engine`);
  const registry = new AccountRegistry<S, P>({
    random: options.credentials === 'seeded' ? engineRandom : new CryptoRandom(),
    ...(provider.generateCredentials ? { generate: provider.generateCredentials } : {}),
    ...(provider.validateCredentials ? { validate: provider.validateCredentials } : {}),
  });
  const saved: SavedAccounts<S, P> = { provider, registry, engineRandom, realNow };
  const saver = new StateSaver(options.stateFile, () => serializeAccounts(saved));
  const timer = new RealTimeTimer(
    () => registry.accounts(),
    () => saver.persist().catch((err: Error) => logger.error(err.message)),
  );
  const changed = () => {
    saver.markDirty();
    timer.arm();
  };
  const runtime = accountRuntime(
    provider,
    {
      seed,
      clockMode: options.clock ?? 'real',
      startTime: options.startTime === undefined ? undefined : toMs(options.startTime),
      rateLimit: options.rateLimit !== undefined ? options.rateLimit : (provider.defaults?.rateLimit ?? null),
      realNow,
      logger,
      chaos: chaos ? resolveChaos(chaos) : null,
      chaosRuntime: {
        codes: { busy: provider.chaos?.busyCode, serverError: provider.chaos?.serverErrorCode },
        report: chaos?.report ? chaosReporter(chaos.report, provider.name) : undefined,
      },
      chaosAccount: (isDefault) => (isDefault ? 'default' : `#${nextOrdinal(registry.accounts())}`),
    },
    options,
    changed,
  );
  const persisted: PersistedAccounts<S, P> = {
    ...saved,
    build: (data, isDefault) => new Tenant<S, P>(data, runtime, isDefault),
    fresh: (identity) => runtime.fresh({ ...identity, isDefault: identity.id === registry.defaultId }),
    revive: (data) => runtime.revive(data),
  };
  const loaded = loadAccounts(persisted, options.stateFile, options.account);
  saver.saved = loaded.saved;
  if (loaded.dirty) saver.markDirty();

  const createAccount = (o: { key?: string; secret?: string; params?: P } = {}): Tenant<S, P> => {
    const { key, secret } = registry.credentialsFor(o);
    const t = registry.add(
      persisted.build(persisted.fresh({ id: key, key, secret, params: o.params }), false),
    );
    t.markChanged();
    return t;
  };
  const deleteAccount = (id: string): void => {
    registry.remove(id);
    changed();
  };
  const guardedPersist = allOrNothing({
    saver,
    path: options.stateFile,
    log: (m) => logger.error(m),
    restore: (saved) => {
      restoreAccounts(persisted, saved);
      timer.arm();
    },
  });
  const app = assembleApp(
    {
      provider,
      accounts: registry,
      createAccount,
      deleteAccount,
      persist: guardedPersist,
      saveEpoch: () => saver.epoch,
      markDirty: () => saver.markDirty(),
      realNow,
      logger,
    },
    options,
  );
  timer.arm();

  const fetchHandler = async (request: Request, conn: ConnectionInfo = {}): Promise<Response> => {
    const res = await app.fetch(request, conn);
    return isDropMarker(res) ? Response.error() : res;
  };
  const idle = async (): Promise<void> => {
    await timer.idle();
    await Promise.all(registry.accounts().map((t) => t.scheduler.idle()));
    await Promise.all(registry.accounts().map((t) => t.webhooks.idle()));
    await saver.idle();
  };
  const persist = () => saver.persist();

  return {
    name: provider.name,
    app,
    fetch: fetchHandler,
    request: (input, init) => fetchHandler(new Request(new URL(String(input), LOCAL_BASE), init)),
    get defaultAccount() {
      return registry.account();
    },
    account: (id) => registry.account(id),
    findAccount: (key) => registry.findAccount(key),
    accounts: () => registry.accounts(),
    createAccount,
    deleteAccount,
    persist,
    idle,
    close: async () => {
      timer.stop();
      await idle();
      await persist();
    },
    controlToken: options.controlToken,
    stateFile: options.stateFile,
    logger,
  };
}

/** One more than the highest '#<n>' in use: creation order, and a restart goes on counting. */
function nextOrdinal(tenants: readonly { chaos: { account: string } }[]): number {
  let max = 0;
  for (const t of tenants) max = Math.max(max, Number(t.chaos.account.slice(1)) || 0);
  return max + 1;
}

function checkControlToken(token: string | undefined): void {
  const problem = token === undefined ? undefined : controlTokenProblem(token);
  if (problem)
    throw new EmulatorError('INVALID_ARGUMENT', `controlToken: ${problem}`, { field: 'controlToken' });
}
