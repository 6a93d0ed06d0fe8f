/**
 * @module
 * The provider definition (what a provider layer hands the engine) and the engine's runtime options.
 */
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import type { ChaosSetting } from '../chaos/profile.js';
import type { ClockMode } from '../clock/clock.js';
import type { Task } from '../clock/scheduler.js';
import type { RequestHeaders } from '../http/connection.js';
import type { RequestLogEntry } from '../http/request-log.js';
import type { RedactionRules } from '../journal/redact.js';
import type { Random } from '../random/random.js';
import type { RateLimitConfig } from '../ratelimit/limiter.js';
import type { Tenant } from '../tenants/tenant.js';
import type { WebhookDelivery } from '../webhooks/types.js';
import type { OpenApiDocumentLike, ProviderControlDocs } from './openapi.js';

/**
 * Hono env of provider requests (authenticate, renderers and routes): the authenticated tenant, the exact request
 * body text and a cheap header reader. On these requests `c.json` also hands the journal the text it serialised.
 */
export interface ProviderEnv<S, P = unknown> {
  Variables: {
    tenant: Tenant<S, P>;
    /** The request body exactly as received (sign/verify over these bytes). '' when none. */
    rawBody: string;
    /**
     * The request's headers: `headers.get(name)` answers what `c.req.header(name)` does, without building the web
     * Headers of an HTTP request (which costs more than a small request's checks).
     */
    headers: RequestHeaders;
  };
}

/** Hono env of per-account control routes (`/_sandbox/accounts/:account/...`). */
export interface AccountEnv<S, P = unknown> {
  Variables: { tenant: Tenant<S, P> };
}

export type AuthResult<S, P = unknown> =
  | { tenant: Tenant<S, P> }
  /** `tenant` when the key matched but auth failed (the request is journaled to that account). */
  | { error: Response; tenant?: Tenant<S, P> };

export interface InitContext<P> {
  id: string;
  key: string;
  isDefault: boolean;
  params: P | undefined;
  /** The tenant's seeded generator: draw initial ids from it. */
  random: Random;
  /** Virtual time the account starts at. */
  now: number;
}

/** The read side of the registry, as provider hooks see it. */
export interface AccountLookup<S, P = unknown> {
  /** By id (= key) or 'default'; throws EmulatorError UNKNOWN_ACCOUNT. */
  account(id?: string): Tenant<S, P>;
  /** By key, undefined when unknown. */
  findAccount(key: string): Tenant<S, P> | undefined;
  accounts(): Tenant<S, P>[];
}

export type TaskHandler<S, P = unknown> = (task: Task, tenant: Tenant<S, P>) => void | Promise<void>;

export interface ProviderDefinition<S, P = unknown> {
  /** Short name for logs and the state file, e.g. 'esimaccess'. */
  name: string;
  /** Bump when the shape of S changes: a state file of another version is refused with a clear error. */
  stateVersion?: number;
  /** Fresh provider state for a new (or reset) account. Keep big shared data (catalogues) out of it. */
  initialState(ctx: InitContext<P>): S;
  /** Credentials for createAccount() without explicit ones. Default: 20 alphanumerics / 32 alphanumerics. */
  generateCredentials?(random: Random): { key: string; secret: string };
  /**
   * Finds the tenant for a provider request; `lookup(key)` finds an account by key, `accounts` the rest (e.g. the
   * default account for anonymous requests).
   */
  authenticate(
    c: Context<ProviderEnv<S, P>>,
    lookup: (key: string) => Tenant<S, P> | undefined,
    accounts: AccountLookup<S, P>,
  ): AuthResult<S, P> | Promise<AuthResult<S, P>>;
  /** Registers the provider's routes (full paths). They run after auth, faults and rate limit. */
  routes(app: Hono<ProviderEnv<S, P>>): void;
  /**
   * Routes served without auth, journal or faults (e.g. QR images at a public URL); `accounts` finds what they
   * serve.
   */
  publicRoutes?(app: Hono, accounts: AccountLookup<S, P>): void;
  /** Extra control routes directly under /_sandbox/ (not tied to one account), e.g. a public catalogue. */
  globalControlRoutes?(app: Hono): void;
  /** Throws EmulatorError('INVALID_ARGUMENT', …, { field }) when credentials break the provider's rules. */
  validateCredentials?(key: string, secret: string): void;
  /** Extra per-account control routes under /_sandbox/accounts/:account/ (c.var.tenant is set). */
  controlRoutes?(app: Hono<AccountEnv<S, P>>): void;
  /** The provider's answer for a fault of `{type:'error', code}`. */
  renderError(code: string, c: Context): Response | Promise<Response>;
  /**
   * The provider's documented error codes: an error fault must name one of them unless it says `custom: true`.
   * Without it any code is accepted.
   */
  errorCodes?: readonly string[];
  /**
   * Rebuilds provider state read back from JSON (a state file, a restored snapshot): what JSON cannot carry, such as
   * null-prototype id tables, so an id like `constructor` stays an ordinary key. Default: the state as parsed.
   */
  reviveState?(state: S): S;
  /**
   * The shape of the provider's account state, checked on every state read back from JSON (a state file at start,
   * `restore`) before `reviveState`: a refusal names the field, e.g. `accounts.0.state.orders: required`.
   * Default: only "the state is an object".
   */
  stateSchema?: z.ZodType;
  /** The provider's answer when the rate limit is exceeded. */
  renderRateLimited(c: Context, retryAfterMs: number): Response | Promise<Response>;
  /** The provider's "server error", used when a route throws. Default: HTTP 500 JSON. */
  renderServerError?(c: Context): Response | Promise<Response>;
  /** The provider's answer for a request body over the limit (`maxBodyBytes`). Default: HTTP 413 JSON. */
  renderBodyTooLarge?(c: Context, limitBytes: number): Response | Promise<Response>;
  /** The provider's answer for an unknown path (after auth). Default: HTTP 404 JSON. */
  renderNotFound?(c: Context): Response | Promise<Response>;
  /** The provider's code for a response (journal's providerCode), from its parsed JSON body (null if not JSON). */
  responseCode?(body: unknown, status: number): string | undefined;
  /** Read requests do not persist and release 'late-after-poll' webhooks. Default: GET and HEAD. */
  isRead?(method: string, path: string): boolean;
  /** Handlers for the provider's scheduled task kinds. */
  tasks?: Record<string, TaskHandler<S, P>>;
  /** Secret header and body field names (journal, logs). */
  redact?: RedactionRules;
  /** Extra headers for each webhook attempt, e.g. a signature over `body` (the exact bytes sent). */
  webhookHeaders?(body: string, tenant: Tenant<S, P>, delivery: WebhookDelivery): Record<string, string>;
  /**
   * API documents. `document` is served at `/openapi.json` and rendered at `/docs`; `controlRoutes` describes the
   * routes added by `controlRoutes`/`globalControlRoutes` for the control document (`/_sandbox/openapi.json`).
   */
  openapi?: {
    document?(): OpenApiDocumentLike;
    controlRoutes?: ProviderControlDocs;
  };
  /** The provider's own codes chaos answers with: "system busy", and the server error it sends besides 5xx. */
  chaos?: { busyCode?: string; serverErrorCode?: string };
  /** Provider defaults for options the user may override. */
  defaults?: {
    rateLimit?: RateLimitConfig | null;
    webhookRetryScheduleMs?: readonly number[];
    webhookTimeoutMs?: number;
  };
}

