/**
 * @module
 * The eSIM Access account view: balance and ledger, orders, profiles, webhook deliveries, plus where its
 * webhooks go and whether the playground's sink is answering them.
 */

import type { FaultRule, WebhookDelivery } from '@esim-sandbox/emulator';
import type {
  EsimAccessAccountState,
  LedgerEntry,
  OrderRecord,
  ProfileRecord,
} from '@esim-sandbox/esimaccess-mock';
import { type BaseView, loadBase } from './common.js';
import type { ProviderSource } from './sources.js';

export interface EsimAccessView extends BaseView<EsimAccessAccountState> {
  balance: number;
  /** Newest first. */
  ledger: LedgerEntry[];
  /** Newest first. */
  orders: OrderRecord[];
  /** Newest first. */
  profiles: ProfileRecord[];
  /** Newest first. */
  deliveries: WebhookDelivery[];
  faults: FaultRule[];
}

const newestFirst = <T extends { createdAt: number }>(rows: T[]): T[] =>
  [...rows].sort((a, b) => b.createdAt - a.createdAt);

export async function loadEsimAccessView(source: ProviderSource, id: string): Promise<EsimAccessView> {
  const base = await loadBase<EsimAccessAccountState>(source, id);
  const { state, webhooks, faults } = base.snapshot;
  return {
    ...base,
    balance: state.balance,
    ledger: [...state.ledger].reverse(),
    orders: newestFirst(Object.values(state.orders)),
    profiles: newestFirst(Object.values(state.profiles)),
    deliveries: [...webhooks.deliveries].reverse(),
    faults,
  };
}
