/**
 * eSIM Access as a provider of the shared engine: state, auth, routes, tasks, and how its errors look. Everything
 * generic (server, clock, journal, faults, rate limit, webhook delivery, persistence, /_sandbox) is the engine's.
 * @module
 */
import {
  ESIM_ACCESS_HEADERS,
  esimAccessEndpoints,
  esimAccessErrorCodes,
  esimAccessOpenApiDocument,
  isEsimAccessErrorCode,
} from '@esim-sandbox/core';
import { mountControlRoutes, type ProviderDefinition, type TaskHandler } from '@esim-sandbox/emulator';
import { esimAccessGlobalControlRoutes } from '../control/auth-routes.js';
import { esimAccessControlRoutes } from '../control/routes.js';
import { authenticate, claimRequestId } from '../http/auth.js';
import { responseCode, sendFailure } from '../http/envelope.js';
import { fail } from '../ops/context.js';
import { ESIM_ACCESS_TASK_KINDS, runEsimAccessTask } from '../ops/tasks.js';
import { registerAccountRoutes } from '../routes/account.js';
import { registerCatalogRoutes } from '../routes/catalog.js';
import { registerOrderRoutes } from '../routes/orders.js';
import { registerProfileRoutes } from '../routes/profiles.js';
import { registerQrRoutes } from '../routes/qr.js';
import { FIDELITY_DEFAULTS } from '../runtime/fidelity.js';
import { type EsimAccessAccountParams, parseAccountParams } from '../runtime/options.js';
import { backgroundLinks, contextFor, dispatch, type EsimAccessRuntime } from '../runtime/runtime.js';
import { esimAccessAccountStateSchema } from '../state/schema.js';
import { createAccountState, type EsimAccessAccountState, reviveAccountState } from '../state/types.js';

/** Bump when EsimAccessAccountState changes shape: an old state file is then refused with a clear error. */
export const ESIM_ACCESS_STATE_VERSION = 2;

/**
 * The endpoints the endpoint table marks `read` change nothing: they are reads for persistence and for "late after
 * poll" webhooks.
 */
const READ_PATHS: ReadonlySet<string> = new Set(
  Object.values(esimAccessEndpoints)
    .filter((endpoint) => endpoint.retry === 'read')
    .map((endpoint) => endpoint.path),
);

type Provider = ProviderDefinition<EsimAccessAccountState, EsimAccessAccountParams>;

/** `defaultBalance` applies to every account created without a balance of its own. */
export function esimAccessProvider(rt: EsimAccessRuntime, defaultBalance: number): Provider {
  const runTask: TaskHandler<EsimAccessAccountState, EsimAccessAccountParams> = (task, tenant) => {
    const ctx = contextFor(rt, tenant, backgroundLinks(rt));
    runEsimAccessTask(ctx, task.kind, task.data);
    dispatch(tenant, ctx.effects);
  };
  const control = esimAccessControlRoutes(rt);
  const globalControl = esimAccessGlobalControlRoutes(rt);
  return {
    name: 'esimaccess',
    stateVersion: ESIM_ACCESS_STATE_VERSION,
    initialState: ({ params, random }) => {
      const parsed = parseAccountParams(params);
      // Seeded starting points: ids replay per seed, and two accounts ordering in the same minute rarely share one.
      const counters = { order: random.int(0, 9_999), esim: random.int(0, 9_999) };
      return createAccountState({ balance: parsed.balance ?? defaultBalance, stock: parsed.stock, counters });
    },
    authenticate: (c, lookup) => authenticate(c, lookup, rt),
    routes: (app) => {
      app.use('*', claimRequestId(rt));
      registerCatalogRoutes(app, rt);
      registerOrderRoutes(app, rt);
      registerProfileRoutes(app, rt);
      registerAccountRoutes(app, rt);
    },
    publicRoutes: (app, accounts) => registerQrRoutes(app, accounts),
    controlRoutes: (app) => mountControlRoutes(app, control),
    globalControlRoutes: (app) => mountControlRoutes(app, globalControl),
    openapi: {
      document: esimAccessOpenApiDocument,
      controlRoutes: { account: control, global: globalControl },
    },
    reviveState: reviveAccountState,
    stateSchema: esimAccessAccountStateSchema,
    // A fault names a code of core's table, or any code with `custom: true`: that one goes out with a generic text.
    errorCodes: Object.keys(esimAccessErrorCodes),
    renderError: (code, c) =>
      sendFailure(
        c,
        rt.envelope,
        isEsimAccessErrorCode(code) ? fail(code).error : { code, message: 'injected error' },
      ),
    renderRateLimited: (c) =>
      sendFailure(c, rt.envelope, fail('900001', 'System busy: rate limit exceeded').error),
    renderServerError: (c) => sendFailure(c, rt.envelope, fail('000001').error),
    // NOTES 1.3: 900001 "system busy" and 000001 "server error" are the documented transient codes.
    chaos: { busyCode: '900001', serverErrorCode: '000001' },
    // Undocumented: the envelope every other failure uses, with the code for a parameter of the wrong length.
    renderBodyTooLarge: (c, limit) =>
      sendFailure(c, rt.envelope, fail('000107', `request body larger than ${limit} bytes`).error),
    renderNotFound: (c) =>
      sendFailure(
        c,
        rt.envelope,
        fail('000001', `no such endpoint: ${c.req.method} ${c.req.path}`).error,
        404,
      ),
    responseCode: (body) => responseCode(body),
    isRead: (_method, path) => READ_PATHS.has(path),
    tasks: Object.fromEntries(ESIM_ACCESS_TASK_KINDS.map((kind) => [kind, runTask])),
    redact: { headers: [ESIM_ACCESS_HEADERS.signature], fields: ['secretKey'] },
    defaults: { rateLimit: FIDELITY_DEFAULTS[rt.fidelity].rateLimit },
  };
}
