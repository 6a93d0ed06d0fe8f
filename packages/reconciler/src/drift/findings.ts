/**
 * Drift findings: each difference between what the store believed and what the provider says, recorded in the
 * same transaction as its correction, so a crash never leaves one without the other.
 * @module
 */
import { and, eq, inArray, isNull, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Db } from '../store/open.js';
import { driftFindings } from '../store/schema.js';

export const DRIFT_KINDS = [
  'missed_webhook',
  'unknown_to_us',
  'missing_at_provider',
  'status_mismatch',
  'usage_mismatch',
  'balance_mismatch',
] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];

/** One line per kind, for the report's legend and the README. */
export const DRIFT_KIND_DESCRIPTIONS: Readonly<Record<DriftKind, string>> = {
  missed_webhook: 'the provider moved on (state, allocation) and no webhook told us',
  unknown_to_us: 'the provider has an order, profile, top-up or code the store did not know',
  missing_at_provider: 'the store has an order, profile or code the provider does not return',
  status_mismatch:
    'the store holds a state or value the provider contradicts (not explained by a missed webhook)',
  usage_mismatch: 'data used or data total differs from the provider',
  balance_mismatch: "the provider's balance differs from the ledger's",
};

export type SubjectType = 'order' | 'profile' | 'redeem_code' | 'balance';

export interface Finding {
  kind: DriftKind;
  subjectType: SubjectType;
  subjectId: string;
  /** What differs: `state`, `orderUsage`, `status`, `*` for the whole subject. */
  field: string;
  storeValue: string | number | null;
  providerValue: string | number | null;
  /** False when the reconciler only reports it (missing at provider: rows are flagged, never deleted). */
  corrected?: boolean;
}

const text = (value: string | number | null): string | null => (value === null ? null : String(value));

export async function recordFindings(
  db: Db,
  runId: number,
  accountId: string,
  findings: Finding[],
): Promise<void> {
  if (findings.length === 0) return;
  await db
    .insert(driftFindings)
    .values(
      findings.map((f) => ({
        runId,
        accountId,
        kind: f.kind,
        subjectType: f.subjectType,
        subjectId: f.subjectId,
        field: f.field,
        storeValue: text(f.storeValue),
        providerValue: text(f.providerValue),
        corrected: f.corrected ?? true,
      })),
    )
    .onConflictDoNothing();
}

export type FindingRow = typeof driftFindings.$inferSelect;

/** Findings about some subjects, resolved or not. */
export interface FindingsAbout {
  accountId: string;
  kind: DriftKind;
  subjectType: SubjectType;
  /** The subjects' ids, or a subquery selecting them. */
  subjectIds: readonly string[] | SQLWrapper;
  field?: string | undefined;
}

function about(which: FindingsAbout): SQL | undefined {
  return and(
    eq(driftFindings.accountId, which.accountId),
    eq(driftFindings.kind, which.kind),
    eq(driftFindings.subjectType, which.subjectType),
    inArray(driftFindings.subjectId, which.subjectIds as string[] | SQLWrapper),
    which.field === undefined ? undefined : eq(driftFindings.field, which.field),
  );
}

export async function findingsAbout(db: Db, which: FindingsAbout): Promise<FindingRow[]> {
  return db.select().from(driftFindings).where(about(which));
}

/**
 * Marks findings explained after the fact (the app recorded late what a sync had found unknown); `ids` narrows
 * them down. They stay in the history with their run; only their resolution is added.
 */
export async function resolveFindings(
  db: Db,
  which: FindingsAbout & { ids?: readonly number[] },
  resolution: string,
): Promise<void> {
  if (which.ids?.length === 0) return;
  await db
    .update(driftFindings)
    .set({ resolvedAt: sql`now()`, resolution })
    .where(
      and(
        about(which),
        isNull(driftFindings.resolvedAt),
        which.ids === undefined ? undefined : inArray(driftFindings.id, [...which.ids]),
      ),
    );
}
