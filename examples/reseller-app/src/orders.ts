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
  /** eSIM Access's order number; profiles arrive later, announced by an ORDER_STATUS webhook. */
  orderNo: string;
  profile?: Profile;
}

export interface RedeemCodeOrder extends BaseOrder {
  kind: 'redeem-code';
  productCode: string;
  iroamlyOrderId: string;
  redeemCode: string;
  qrCodeUrl?: string;
}

export type Order = EsimOrder | RedeemCodeOrder;

export class OrderBook {
  private readonly orders = new Map<string, Order>();
  private readonly appliedWebhooks = new Set<string>();
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

  byOrderNo(orderNo: string): EsimOrder | undefined {
    for (const order of this.orders.values()) {
      if (order.kind === 'esim' && order.orderNo === orderNo) return order;
    }
    return undefined;
  }

  /** True the first time a webhook id is seen: providers deliver at least once, so repeats must change nothing. */
  firstDelivery(notifyId: string): boolean {
    if (this.appliedWebhooks.has(notifyId)) return false;
    this.appliedWebhooks.add(notifyId);
    return true;
  }
}
