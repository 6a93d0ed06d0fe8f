/**
 * @module
 * The control API skeleton, mounted at /_sandbox (never on provider paths). Every per-account route resolves the
 * account named in the path (`default` is an alias of the default account) and touches only that account.
 */
import { Hono } from 'hono';
import { chaosSettingSchema } from '../chaos/profile.js';
import { faultInputSchema, webhookFaultsSchema } from '../faults/schema.js';
import { answer, directAnswers } from '../http/answer.js';
import type { Tenant } from '../tenants/tenant.js';
import type { AccountEnv, ProviderDefinition } from '../types/provider.js';
import { browserGuard } from './guard.js';
import { bearerToken, bodyLimit, controlError, readJson, readQuery } from './http.js';
import {
  advanceSchema,
  clockModeSchema,
  createAccountSchema,
  journalQuerySchema,
  rateLimitSchema,
  restoreSchema,
  webhookConfigSchema,
} from './schemas.js';

export interface ControlDeps<S, P> {
  provider: ProviderDefinition<S, P>;
  controlToken: string | undefined;
  /** Largest request body in bytes. */
  maxBodyBytes: number;
  /** Host names allowed in `Host` besides addresses and localhost. */
  allowedHosts: readonly string[] | undefined;
  accounts(): Tenant<S, P>[];
  /** Throws UNKNOWN_ACCOUNT. */
  account(id: string): Tenant<S, P>;
  createAccount(options: { key?: string; secret?: string; params?: P }): Tenant<S, P>;
  deleteAccount(id: string): void;
  /** Saves; on failure everything since the last save is undone and this rejects (STATE_FILE_IO → 500). */
  persist(epoch?: number): Promise<void>;
  /** Taken before a change, handed to `persist` so a change another failed save undid is reported too. */
  saveEpoch(): number;
}

export function createControlApp<S, P>(deps: ControlDeps<S, P>): Hono {
  const control = new Hono();
  control.onError((err, c) => controlError(c, err));
  // Outermost: an answer goes out only after the save below (see directAnswers).
  control.use('*', directAnswers());
  control.use('*', browserGuard({ allowedHosts: deps.allowedHosts }));
  control.use('*', bearerToken(deps.controlToken));
  control.use('*', bodyLimit(deps.maxBodyBytes));
  // Every non-GET control call changes state: save before answering, like provider writes.
  control.use('*', async (c, next) => {
    const epoch = deps.saveEpoch();
    await next();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') await deps.persist(epoch);
  });

  control.get('/health', (c) =>
    answer(c, 200, { ok: true, provider: deps.provider.name, accounts: deps.accounts().length }),
  );
  control.get('/accounts', (c) =>
    answer(c, 200, { accounts: deps.accounts().map((t) => ({ id: t.id, default: t.isDefault })) }),
  );
  control.post('/accounts', async (c) => {
    const body = await readJson(c, createAccountSchema);
    const t = deps.createAccount({
      ...(body.key ? { key: body.key } : {}),
      ...(body.secret ? { secret: body.secret } : {}),
      ...(body.params === undefined ? {} : { params: body.params as P }),
    });
    return answer(c, 201, { id: t.id, key: t.key, secret: t.secret });
  });

  control.delete('/accounts/:account', (c) => {
    deps.deleteAccount(c.req.param('account'));
    return answer(c, 200, { ok: true });
  });

  deps.provider.globalControlRoutes?.(control);

  const account = new Hono<AccountEnv<S, P>>();
  account.onError((err, c) => controlError(c, err));
  account.use('*', async (c, next) => {
    c.set('tenant', deps.account(c.req.param('account') ?? ''));
    await next();
  });
  registerAccountRoutes(account);
  deps.provider.controlRoutes?.(account);
  control.route('/accounts/:account', account);

  control.all('*', (c) =>
    c.json({ error: { code: 'NOT_FOUND', message: `no control route ${c.req.method} ${c.req.path}` } }, 404),
  );
  return control;
}

