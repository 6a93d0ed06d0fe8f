/**
 * @module
 * iRoamly as a provider definition for the shared engine: account state, auth, routes, the answers for faults,
 * throttling and crashes (all `{code: -1}`: the spec's "Request failed"), the redemption task, redaction.
 */
import {
  assertIroamlyCredentials,
  InvalidArgumentError,
  IroamlyCode,
  iroamlyCodes,
  iroamlyOpenApiDocument,
} from '@esim-sandbox/core';
import { answer, EmulatorError, mountControlRoutes, type ProviderDefinition } from '@esim-sandbox/emulator';
import type { Context } from 'hono';
import { iroamlyControlRoutes, iroamlyGlobalControlRoutes } from '../control/routes.js';
import { authenticate } from '../http/auth.js';
import { READ_PATHS } from '../http/endpoints.js';
import { sendFailure } from '../http/envelope.js';
import { REDEMPTION_TASK_KIND, type RedemptionTaskData } from '../ops/context.js';
import { completeRedemption } from '../ops/redeem.js';
import { registerPlanRoutes } from '../routes/catalog.js';
import { registerOpenapiRoutes } from '../routes/openapi.js';
import { registerQrRoutes } from '../routes/qr.js';
import { type IroamlyAccountParams, parseAccountParams } from '../runtime/options.js';
import { type IroamlyRuntime, runOp } from '../runtime/runtime.js';
import { failure, ok } from '../state/result.js';
import { iroamlyAccountStateSchema } from '../state/schema.js';
import { type AccountState, createAccountState, reviveAccountState } from '../state/types.js';

/** Bump when AccountState changes shape: older state files are then refused with a clear error. */
export const IROAMLY_STATE_VERSION = 1;

function codeFromFault(code: string): number {
  const n = Number(code);
  return Number.isInteger(n) ? n : IroamlyCode.REQUEST_FAILED;
}

export function iroamlyProvider(
  rt: IroamlyRuntime,
  defaultBalance: number,
): ProviderDefinition<AccountState, IroamlyAccountParams> {
  const requestFailed = (c: Context, detail: string) =>
    sendFailure(c, rt, failure(IroamlyCode.REQUEST_FAILED, detail));
  const control = { account: iroamlyControlRoutes(rt), global: iroamlyGlobalControlRoutes(rt) };
  return {
    name: 'iroamly',
    stateVersion: IROAMLY_STATE_VERSION,
    initialState: ({ params }) =>
      createAccountState({ balance: parseAccountParams(params).balance ?? defaultBalance }),
    generateCredentials: (random) => ({ key: random.alnum(20), secret: random.alnum(32) }),
    authenticate: (c, lookup, accounts) => authenticate(c, lookup, accounts, rt),
    routes: (app) => {
      registerOpenapiRoutes(app, rt);
      registerPlanRoutes(app, rt);
    },
    publicRoutes: (app, accounts) => registerQrRoutes(app, accounts),
    controlRoutes: (app) => mountControlRoutes(app, control.account),
    globalControlRoutes: (app) => mountControlRoutes(app, control.global),
    openapi: { document: iroamlyOpenApiDocument, controlRoutes: control },
    validateCredentials: (key, secret) => {
      try {
        assertIroamlyCredentials(key, secret);
      } catch (error) {
        if (!(error instanceof InvalidArgumentError)) throw error;
        const field = error.field === 'authKey' ? 'key' : 'secret';
        throw new EmulatorError('INVALID_ARGUMENT', error.message, { field });
      }
    },
    reviveState: reviveAccountState,
    stateSchema: iroamlyAccountStateSchema,
    // A fault names a code of the spec's table other than 1 (success), or any number with `custom: true`.
    errorCodes: iroamlyCodes.filter((c) => c.code !== IroamlyCode.SUCCESS).map((c) => String(c.code)),
    renderError: (code, c) => sendFailure(c, rt, failure(codeFromFault(code), 'injected fault')),
    renderRateLimited: (c) => requestFailed(c, 'too many requests'),
    renderServerError: (c) => requestFailed(c, 'internal error'),
    // The spec's table has one failure for both: -1 "Request failed".
    chaos: {
      busyCode: String(IroamlyCode.REQUEST_FAILED),
      serverErrorCode: String(IroamlyCode.REQUEST_FAILED),
    },
    renderBodyTooLarge: (c, limit) => requestFailed(c, `request body larger than ${limit} bytes`),
    renderNotFound: (c) =>
      answer(c, 404, failure(IroamlyCode.REQUEST_FAILED, `no endpoint ${c.req.method} ${c.req.path}`)),
    responseCode: (body) => {
      const code = (body as { code?: unknown } | null)?.code;
      return typeof code === 'number' ? String(code) : undefined;
    },
    isRead: (method, path) => method === 'GET' || method === 'HEAD' || READ_PATHS.has(path),
    tasks: {
      [REDEMPTION_TASK_KIND]: (task, tenant) => {
        const { redemptionId } = task.data as RedemptionTaskData;
        runOp(rt, tenant, (ctx) => ok(completeRedemption(ctx, redemptionId)));
      },
    },
    redact: { headers: ['Certification'], fields: ['authSecret', 'secret'] },
  };
}
