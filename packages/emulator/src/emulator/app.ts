/**
 * @module
 * App assembly: the root Hono app of an emulator. API documents first (no credentials, not journaled), then the
 * `/_sandbox` control API, the provider's public routes, and the provider pipeline.
 */
import { Hono } from 'hono';
import { createControlApp } from '../control/app.js';
import { controlError } from '../control/http.js';
import { allowDirect, answer } from '../http/answer.js';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_CONTROL_BODY_BYTES } from '../http/body.js';
import { Redactor } from '../journal/redact.js';
import { buildControlOpenApiDocument } from '../openapi/control-document.js';
import { registerApiDocs } from '../openapi/serve.js';
import type { AccountLookup, EmulatorOptions, Logger, ProviderDefinition } from '../types/provider.js';
import { createProviderApp } from './pipeline.js';
import { SplitRouter } from './router.js';

/** What the app needs from the rest of the emulator. */
export interface AppParts<S, P> {
  provider: ProviderDefinition<S, P>;
  accounts: AccountLookup<S, P>;
  createAccount(o: { key?: string; secret?: string; params?: P }): ReturnType<AccountLookup<S, P>['account']>;
  deleteAccount(id: string): void;
  /** All-or-nothing save (rejects after undoing everything since the last save). */
  persist(epoch?: number): Promise<void>;
  saveEpoch(): number;
  markDirty(): void;
  realNow(): number;
  logger: Logger;
}

export function assembleApp<S, P>(
  parts: AppParts<S, P>,
  options: Pick<
    EmulatorOptions<P>,
    | 'controlToken'
    | 'allowedHosts'
    | 'maxControlBodyBytes'
    | 'maxBodyBytes'
    | 'sleep'
    | 'stateFile'
    | 'requestLog'
  >,
): Hono {
  const { provider, accounts, logger } = parts;
  // The control API's routes are compiled on its first request, not on the provider API's (see router.ts).
  const app = new Hono({ router: new SplitRouter('_sandbox') });
  app.onError((err, c) => {
    // The pipeline may not get to write an answer any more: this one is a whole Response.
    allowDirect(c, false);
    if (c.req.path.startsWith('/_sandbox')) return controlError(c, err);
    logger.error(`${c.req.method} ${c.req.path} failed: ${err.message}`);
    return provider.renderServerError?.(c) ?? answer(c, 500, { error: 'internal server error' });
  });
  app.notFound((c) =>
    c.req.path.startsWith('/_sandbox')
      ? c.json({ error: { code: 'NOT_FOUND', message: `no route ${c.req.path}` } }, 404)
      : (provider.renderNotFound?.(c) ?? answer(c, 404, { error: 'not found' })),
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
      accounts: () => accounts.accounts(),
      account: (id) => accounts.account(id),
      createAccount: parts.createAccount,
      deleteAccount: parts.deleteAccount,
      persist: parts.persist,
      saveEpoch: parts.saveEpoch,
    }),
  );
  if (provider.publicRoutes) {
    const pub = new Hono();
    provider.publicRoutes(pub, accounts);
    app.route('/', pub);
  }
  app.route(
    '/',
    createProviderApp<S, P>({
      provider,
      redactor: new Redactor(provider.redact),
      realNow: parts.realNow,
      sleep: options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
      accounts,
      markDirty: parts.markDirty,
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      hasStateFile: options.stateFile !== undefined,
      persist: parts.persist,
      saveEpoch: parts.saveEpoch,
      requestLog: options.requestLog,
    }),
  );
  return app;
}
