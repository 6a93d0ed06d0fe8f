/**
 * @module
 * The iRoamly account view: balance, orders, redeem codes and the mails the provider sent (with their QR codes).
 */
import type { FaultRule } from '@esim-sandbox/emulator';
import type { AccountState, Order, RedeemCodeRecord, RenderedMessage } from '@esim-sandbox/iroamly-mock';
import { accountPath, type BaseView, loadBase } from './common.js';
import { controlJson, type ProviderSource } from './sources.js';

export interface IroamlyView extends BaseView<AccountState> {
  balance: number;
  /** Newest first. */
  orders: Order[];
  /** In issue order, newest order first. */
  codes: RedeemCodeRecord[];
  /** Newest first. */
  outbox: RenderedMessage[];
  faults: FaultRule[];
}

export async function loadIroamlyView(source: ProviderSource, id: string): Promise<IroamlyView> {
  const [base, outbox] = await Promise.all([
    loadBase<AccountState>(source, id),
    controlJson<{ messages: RenderedMessage[] }>(source, `${accountPath(id)}/outbox`),
  ]);
  const { state, faults } = base.snapshot;
  const orders = Object.values(state.orders).sort((a, b) => b.createdAt - a.createdAt);
  return {
    ...base,
    balance: state.balance,
    orders,
    codes: orders.flatMap((o) => o.codes.map((code) => state.codes[code]).filter((c) => c !== undefined)),
    outbox: outbox.messages.reverse(),
    faults,
  };
}
