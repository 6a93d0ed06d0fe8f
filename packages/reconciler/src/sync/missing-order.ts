/**
 * An order the provider says it does not have. Reported by every run while it lasts; the row is flagged,
 * never deleted (the app may still need it, and the provider may be wrong).
 * @module
 */
import type { Finding } from '../drift/findings.js';
import type { Db } from '../store/open.js';
import { lockOrder, updateOrder } from '../store/profiles.js';
import type { StreamContext } from './context.js';

export async function flagOrderMissing(tx: Db, ctx: StreamContext, orderNo: string): Promise<Finding[]> {
  const order = await lockOrder(tx, ctx.accountId, orderNo);
  if (!order) return [];
  if (!order.missingAtProvider) await updateOrder(tx, order, { missingAtProvider: true });
  return [
    {
      kind: 'missing_at_provider',
      subjectType: 'order',
      subjectId: orderNo,
      field: '*',
      storeValue: order.status,
      providerValue: null,
      corrected: false,
    },
  ];
}
