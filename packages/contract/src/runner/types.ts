/**
 * The vocabulary of a contract run: targets, checks (a table per provider), what a check observes, and the report.
 * A check observes behaviour as plain facts (`{ errorCode: '101003' }`, `{ noDuplicates: true }`), never raw values
 * that differ between accounts (balances, ids), so the facts of a mock run and a live run can be compared.
 * @module
 */
import type { FetchLike } from '@esim-sandbox/core';

export type ProviderName = 'esimaccess' | 'iroamly';
export type TargetKind = 'mock-inprocess' | 'mock-http' | 'live';
export const TARGET_KINDS: readonly TargetKind[] = ['mock-inprocess', 'mock-http', 'live'];
export const PROVIDERS: readonly ProviderName[] = ['esimaccess', 'iroamly'];

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type Facts = Record<string, Json>;

/** Where a suite runs: a mock in process (msw on the real base URL), a mock over HTTP, or the real provider. */
export interface Target<C> {
  provider: ProviderName;
  kind: TargetKind;
  baseUrl: string;
  credentials: C;
  /** Everything the suite sends goes through this (msw intercepts the global fetch in process). */
  fetch: FetchLike;
  /** Live: real money, so spending checks need --allow-spend and fit under the cap. Mocks: fake money. */
  realMoney: boolean;
  /** How recordings of this target hide its credentials (see record/redact.ts). */
  redaction: { secrets: string[]; placeholders: Record<string, string> };
  close(): Promise<void>;
}

/** A target that cannot run, and why (e.g. live without credentials). */
export interface SkippedTarget {
  provider: ProviderName;
  kind: TargetKind;
  skipped: string;
}

/** What a spending check may cost, in the provider's unit, before it runs. */
export interface SpendPlan {
  /** Upper bound of the money the check spends. */
  amount: number;
  /** The check changes the account in a way that cannot be undone (a cancel, a redemption), even at no cost. */
  irreversible?: boolean;
}

export interface Observation {
  /** Compared with `expected` and, in a drift report, with the other target's facts. */
  facts: Facts;
  /** Shown to people, never compared (counts, ids). */
  note?: string;
}

export interface Check<Ctx> {
  /** Stable id, the row key of drift reports: `auth.wrong-signature`. */
  id: string;
  /** What the check shows, as a sentence. */
  title: string;
  /** Present when the check may call an endpoint that spends (even one meant to fail). */
  spend?: (ctx: Ctx) => SpendPlan | Promise<SpendPlan>;
  run(ctx: Ctx): Promise<Observation>;
  /** Facts the provider must show (a subset of the observed facts). Absent: the check only informs. */
  expected?: Facts;
}

/**
 * - `pass`/`fail`: the facts did or did not match `expected` (or a response broke core's schemas)
 * - `info`: observed, nothing expected
 * - `skip`: not run (spend guard, missing precondition), with the reason
 * - `error`: the check could not finish (connection, unexpected error)
 */
export type CheckStatus = 'pass' | 'fail' | 'info' | 'skip' | 'error';

export interface CheckResult {
  id: string;
  title: string;
  status: CheckStatus;
  facts?: Facts;
  expected?: Facts;
  note?: string;
  /** Why it failed: unmet expectations, schema violations of responses. */
  problems?: string[];
  /** Why it was skipped or could not finish. */
  reason?: string;
  /** Planned (upper bound) spend in the provider's unit, when the check ran and declared one. */
  spent?: number;
}

export const REPORT_FORMAT = 'esim-sandbox/contract-report';

export interface RunReport {
  format: typeof REPORT_FORMAT;
  version: 1;
  provider: ProviderName;
  target: TargetKind;
  baseUrl?: string;
  /** Set when the whole target was skipped (live without credentials). */
  skipped?: string;
  startedAt: string;
  finishedAt: string;
  /** Money unit of `spent` and `spendCap`. */
  unit: string;
  spendCap?: number;
  spent: number;
  results: CheckResult[];
}

export interface RunOptions {
  /** Live only: spending checks run only with this set and a cap. */
  allowSpend?: boolean;
  /** Live only: the most the run may spend, in the provider's unit. */
  spendCap?: number;
  /** Recipient for flows that send mail (iRoamly redemption); live runs skip them without one. */
  email?: string;
  /** iRoamly region for the plan checks (ISO2, name or slug). Default `US`. */
  region?: string;
  /** Polling for asynchronous work (allocation, redemption). */
  pollIntervalMs?: number;
  pollTimeoutMs?: number;
  /** Injected so tests need not wait in real time for the defaults. */
  sleep?: (ms: number) => Promise<void>;
}
