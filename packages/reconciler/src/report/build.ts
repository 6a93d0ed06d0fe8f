/**
 * The drift report as data (what `report --json` prints): per account, the last sync, the balance (and where it
 * comes from), counts, webhook backlog and the findings of the latest sync, including any interrupted run
 * that sync resumed or followed.
 * @module
 */
import { and, asc, count, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { DRIFT_KINDS, type DriftKind, type SubjectType } from '../drift/findings.js';
import { listAccounts } from '../store/accounts.js';
import { ledgerBalance } from '../store/ledger.js';
import type { Store } from '../store/open.js';
import { driftFindings, orders, profiles, redeemCodes, syncRuns, webhookInbox } from '../store/schema.js';
import { MAX_APPLY_ATTEMPTS } from '../webhooks/inbox.js';

export interface ReportFinding {
  runId: number;
  kind: DriftKind;
  subjectType: SubjectType;
  subjectId: string;
  field: string;
  storeValue: string | null;
  providerValue: string | null;
  corrected: boolean;
  detectedAt: string;
  /** Set once the app recorded what the finding was about (a late `recordOrder` or `recordTopUp`). */
  resolvedAt: string | null;
  resolution: string | null;
}

export interface AccountReport {
  id: string;
  provider: 'esimaccess' | 'iroamly';
  moneyUnit: string;
  balance: {
    /** Sum of the ledger, in `moneyUnit`. */
    ledger: number;
    /** Last balance the provider reported; null for iRoamly (no balance endpoint) or before the first sync. */
    provider: number | null;
    providerAt: string | null;
    source: 'provider' | 'ledger';
    note: string;
  };
  counts: { orders: number; profiles: number; redeemCodes: number; missingAtProvider: number };
  webhooks: { pending: number; failed: number };
  lastRun: {
    id: number;
    status: string;
    startedAt: string;
    finishedAt: string | null;
    error: string | null;
  } | null;
  findings: { byKind: Record<DriftKind, number>; items: ReportFinding[] };
}

export interface Report {
  generatedAt: string;
  store: { kind: string; location: string };
  accounts: AccountReport[];
}

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

async function countOf(query: Promise<{ n: number }[]>): Promise<number> {
  const [row] = await query;
  return Number(row?.n ?? 0);
}

/** Findings since the completed run before the latest completed one: the latest sync and what it resumed. */
async function latestFindings(store: Store, accountId: string): Promise<ReportFinding[]> {
  const completed = await store.db
    .select({ id: syncRuns.id })
    .from(syncRuns)
    .where(and(eq(syncRuns.accountId, accountId), eq(syncRuns.status, 'completed')))
    .orderBy(desc(syncRuns.id))
    .limit(2);
  const after = completed[1]?.id ?? 0;
  const rows = await store.db
    .select()
    .from(driftFindings)
    .where(and(eq(driftFindings.accountId, accountId), gt(driftFindings.runId, after)))
    .orderBy(asc(driftFindings.id));
  return rows.map((row) => ({
    runId: row.runId,
    kind: row.kind as DriftKind,
    subjectType: row.subjectType as SubjectType,
    subjectId: row.subjectId,
    field: row.field,
    storeValue: row.storeValue,
    providerValue: row.providerValue,
    corrected: row.corrected,
    detectedAt: row.detectedAt.toISOString(),
    resolvedAt: iso(row.resolvedAt),
    resolution: row.resolution,
  }));
}

export async function buildReport(
  store: Store,
  options: { accountId?: string | undefined; now?: Date } = {},
): Promise<Report> {
  const accounts = (await listAccounts(store.db)).filter(
    (a) => options.accountId === undefined || a.id === options.accountId,
  );
  const reports: AccountReport[] = [];
  for (const account of accounts) {
    const id = account.id;
    const provider = account.provider as AccountReport['provider'];
    const [lastRun] = await store.db
      .select()
      .from(syncRuns)
      .where(eq(syncRuns.accountId, id))
      .orderBy(desc(syncRuns.id))
      .limit(1);
    const items = await latestFindings(store, id);
    const byKind = Object.fromEntries(DRIFT_KINDS.map((kind) => [kind, 0])) as Record<DriftKind, number>;
    for (const item of items) byKind[item.kind] += 1;
    const missing = sql<number>`count(*) filter (where missing_at_provider)::int`;
    const [profileCounts] = await store.db
      .select({ n: count(), missing })
      .from(profiles)
      .where(eq(profiles.accountId, id));
    const [orderCounts] = await store.db
      .select({ n: count(), missing })
      .from(orders)
      .where(eq(orders.accountId, id));
    const [codeCounts] = await store.db
      .select({ n: count(), missing })
      .from(redeemCodes)
      .where(eq(redeemCodes.accountId, id));
    const inbox = and(eq(webhookInbox.accountId, id), isNull(webhookInbox.processedAt));
    reports.push({
      id,
      provider,
      moneyUnit: account.moneyUnit,
      balance: {
        ledger: await ledgerBalance(store.db, id),
        provider: account.providerBalance,
        providerAt: iso(account.providerBalanceAt),
        source: provider === 'esimaccess' ? 'provider' : 'ledger',
        note:
          provider === 'esimaccess'
            ? 'balance/query, checked against the ledger on every sync'
            : 'iRoamly has no balance endpoint: this is the ledger (deposits minus spends), not checked against the provider',
      },
      counts: {
        orders: Number(orderCounts?.n ?? 0),
        profiles: Number(profileCounts?.n ?? 0),
        redeemCodes: Number(codeCounts?.n ?? 0),
        missingAtProvider:
          Number(orderCounts?.missing ?? 0) +
          Number(profileCounts?.missing ?? 0) +
          Number(codeCounts?.missing ?? 0),
      },
      webhooks: {
        pending: await countOf(store.db.select({ n: count() }).from(webhookInbox).where(inbox)),
        failed: await countOf(
          store.db
            .select({ n: count() })
            .from(webhookInbox)
            .where(and(inbox, sql`${webhookInbox.attempts} >= ${MAX_APPLY_ATTEMPTS}`)),
        ),
      },
      lastRun: lastRun
        ? {
            id: lastRun.id,
            status: lastRun.status,
            startedAt: lastRun.startedAt.toISOString(),
            finishedAt: iso(lastRun.finishedAt),
            error: lastRun.error,
          }
        : null,
      findings: { byKind, items },
    });
  }
  return {
    generatedAt: (options.now ?? new Date()).toISOString(),
    store: { kind: store.kind, location: store.location },
    accounts: reports,
  };
}
