/**
 * @module
 * createEmulator: wires a provider definition onto the shared engine (tenants, clocks, pipeline, control API,
 * persistence, real-time timer).
 */
import { Hono } from 'hono';
import { initialClockData } from '../clock/clock.js';
import type { Task } from '../clock/scheduler.js';
import { createControlApp } from '../control/app.js';
import { controlError, controlTokenProblem } from '../control/http.js';
import { EmulatorError } from '../errors.js';
import { describeIssue } from '../internal/validate.js';
import { DEFAULT_JOURNAL_BODY_CHARS, DEFAULT_JOURNAL_TOTAL_CHARS } from '../journal/journal.js';
import { Redactor } from '../journal/redact.js';
import { buildControlOpenApiDocument } from '../openapi/control-document.js';
import { registerApiDocs } from '../openapi/serve.js';
import { allOrNothing } from '../persistence/all-or-nothing.js';
import { StateSaver } from '../persistence/saver.js';
import {
  encodeStateFile,
  loadStateFile,
  prepareStateFile,
  STATE_FILE_FORMAT,
  STATE_FILE_VERSION,
  type StateFileContent,
} from '../persistence/state-file.js';
import { CryptoRandom, Random } from '../random/random.js';
import type { ConnectionInfo } from '../server/connection.js';
import { TENANT_DATA_VERSION, type TenantData } from '../tenants/data.js';
import { Tenant, type TenantRuntime, toMs } from '../tenants/tenant.js';
import { webhookConcurrency } from '../webhooks/pool.js';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_CONTROL_BODY_BYTES } from './body.js';
import { createProviderApp, isDropMarker } from './pipeline.js';
import { RealTimeTimer } from './timer.js';
import type { EmulatorOptions, Logger, ProviderDefinition } from './types.js';

export const DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS = [10_000, 30_000, 120_000, 600_000, 3_600_000] as const;
/** Base URL used by `emulator.request('/path')`; any host works since routing is by path. */
const LOCAL_BASE = 'http://emulator.local';

export interface Emulator<S, P = unknown> {
  readonly name: string;
  /** Root Hono app: /_sandbox control API, public routes, provider pipeline. Prefer `fetch` (it maps drop faults). */
  readonly app: Hono;
  /** The fetch handler for servers and msw: a drop fault becomes a network error (`Response.error()`). */
  fetch(request: Request, conn?: ConnectionInfo): Promise<Response>;
  /** In-process request: a path ('/api/...') or a full URL. */
  request(input: string | URL, init?: RequestInit): Promise<Response>;
  readonly defaultAccount: Tenant<S, P>;
  /** By id (= key) or 'default'; throws EmulatorError UNKNOWN_ACCOUNT. */
  account(id?: string): Tenant<S, P>;
  /** By key, undefined when unknown (for `authenticate`). */
  findAccount(key: string): Tenant<S, P> | undefined;
  accounts(): Tenant<S, P>[];
  /** A fresh account with generated (or given) credentials. Throws ACCOUNT_EXISTS for a taken key. */
  createAccount(options?: { key?: string; secret?: string; params?: P }): Tenant<S, P>;
  /** Removes a non-default account and its pending work. Throws UNKNOWN_ACCOUNT / INVALID_ARGUMENT (default). */
  deleteAccount(id: string): void;
  /** Saves the state file now if anything changed (no-op without a state file). */
  persist(): Promise<void>;
  /** Resolves when running tasks, timer firings and saves have finished. */
  idle(): Promise<void>;
  /** Stops the timer and waits for in-flight work. */
  close(): Promise<void>;
  readonly controlToken: string | undefined;
  readonly stateFile: string | undefined;
  readonly logger: Logger;
}

