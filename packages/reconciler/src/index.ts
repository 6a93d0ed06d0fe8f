/**
 * @esim-sandbox/reconciler: keeps a reseller's database in step with eSIM Access and iRoamly, applies webhooks
 * exactly once, and reports every drift. The CLI is the `esim-reconcile` bin; code imports only what follows.
 * @module
 */

// The invariant to assert after a chaos run: one sync leaves nothing for a second to find.
export {
  DriftRemainsError,
  expectNoDriftAfterSync,
  /** @public Documented in the README's Chaos section (the helper's options). */
  type NoDriftOptions,
} from './check/no-drift.js';
// Errors: one root (core's), each with a discriminating `code`.
export {
  AccountBusyError,
  AccountError,
  ReconcilerError,
  StoreConfigError,
  StoreUnavailableError,
} from './errors.js';
// Recording what the app buys, before any sync.
export { recordOrder } from './records/record-order.js';
export { recordDeposit, recordTopUp } from './records/records.js';
export { buildReport, type Report } from './report/build.js';
export { formatReport } from './report/format.js';
// The store: PGlite in a folder (or memory), PostgreSQL when DATABASE_URL is set.
export { openStore, type Store } from './store/open.js';
// Syncing with a provider and reporting the drift.
export { syncAccount } from './sync/engine.js';
export {
  /** @public Documented in the README's webhook section, beside `esim-reconcile retry-webhooks`. */
  requeueFailedWebhooks,
} from './webhooks/inbox.js';
// Webhooks: the receiving route, and fresh attempts for the ones whose apply kept failing.
export {
  createWebhookReceiver,
  /** @public Documented in the README's "Mounting the webhook route" (just the Hono sub-app). */
  createWebhookRoute,
} from './webhooks/route.js';