export interface Logger {
  error(message: string): void;
  info?(message: string): void;
}

export interface EmulatorOptions<P = unknown> {
  /** Seeds every generator (credentials, ids, fault coins). Default 'esim-sandbox'. */
  seed?: string | number;
  /** The default account; omitted credentials are generated from the seed. */
  account?: { key?: string; secret?: string; params?: P };
  /** Clock mode of new accounts. Default 'real'. */
  clock?: ClockMode;
  /** Virtual start time of new accounts (ms, Date or ISO). Default: the real time of creation. */
  startTime?: number | Date | string;
  /** Persist all state here (atomic write before each write's response), load it at start. */
  stateFile?: string;
  /** Rate limit of new accounts; null = off. Default: the provider's default, else off. */
  rateLimit?: RateLimitConfig | null;
  /** Journal entries kept per account. Default 500. */
  journalSize?: number;
  /** Characters of each journaled request and response body kept (the rest cut, with a marker). Default 65 536. */
  journalBodyChars?: number;
  /** Characters of bodies one account's journal keeps in all (oldest entries go first). Default 8 388 608. */
  journalTotalChars?: number;
  /** Largest provider request body in bytes; larger ones get `renderBodyTooLarge` unread. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Largest control API request body in bytes (HTTP 413 `BODY_TOO_LARGE`). Default 64 MiB. */
  maxControlBodyBytes?: number;
  /** Virtual ms between webhook retries; its length is the number of retries. Default [10s, 30s, 2m, 10m, 1h]. */
  webhookRetryScheduleMs?: readonly number[];
  /** Real ms before a webhook attempt times out. Default 10 000. */
  webhookTimeoutMs?: number;
  /**
   * Webhook attempts in flight at once per account (one at a time per `orderKey`, e.g. a profile). Default 8.
   */
  webhookConcurrency?: number;
  /** Deliveries kept per account (pending ones are never trimmed). Default 1000. */
  webhookLogSize?: number;
  /** Bearer token for /_sandbox (required by startServer when binding beyond loopback); at least 16 characters. */
  controlToken?: string;
  /** Host names accepted in the `Host` header of control requests over HTTP, besides IP addresses and localhost. */
  allowedHosts?: readonly string[];
  /** Generated credentials of new accounts: 'random' (cryptographic, default) or 'seeded' (replay per seed). */
  credentials?: 'random' | 'seeded';
  logger?: Logger;
  /** Told of every provider request once answered, without headers or bodies (the CLI's `--log`). */
  requestLog?: (entry: RequestLogEntry) => void;
  /**
   * Seeded chaos on every account (the default one and every one created): `{ profile, seed }`, the profile a
   * built-in name (`gentle`, `realistic`, `hostile`) or a profile object; `report` a file to append fault lines to.
   */
  chaos?: ChaosSetting;
  /** Injected for tests: real sleep used by latency faults. */
  sleep?: (ms: number) => Promise<void>;
  /** Injected for tests: real time source (rate limit, real-mode clocks). */
  realNow?: () => number;
  /** Fetch used for webhook attempts. Default: globalThis.fetch at call time (so msw can intercept). */
  fetch?: typeof fetch;
}