export function createEmulator<S, P = unknown>(
  provider: ProviderDefinition<S, P>,
  options: EmulatorOptions<P> = {},
): Emulator<S, P> {
  const seed = String(options.seed ?? 'esim-sandbox');
  const realNow = options.realNow ?? Date.now;
  const logger: Logger = options.logger ?? { error: (m) => console.error(`[${provider.name}] ${m}`) };
  const clockMode = options.clock ?? 'real';
  const startTime = options.startTime === undefined ? undefined : toMs(options.startTime);
  const rateLimit =
    options.rateLimit !== undefined ? options.rateLimit : (provider.defaults?.rateLimit ?? null);
  const stateVersion = provider.stateVersion ?? 1;
  const engineRandom = new Random(`${seed}:engine`);
  // Credentials of new accounts: unguessable unless the user asks for a replayable sequence.
  const credentialRandom = options.credentials === 'seeded' ? engineRandom : new CryptoRandom();
  if (options.controlToken !== undefined) {
    const problem = controlTokenProblem(options.controlToken);
    if (problem) {
      throw new EmulatorError('INVALID_ARGUMENT', `controlToken: ${problem}`, { field: 'controlToken' });
    }
  }
  const tenants = new Map<string, Tenant<S, P>>();
  let defaultId = '';

  const serialize = (): StateFileContent => ({
    format: STATE_FILE_FORMAT,
    formatVersion: STATE_FILE_VERSION,
    provider: provider.name,
    stateVersion,
    savedAt: new Date(realNow()).toISOString(),
    defaultAccount: defaultId,
    random: engineRandom.state,
    // Live data, not snapshots: the writer encodes it before `write` returns, so a deep copy first would be waste.
    accounts: [...tenants.values()].map((t) => t.liveData() as TenantData<unknown, unknown>),
  });
  const saver = new StateSaver(options.stateFile, serialize);
  const persist = () => saver.persist();

  const runtime: TenantRuntime<S, P> = {
    realNow,
    journal: {
      size: options.journalSize ?? 500,
      bodyChars: options.journalBodyChars ?? DEFAULT_JOURNAL_BODY_CHARS,
      totalChars: options.journalTotalChars ?? DEFAULT_JOURNAL_TOTAL_CHARS,
    },
    webhookOptions: {
      retryScheduleMs: options.webhookRetryScheduleMs ??
        provider.defaults?.webhookRetryScheduleMs ?? [...DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS],
      timeoutMs: options.webhookTimeoutMs ?? provider.defaults?.webhookTimeoutMs ?? 10_000,
      logSize: options.webhookLogSize ?? 1000,
      concurrency: webhookConcurrency(options.webhookConcurrency),
    },
    fetch: () => options.fetch ?? globalThis.fetch,
    fresh: ({ id, key, secret, params }) => {
      const random = new Random(`${seed}:${id}`);
      const clock = initialClockData(clockMode, startTime, realNow());
      const state = provider.initialState({
        id,
        key,
        isDefault: id === defaultId,
        params,
        random,
        now: clock.nowMs,
      });
      const data: TenantData<S, P> = {
        version: TENANT_DATA_VERSION,
        id,
        key,
        secret,
        params,
        state,
        clock,
        tasks: [],
        seq: 0,
        random: random.state,
        faultRandom: new Random(`${seed}:${id}:faults`).state,
        faults: [],
        rateLimit: rateLimit ? { ...rateLimit } : null,
        webhooks: { url: null, faults: {}, deliveries: [] },
      };
      return data;
    },
    runTask: async (tenant, task: Task) => {
      try {
        const engineRun = tenant.runEngineTask(task);
        if (engineRun) return await engineRun;
        const handler = provider.tasks?.[task.kind];
        if (!handler) logger.error(`no handler for task kind '${task.kind}' (task ${task.id} dropped)`);
        else await handler(task, tenant);
      } catch (err) {
        logger.error(
          `task ${task.kind} (${task.id}) of account ${tenant.id} failed: ${(err as Error).message}`,
        );
      }
    },
    webhookHeaders: (tenant, body, delivery) => provider.webhookHeaders?.(body, tenant, delivery) ?? {},
    changed: () => {
      saver.markDirty();
      timer.arm();
    },
    errorCodes: provider.errorCodes ? new Set(provider.errorCodes) : undefined,
    checkState: (state) => {
      const checked = provider.stateSchema?.safeParse(state);
      if (checked && !checked.success) {
        const { field, message } = describeIssue(checked.error, 'state');
        throw new EmulatorError('INVALID_ARGUMENT', `${field}: ${message}`, { field });
      }
    },
    revive: (data) => (provider.reviveState ? { ...data, state: provider.reviveState(data.state) } : data),
  };

  const timer = new RealTimeTimer(
    () => tenants.values(),
    () => saver.persist().catch((err: Error) => logger.error(err.message)),
  );

  const addTenant = (data: TenantData<S, P>): Tenant<S, P> => {
    const t = new Tenant<S, P>(data, runtime, data.id === defaultId);
    tenants.set(t.id, t);
    return t;
  };

  const generate = (): { key: string; secret: string } => {
    for (;;) {
      const c = provider.generateCredentials?.(credentialRandom) ?? {
        key: credentialRandom.alnum(20),
        secret: credentialRandom.alnum(32),
      };
      if (!tenants.has(c.key) && c.key !== 'default') return c;
    }
  };

  const createAccount = (o: { key?: string; secret?: string; params?: P } = {}): Tenant<S, P> => {
    if (o.key !== undefined && (tenants.has(o.key) || (o.key === 'default' && defaultId !== ''))) {
      throw new EmulatorError('ACCOUNT_EXISTS', `an account with key '${o.key}' already exists`, {
        field: 'key',
      });
    }
    const generated = o.key === undefined || o.secret === undefined ? generate() : undefined;
    const key = o.key ?? generated!.key;
    const secret = o.secret ?? generated!.secret;
    // The provider's own credential rules (e.g. iRoamly's length limits) hold for every account, not just the CLI's.
    provider.validateCredentials?.(key, secret);
    const t = addTenant(runtime.fresh({ id: key, key, secret, params: o.params }));
    t.markChanged();
    return t;
  };

  // Load or create the default account.
  const loaded = options.stateFile
    ? loadStateFile(options.stateFile, {
        provider: provider.name,
        stateVersion,
        stateSchema: provider.stateSchema,
      })
    : undefined;
  const loadAccounts = (accounts: readonly TenantData<unknown, unknown>[]) => {
    // Read back from JSON: the provider rebuilds what JSON cannot carry (null-prototype id tables).
    for (const a of accounts) addTenant(runtime.revive(a as TenantData<S, P>));
  };
  if (loaded) {
    defaultId = loaded.defaultAccount;
    engineRandom.state = loaded.random;
    loadAccounts(loaded.accounts);
    const d = tenants.get(defaultId)!;
    // A different key would silently serve another account's data: refuse. A new secret is taken (the flag changed).
    if (options.account?.key && options.account.key !== defaultId) {
      throw new EmulatorError(
        'STATE_FILE_MISMATCH',
        `state file ${options.stateFile} belongs to account '${defaultId}', not '${options.account.key}'`,
        { field: options.stateFile },
      );
    }
    if (options.account?.secret && options.account.secret !== d.secret)
      d.setCredentials(options.account.secret);
  } else {
    const c = generate();
    defaultId = options.account?.key ?? c.key;
    addTenant(
      runtime.fresh({
        id: defaultId,
        key: defaultId,
        secret: options.account?.secret ?? c.secret,
        params: options.account?.params,
      }),
    );
    saver.markDirty();
  }

  if (options.stateFile) {
    saver.saved = encodeStateFile(serialize());
    prepareStateFile(options.stateFile, loaded ? undefined : saver.saved);
  }

  const deleteAccount = (id: string): void => {
    const t = account(id);
    if (t.isDefault) {
      throw new EmulatorError('INVALID_ARGUMENT', 'the default account cannot be deleted', {
        field: 'account',
      });
    }
    tenants.delete(t.id);
    saver.markDirty();
    timer.arm();
  };

  const account = (id = 'default'): Tenant<S, P> => {
    const t = tenants.get(id === 'default' ? defaultId : id);
    if (!t) throw new EmulatorError('UNKNOWN_ACCOUNT', `no account '${id}'`, { field: 'account' });
    return t;
  };

  const guardedPersist = allOrNothing({
    saver,
    path: options.stateFile,
    log: (m) => logger.error(m),
    restore: (saved) => {
      engineRandom.state = saved.random;
      const kept = new Set(saved.accounts.map((a) => a.id));
      for (const id of [...tenants.keys()]) if (!kept.has(id)) tenants.delete(id);
      for (const a of saved.accounts) {
        const t = tenants.get(a.id);
        if (t) t.reload(a as TenantData<S, P>);
        else loadAccounts([a]);
      }
      timer.arm();
    },
  });

  const redactor = new Redactor(provider.redact);
  const app = new Hono();
  app.onError((err, c) => {
    if (c.req.path.startsWith('/_sandbox')) return controlError(c, err);
    logger.error(`${c.req.method} ${c.req.path} failed: ${err.message}`);
    return provider.renderServerError?.(c) ?? c.json({ error: 'internal server error' }, 500);
  });
  app.notFound((c) =>
    c.req.path.startsWith('/_sandbox')
      ? c.json({ error: { code: 'NOT_FOUND', message: `no route ${c.req.path}` } }, 404)
      : (provider.renderNotFound?.(c) ?? c.json({ error: 'not found' }, 404)),
  );
  // Before the control token and the provider pipeline: documents need no credentials and are not journaled.
  const providerDocument = provider.openapi?.document;
  registerApiDocs(app, {
    name: provider.name,
    controlRoutes: provider.openapi?.controlRoutes,
    control: () =>
      buildControlOpenApiDocument({ provider: provider.name, routes: provider.openapi?.controlRoutes }),
    ...(providerDocument ? { provider: providerDocument } : {}),
  });
  app.route(
    '/_sandbox',
    createControlApp<S, P>({
      provider,
      controlToken: options.controlToken,
      allowedHosts: options.allowedHosts,
      maxBodyBytes: options.maxControlBodyBytes ?? DEFAULT_MAX_CONTROL_BODY_BYTES,
      accounts: () => [...tenants.values()],
      account,
      createAccount,
      deleteAccount,
      persist: guardedPersist,
      saveEpoch: () => saver.epoch,
    }),
  );
  if (provider.publicRoutes) {
    const pub = new Hono();
    provider.publicRoutes(pub);
    app.route('/', pub);
  }
  app.route(
    '/',
    createProviderApp<S, P>({
      provider,
      redactor,
      realNow,
      sleep: options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
      findByKey: (key) => tenants.get(key),
      defaultAccount: () => account(),
      markDirty: () => saver.markDirty(),
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      hasStateFile: options.stateFile !== undefined,
      persist: guardedPersist,
      saveEpoch: () => saver.epoch,
      requestLog: options.requestLog,
    }),
  );
  timer.arm();

  const fetchHandler = async (request: Request, conn: ConnectionInfo = {}): Promise<Response> => {
    const res = await app.fetch(request, conn);
    return isDropMarker(res) ? Response.error() : res;
  };
  const idle = async (): Promise<void> => {
    await timer.idle();
    await Promise.all([...tenants.values()].map((t) => t.scheduler.idle()));
    await Promise.all([...tenants.values()].map((t) => t.webhooks.idle()));
    await saver.idle();
  };

  return {
    name: provider.name,
    app,
    fetch: fetchHandler,
    request: (input, init) => fetchHandler(new Request(new URL(String(input), LOCAL_BASE), init)),
    get defaultAccount() {
      return account();
    },
    account,
    findAccount: (key) => tenants.get(key),
    accounts: () => [...tenants.values()],
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
