/**
 * The reconciler's tables, one schema for PGlite and PostgreSQL. `drizzle-kit generate` turns this file into the
 * SQL under `migrations/`; never edit those by hand.
 *
 * Deliberately without foreign keys and enum types: drizzle-kit qualifies both with `"public"`, which would pin
 * every table to one PostgreSQL schema and break `openStore({ schema })`. Integrity is kept by the code that
 * writes (every write goes through `src/store/*`), and allowed values by CHECK constraints.
 *
 * Keep this file free of local imports: drizzle-kit loads it with its own loader.
 * @module
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** Money and bytes: integers beyond 2^31, still exact as JS numbers below 2^53. */
const big = (name: string) => bigint(name, { mode: 'number' });

/** One account at one provider. Credentials are never stored: they come from flags or the environment. */
export const accounts = pgTable(
  'accounts',
  {
    id: text('id').primaryKey(),
    provider: text('provider').notNull(),
    /** The unit of every amount of this account, e.g. `USD/10000` for eSIM Access. */
    moneyUnit: text('money_unit').notNull(),
    /** Last balance the provider reported (eSIM Access only; iRoamly has no balance endpoint). */
    providerBalance: big('provider_balance'),
    providerBalanceAt: at('provider_balance_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [check('accounts_provider_check', sql`${t.provider} in ('esimaccess', 'iroamly')`)],
);

/** An order (eSIM Access orderNo, iRoamly orderId). */
export const orders = pgTable(
  'orders',
  {
    accountId: text('account_id').notNull(),
    orderNo: text('order_no').notNull(),
    transactionId: text('transaction_id'),
    /** eSIM Access order status (`PENDING` until ORDER_STATUS or a query shows profiles, then `GOT_RESOURCE`). */
    status: text('status'),
    /** How we first learnt of the order: recorded by the app (`local`), by a `webhook`, or by a `sync`. */
    origin: text('origin').notNull(),
    /** What the order cost, in the account's unit, when the app recorded it. */
    amount: big('amount'),
    /** Order lines as the app sent them, with unit prices: a cancelled profile is refunded its line's price. */
    lines: jsonb('lines').$type<OrderLine[]>(),
    /** iRoamly: the mailbox QR codes are sent to. */
    email: text('email'),
    missingAtProvider: boolean('missing_at_provider').notNull().default(false),
    lastSeenRun: big('last_seen_run'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.orderNo] }),
    check('orders_origin_check', sql`${t.origin} in ('local', 'webhook', 'sync')`),
  ],
);

export interface OrderLine {
  packageCode: string;
  count: number;
  /** Unit price in the account's unit. */
  price?: number | undefined;
}

/** An eSIM Access profile, keyed by esimTranNo (ICCIDs are reused by the provider). */
export const profiles = pgTable(
  'profiles',
  {
    accountId: text('account_id').notNull(),
    esimTranNo: text('esim_tran_no').notNull(),
    orderNo: text('order_no').notNull(),
    iccid: text('iccid'),
    transactionId: text('transaction_id'),
    /** Null until a webhook or a query tells us (a DATA_USAGE event can introduce a profile). */
    esimStatus: text('esim_status'),
    smdpStatus: text('smdp_status'),
    eid: text('eid'),
    packageCode: text('package_code'),
    totalVolume: big('total_volume'),
    orderUsage: big('order_usage'),
    usageUpdatedAt: text('usage_updated_at'),
    /** Usage was read after the profile reached a terminal state: it cannot change any more. */
    usageFinal: boolean('usage_final').notNull().default(false),
    expiredTime: text('expired_time'),
    totalDuration: integer('total_duration'),
    /** Provider time (ms) of the webhook event that set the current state; null when a sync set it. */
    stateEventAt: big('state_event_at'),
    /** Our clock when the state last changed: a sync page fetched before this must not overwrite it. */
    stateChangedAt: at('state_changed_at').notNull().defaultNow(),
    stateSource: text('state_source').notNull(),
    missingAtProvider: boolean('missing_at_provider').notNull().default(false),
    lastSeenRun: big('last_seen_run'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.esimTranNo] }),
    index('profiles_order_idx').on(t.accountId, t.orderNo),
    check('profiles_state_source_check', sql`${t.stateSource} in ('webhook', 'sync', 'local')`),
  ],
);

