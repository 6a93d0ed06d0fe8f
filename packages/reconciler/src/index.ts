/**
 * @esim-sandbox/reconciler: keeps a reseller's database in step with eSIM Access and iRoamly, applies webhooks
 * exactly once, and reports every drift.
 * @module
 */

import * as schema from './store/schema.js';

export { type CliIo, runCli } from './cli/main.js';
export {
  classifyStateDrift,
  decideTransition,
  ESIM_STATUS_RANK,
  expiryMayHaveMoved,
  mayHaveBeenActivated,
  NEVER_ACTIVATED_ESIM_STATUSES,
  normaliseEsimStatus,
  orderStatusAdvances,
  type ProfileState,
  parseProviderTime,
  SMDP_STATUS_RANK,
  TERMINAL_ESIM_STATUSES,
  TERMINAL_SMDP_STATUSES,
  type TransitionDecision,
  type TransitionOutcome,
} from './domain/state-order.js';
export {
  DRIFT_KIND_DESCRIPTIONS,
  DRIFT_KINDS,
  type DriftKind,
  type Finding,
  type SubjectType,
} from './drift/findings.js';
export {
  AccountBusyError,
  AccountError,
  ReconcilerError,
  StoreConfigError,
  StoreUnavailableError,
} from './errors.js';
export { type RecordedProfile, type RecordOrderInput, recordOrder } from './records/record-order.js';
export {
  type RecordDepositInput,
  type RecordTopUpInput,
  recordDeposit,
  recordTopUp,
} from './records/records.js';
export { type AccountReport, buildReport, type Report, type ReportFinding } from './report/build.js';
export { formatMoney, formatReport } from './report/format.js';
export {
  type Account,
  type AccountInput,
  DEFAULT_MONEY_UNIT,
  ensureAccount,
  getAccount,
  listAccounts,
} from './store/accounts.js';
export {
  addLedgerEntry,
  type LedgerEntry,
  type LedgerInput,
  type LedgerKind,
  ledgerBalance,
} from './store/ledger.js';
export { type Db, MIGRATIONS_FOLDER, openStore, type Store, type StoreOptions } from './store/open.js';
export type { OrderLine } from './store/schema.js';
export {
  type SyncAccountOutcome,
  type SyncAccountsOptions,
  syncAccount,
  syncAccounts,
} from './sync/engine.js';
export type {
  EsimAccessSyncClient,
  IroamlySyncClient,
  SyncOptions,
  SyncProgress,
  SyncResult,
  SyncTarget,
} from './sync/types.js';
export { type ApplyOutcome, applyWebhook } from './webhooks/apply.js';
export {
  type DrainResult,
  drainInbox,
  MAX_APPLY_ATTEMPTS,
  receiveWebhook,
  requeueFailedWebhooks,
  webhookIdentity,
} from './webhooks/inbox.js';
export {
  createWebhookReceiver,
  createWebhookRoute,
  type WebhookReceiver,
  type WebhookReceiverOptions,
} from './webhooks/route.js';
/** The drizzle tables, for queries of your own. */
export { schema };
