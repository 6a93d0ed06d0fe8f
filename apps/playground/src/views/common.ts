/**
 * @module
 * What every account view has, whatever the provider: the clock, the request journal, faults, and the
 * account's snapshot (its provider state and webhook log), all read through the `/_sandbox` control API.
 */
import type { JournalEntry, TenantSnapshot } from '@esim-sandbox/emulator';
import { controlJson, type ProviderSource } from './sources.js';

export interface AccountRef {
  id: string;
  default: boolean;
}

export interface ClockView {
  mode: 'real' | 'manual';
  now: number;
  iso: string;
  nextTaskAt: number | null;
}

export interface AccountInfo {
  id: string;
  default: boolean;
  clock: ClockView;
  webhookUrl: string | null;
}

export interface BaseView<S> {
  info: AccountInfo;
  snapshot: TenantSnapshot<S>;
  /** Newest first: every entry the journal keeps (the dashboard pages through them). */
  journal: JournalEntry[];
}

const path = (id: string) => `/accounts/${encodeURIComponent(id)}`;

/** Accounts newest first (the fake lists them in creation order). */
export async function listAccounts(source: ProviderSource): Promise<AccountRef[]> {
  const { accounts } = await controlJson<{ accounts: AccountRef[] }>(source, '/accounts');
  return [...accounts].reverse();
}

/** The account to show: the one asked for if it still exists, else the newest. */
export function pickAccount(accounts: AccountRef[], wanted: string | undefined): AccountRef | undefined {
  return accounts.find((a) => a.id === wanted) ?? accounts[0];
}

export async function loadBase<S>(source: ProviderSource, id: string): Promise<BaseView<S>> {
  const [info, snapshot, journal] = await Promise.all([
    controlJson<AccountInfo>(source, path(id)),
    controlJson<TenantSnapshot<S>>(source, `${path(id)}/snapshot`),
    controlJson<{ entries: JournalEntry[] }>(source, `${path(id)}/journal`),
  ]);
  return { info, snapshot, journal: journal.entries.reverse() };
}

export { path as accountPath };