/** An iRoamly redeem code. `status`: 0 not redeemed, 1 redeeming, 2 redeemed, 3 redemption failed. */
export const redeemCodes = pgTable(
  'redeem_codes',
  {
    accountId: text('account_id').notNull(),
    redeemCode: text('redeem_code').notNull(),
    orderNo: text('order_no').notNull(),
    productCode: text('product_code').notNull(),
    expireAt: text('expire_at').notNull(),
    status: integer('status').notNull(),
    qrCodeUrl: text('qr_code_url'),
    missingAtProvider: boolean('missing_at_provider').notNull().default(false),
    lastSeenRun: big('last_seen_run'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.redeemCode] }),
    index('redeem_codes_order_idx').on(t.accountId, t.orderNo),
  ],
);

/**
 * Money spent and refunded, signed (spend < 0), in the account's unit. `entryKey` is a natural id
 * (`order:<orderNo>`, `refund:<esimTranNo>`, `topup:<transactionId>`...), unique per account, so recording
 * the same fact twice, or replaying a sync, never adds a row.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accountId: text('account_id').notNull(),
    entryKey: text('entry_key').notNull(),
    kind: text('kind').notNull(),
    amount: big('amount').notNull(),
    orderNo: text('order_no'),
    note: text('note'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ledger_entries_key_idx').on(t.accountId, t.entryKey),
    check(
      'ledger_entries_kind_check',
      sql`${t.kind} in ('opening', 'deposit', 'spend', 'refund', 'adjustment')`,
    ),
  ],
);

/** Every webhook as received, stored before it is answered; applied afterwards by the inbox drainer. */
export const webhookInbox = pgTable(
  'webhook_inbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accountId: text('account_id').notNull(),
    notifyId: text('notify_id').notNull(),
    notifyType: text('notify_type').notNull(),
    payload: jsonb('payload').notNull(),
    receivedAt: at('received_at').notNull().defaultNow(),
    processedAt: at('processed_at'),
    /** Failed applies; after `MAX_APPLY_ATTEMPTS` the row is left for the report instead of retried. */
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [
    uniqueIndex('webhook_inbox_notify_idx').on(t.accountId, t.notifyId),
    index('webhook_inbox_pending_idx').on(t.processedAt, t.id),
  ],
);

/** notifyIds already applied: the insert into this table and the apply share one transaction. */
export const appliedWebhooks = pgTable(
  'applied_webhooks',
  {
    accountId: text('account_id').notNull(),
    notifyId: text('notify_id').notNull(),
    outcome: text('outcome').notNull(),
    appliedAt: at('applied_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.notifyId] })],
);

export const syncRuns = pgTable(
  'sync_runs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accountId: text('account_id').notNull(),
    status: text('status').notNull(),
    startedAt: at('started_at').notNull().defaultNow(),
    finishedAt: at('finished_at'),
    error: text('error'),
    stats: jsonb('stats').$type<Record<string, number>>(),
  },
  (t) => [
    index('sync_runs_account_idx').on(t.accountId, t.id),
    check('sync_runs_status_check', sql`${t.status} in ('running', 'completed', 'failed')`),
  ],
);

/** Where each stream of a run got to, committed with the page it follows, so a killed run resumes. */
export const syncCursors = pgTable(
  'sync_cursors',
  {
    accountId: text('account_id').notNull(),
    stream: text('stream').notNull(),
    runId: big('run_id').notNull(),
    position: text('position'),
    done: boolean('done').notNull().default(false),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.stream] })],
);

export const driftFindings = pgTable(
  'drift_findings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    runId: big('run_id').notNull(),
    accountId: text('account_id').notNull(),
    kind: text('kind').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    field: text('field').notNull(),
    storeValue: text('store_value'),
    providerValue: text('provider_value'),
    corrected: boolean('corrected').notNull(),
    detectedAt: at('detected_at').notNull().defaultNow(),
    /** Set when the app later recorded what the finding was about (an order, its profiles, a top-up). */
    resolvedAt: at('resolved_at'),
    /** Why the finding no longer needs looking into, e.g. `recorded by the app`. */
    resolution: text('resolution'),
  },
  (t) => [
    uniqueIndex('drift_findings_subject_idx').on(t.runId, t.kind, t.subjectType, t.subjectId, t.field),
    index('drift_findings_account_idx').on(t.accountId, t.runId),
    check(
      'drift_findings_kind_check',
      sql`${t.kind} in ('missed_webhook', 'unknown_to_us', 'missing_at_provider', 'status_mismatch', 'usage_mismatch', 'balance_mismatch')`,
    ),
  ],
);
