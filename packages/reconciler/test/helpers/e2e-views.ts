/**
 * The store and the mocks projected onto one shape, so "the store equals the provider" is one `toEqual`:
 * orders, every profile's state, ids, usage and expiry, redeem codes, and balances.
 */
import type { EsimAccessAccountState } from '@esim-sandbox/esimaccess-mock';
import { type AccountState as IroamlyState, qrImageUrl } from '@esim-sandbox/iroamly-mock';
import { asc, eq } from 'drizzle-orm';
import { parseProviderTime } from '../../src/domain/state-order.js';
import { ledgerBalance } from '../../src/store/ledger.js';
import type { Store } from '../../src/store/open.js';
import { accounts, orders, profiles, redeemCodes } from '../../src/store/schema.js';

const byKey =
  <T>(key: (row: T) => string) =>
  (a: T, b: T) =>
    key(a).localeCompare(key(b));

export async function storeEsimView(store: Store, accountId: string) {
  const db = store.db;
  const [account] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  return {
    orders: (
      await db.select().from(orders).where(eq(orders.accountId, accountId)).orderBy(asc(orders.orderNo))
    ).map((o) => ({ orderNo: o.orderNo, status: o.status, missing: o.missingAtProvider })),
    profiles: (
      await db
        .select()
        .from(profiles)
        .where(eq(profiles.accountId, accountId))
        .orderBy(asc(profiles.esimTranNo))
    ).map((p) => ({
      esimTranNo: p.esimTranNo,
      orderNo: p.orderNo,
      iccid: p.iccid,
      transactionId: p.transactionId,
      esimStatus: p.esimStatus,
      smdpStatus: p.smdpStatus,
      eid: p.eid,
      packageCode: p.packageCode,
      orderUsage: p.orderUsage,
      totalVolume: p.totalVolume,
      expiredAt: parseProviderTime(p.expiredTime),
      totalDuration: p.totalDuration,
      missing: p.missingAtProvider,
    })),
    providerBalance: account?.providerBalance ?? null,
    ledgerBalance: await ledgerBalance(db, accountId),
  };
}

export function mockEsimView(state: EsimAccessAccountState) {
  return {
    orders: Object.values(state.orders)
      .map((o) => ({ orderNo: o.orderNo, status: o.status as string | null, missing: false }))
      .sort(byKey((o) => o.orderNo)),
    profiles: Object.values(state.profiles)
      .map((p) => ({
        esimTranNo: p.esimTranNo,
        orderNo: p.orderNo,
        iccid: p.iccid as string | null,
        transactionId: p.transactionId as string | null,
        esimStatus: p.esimStatus as string | null,
        smdpStatus: p.smdpStatus as string | null,
        eid: p.eid === '' ? null : p.eid,
        packageCode: (p.packages[0]?.packageCode ?? null) as string | null,
        orderUsage: p.orderUsage as number | null,
        totalVolume: p.totalVolume as number | null,
        // esim/query's expiredTime: the validity's end once activated, the unused period's before; whole seconds.
        expiredAt: Math.floor((p.expiresAt ?? p.unusedExpiresAt) / 1000) * 1000,
        totalDuration: p.totalDuration as number | null,
        missing: false,
      }))
      .sort(byKey((p) => p.esimTranNo)),
    providerBalance: state.balance as number | null,
    ledgerBalance: state.balance,
  };
}

export async function storeIroamlyView(store: Store, accountId: string) {
  return {
    codes: (
      await store.db
        .select()
        .from(redeemCodes)
        .where(eq(redeemCodes.accountId, accountId))
        .orderBy(asc(redeemCodes.redeemCode))
    ).map((c) => ({
      redeemCode: c.redeemCode,
      orderNo: c.orderNo,
      productCode: c.productCode,
      expireAt: c.expireAt,
      status: c.status,
      qrCodeUrl: c.qrCodeUrl,
    })),
    ledgerBalance: await ledgerBalance(store.db, accountId),
  };
}

/** iRoamly's balance is in 1/100 credit; the reconciler keeps iRoamly money in 1/10,000 credit. */
export const IROAMLY_LEDGER_PER_MOCK_UNIT = 100;

export function mockIroamlyView(state: IroamlyState, baseUrl: string) {
  return {
    codes: Object.values(state.codes)
      .map((c) => ({
        redeemCode: c.redeemCode,
        orderNo: c.orderId,
        productCode: c.productCode,
        expireAt: c.expire_at,
        status: c.status as number,
        qrCodeUrl: c.status === 2 && c.qrToken ? qrImageUrl(baseUrl, c.qrToken) : null,
      }))
      .sort(byKey((c) => c.redeemCode)),
    ledgerBalance: state.balance * IROAMLY_LEDGER_PER_MOCK_UNIT,
  };
}
