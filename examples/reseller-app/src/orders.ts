/**
 * The shop's own records: what each customer bought and how far it has got. In memory, to keep the example small.
 * @module
 */

export type OrderStatus = 'pending' | 'ready' | 'installed' | 'failed';

export interface Profile {
  iccid: string;
  esimTranNo: string;
  /** The LPA activation code, for customers who type it in instead of scanning. */
  activationCode: string;
  qrCodeUrl: string;
  esimStatus: string;
  smdpStatus: string;
}

interface BaseOrder {
  id: string;
  email: string;
  status: OrderStatus;
  /** Every provider event the shop applied, oldest first (a duplicated webhook appears once). */
  history: string[];
}

export interface EsimOrder extends BaseOrder {
  kind: 'esim';
  packageCode: string;
  /** Ours, sent with the order: a repeat of the order with it is the same order, never a second charge. */
  transactionId: string;
  /**
   * eSIM Access's order number; profiles arrive later, announced by an ORDER_STATUS webhook. Absent while the order
   * call's answer is missing (lost on the way): the next look sends it again with the same transactionId.
   */
  orderNo?: string;
  profile?: Profile;
}

export interface RedeemCodeOrder extends BaseOrder {
  kind: 'redeem-code';
  productCode: string;
  iroamlyOrderId: string;
  /** Known once the purchase's codes are read; absent if that read failed (the next look reads them again). */
  redeemCode?: string;
  qrCodeUrl?: string;
}

export type Order = EsimOrder | RedeemCodeOrder;

export class OrderBook {
  private readonly orders = new Map<string, Order>();
  private readonly appliedWebhooks = new Set<string>();
  /** Every webhook application in order: what the "applied exactly once" invariant is checked against. */
  private readonly applications: string[] = [];
  private next = 1;

  newId(): string {
    return `ord_${this.next++}`;
  }

  add(order: Order): Order {
    this.orders.set(order.id, order);
    return order;
  }

  get(id: string): Order | undefined {
    return this.orders.get(id);
  }

  all(): Order[] {
    return [...this.orders.values()];
  }

  remove(id: string): void {
    this.orders.delete(id);
  }

  /** Webhooks carry our transactionId as well as the orderNo, so an order whose answer was lost is still found. */
  findEsim(ref: { orderNo: string; transactionId?: string | null | undefined }): EsimOrder | undefined {
    for (const order of this.orders.values()) {
      if (order.kind !== 'esim') continue;
      if (order.orderNo === ref.orderNo || order.transactionId === ref.transactionId) return order;
    }
    return undefined;
  }

  /** Providers deliver at least once: a webhook id already applied must change nothing. */
  isApplied(notifyId: string): boolean {
    return this.appliedWebhooks.has(notifyId);
  }

  /** Called once the webhook's work is done (never before: a failure must leave it to the provider's retry). */
  markApplied(notifyId: string): void {
    this.appliedWebhooks.add(notifyId);
    this.applications.push(notifyId);
  }

  appliedEventIds(): readonly string[] {
    return this.applications;
  }
}