function registerAccountRoutes<S, P>(app: Hono<AccountEnv<S, P>>): void {
  app.get('/', (c) => {
    const t = c.var.tenant;
    return answer(c, 200, {
      id: t.id,
      default: t.isDefault,
      clock: clockView(t),
      rateLimit: t.rateLimit.config,
      webhookUrl: t.webhooks.url,
    });
  });
  app.post('/reset', (c) => {
    c.var.tenant.reset();
    return answer(c, 200, { ok: true });
  });
  app.get('/snapshot', (c) => answer(c, 200, c.var.tenant.snapshot({ redactSecret: true })));
  app.post('/restore', async (c) => {
    const snapshot = await readJson(c, restoreSchema);
    c.var.tenant.restore(snapshot as never);
    return answer(c, 200, { ok: true });
  });

  app.get('/clock', (c) =>
    answer(c, 200, { ...clockView(c.var.tenant), tasks: c.var.tenant.scheduler.list() }),
  );
  app.put('/clock', async (c) => {
    const { mode } = await readJson(c, clockModeSchema);
    c.var.tenant.clock.setMode(mode);
    return answer(c, 200, clockView(c.var.tenant));
  });
  app.post('/clock/advance', async (c) => {
    const body = await readJson(c, advanceSchema);
    const t = c.var.tenant;
    if ('ms' in body) await t.advance(body.ms);
    else await t.advanceTo(body.to);
    return answer(c, 200, clockView(t));
  });

  app.get('/journal', (c) =>
    answer(c, 200, { entries: c.var.tenant.journal.list(readQuery(c, journalQuerySchema)) }),
  );
  app.delete('/journal', (c) => {
    c.var.tenant.journal.clear();
    return answer(c, 200, { ok: true });
  });

  app.get('/faults', (c) => answer(c, 200, { faults: c.var.tenant.faults.list() }));
  app.post('/faults', async (c) =>
    answer(c, 201, c.var.tenant.faults.add(await readJson(c, faultInputSchema))),
  );
  app.delete('/faults', (c) => {
    c.var.tenant.faults.clear();
    return answer(c, 200, { ok: true });
  });
  app.delete('/faults/:id', (c) => {
    c.var.tenant.faults.remove(c.req.param('id'));
    return answer(c, 200, { ok: true });
  });

  app.get('/rate-limit', (c) => answer(c, 200, { rateLimit: c.var.tenant.rateLimit.config }));
  app.put('/rate-limit', async (c) => {
    c.var.tenant.rateLimit.set(await readJson(c, rateLimitSchema));
    return answer(c, 200, { rateLimit: c.var.tenant.rateLimit.config });
  });

  app.get('/webhooks', (c) => {
    const w = c.var.tenant.webhooks;
    return answer(c, 200, { url: w.url, faults: w.faults, deliveries: w.deliveries() });
  });
  app.put('/webhooks', async (c) => {
    const { url } = await readJson(c, webhookConfigSchema);
    if (url !== undefined) c.var.tenant.webhooks.setUrl(url);
    return answer(c, 200, { url: c.var.tenant.webhooks.url });
  });
  app.put('/webhooks/faults', async (c) => {
    c.var.tenant.webhooks.setFaults(await readJson(c, webhookFaultsSchema));
    return answer(c, 200, { faults: c.var.tenant.webhooks.faults });
  });
  app.post('/webhooks/:id/redeliver', async (c) => {
    const attempt = await c.var.tenant.webhooks.redeliver(c.req.param('id'));
    return answer(c, 200, { attempt, delivery: c.var.tenant.webhooks.get(c.req.param('id')) });
  });

  app.get('/chaos', (c) => answer(c, 200, { chaos: c.var.tenant.chaos.get() }));
  app.put('/chaos', async (c) =>
    answer(c, 200, { chaos: c.var.tenant.chaos.set(await readJson(c, chaosSettingSchema)) }),
  );
  app.delete('/chaos', (c) => {
    c.var.tenant.chaos.clear();
    return answer(c, 200, { chaos: null });
  });
}

function clockView<S, P>(t: Tenant<S, P>) {
  const now = t.clock.now();
  return {
    mode: t.clock.mode,
    now,
    iso: new Date(now).toISOString(),
    nextTaskAt: t.scheduler.nextDueAt() ?? null,
  };
}
