/**
 * `recordOrder`: the app tells the store of an order it placed, and (once allocated) of the profiles in it. It is
 * idempotent and merges with what the store already knows: an order a sync or a webhook found first keeps its
 * rows and gets the app's price, lines and profiles; the ledger is debited once.
 * @module
 */
import { esimAccessProfileSchema, InvalidArgumentError, type ProviderName } from '@esim-sandbox/core';
import { and, eq } from 'drizzle-orm';
import { orderStatusAdvances } from '../domain/state-order.js';
import { type ProfileFacts, profileColumns } from '../drift/compare.js';
import { resolveFindings } from '../drift/findings.js';
import { ensureAccount } from '../store/accounts.js';
import {
  addLedgerEntry,
  type LedgerInput,
  offsetIfCounted,
  refundCancelledProfile,
} from '../store/ledger.js';
import type { Db, Store } from '../store/open.js';
import {
  createProfile,
  lockOrder,
  lockProfile,
  type OrderRow,
  updateOrder,
  updateProfile,
} from '../store/profiles.js';
import { type OrderLine, orders, profiles } from '../store/schema.js';
import { checkAmount, checkText, RECORDED_BY_THE_APP } from './records.js';

/**
 * A profile of the order: at least its `esimTranNo`; best the whole `esim/query` item, whose state, package,
 * volume and expiry are then stored too. Without a state, the profile is taken to be as allocated
 * (GOT_RESOURCE/RELEASED): anything it did since is a missed webhook.
 */
export type RecordedProfile = Omit<ProfileFacts, 'orderNo'> & { orderNo?: string | undefined };

export interface RecordOrderInput {
  accountId: string;
  provider: ProviderName;
  /** eSIM Access orderNo or iRoamly orderId. */
  orderNo: string;
  transactionId?: string | undefined;
  /** Total paid, in the account's unit; adds a spend to the ledger. */
  amount?: number | undefined;
  /** With unit prices, a cancelled profile can be refunded in the ledger. */
  lines?: OrderLine[] | undefined;
  /** iRoamly: the address QR codes go to. */
  email?: string | undefined;
  /** eSIM Access: the order's profiles, once allocated (`esim/query` by orderNo). */
  profiles?: readonly RecordedProfile[] | undefined;
}

const recordedProfileSchema = esimAccessProfileSchema.partial().required({ esimTranNo: true });

function checkProfiles(input: RecordOrderInput): ProfileFacts[] {
  if (input.profiles === undefined) return [];
  if (input.provider !== 'esimaccess') {
    throw new InvalidArgumentError('profiles', 'eSIM Access orders only (iRoamly orders hold redeem codes)');
  }
  if (!Array.isArray(input.profiles)) throw new InvalidArgumentError('profiles', 'must be an array');
  return input.profiles.map((item, i) => {
    const parsed = recordedProfileSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const path = issue.path
        .map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))
        .join('');
      throw new InvalidArgumentError(`profiles[${i}]${path}`, issue.message);
    }
    const p = parsed.data;
    if (p.orderNo !== undefined && p.orderNo !== input.orderNo) {
      throw new InvalidArgumentError(
        `profiles[${i}].orderNo`,
        `is ${p.orderNo}, not the recorded order ${input.orderNo}`,
      );
    }
    if ((p.esimStatus === undefined) !== (p.smdpStatus === undefined)) {
      throw new InvalidArgumentError(
        `profiles[${i}].smdpStatus`,
        'give esimStatus and smdpStatus together, or neither',
      );
    }
    return { ...p, orderNo: input.orderNo } as ProfileFacts;
  });
}

/** JSON with object keys sorted: jsonb gives lines back with its own key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** The app's values for an order the store holds: empty columns are filled; a different value is refused. */
function mergeOrder(existing: OrderRow, input: RecordOrderInput): Partial<OrderRow> {
  const patch: Partial<OrderRow> = {};
  const fields = [
    ['transactionId', existing.transactionId, input.transactionId],
    ['amount', existing.amount, input.amount],
    ['lines', existing.lines, input.lines],
    ['email', existing.email, input.email],
  ] as const;
  for (const [field, stored, given] of fields) {
    if (given === undefined) continue;
    if (stored === null) Object.assign(patch, { [field]: given });
    else if (canonical(stored) !== canonical(given)) {
      throw new InvalidArgumentError(
        field,
        `order ${existing.orderNo} was recorded with ${JSON.stringify(stored)}`,
      );
    }
  }
  return patch;
}

/**
 * @example
 * await recordOrder(store, { accountId: 'esimaccess', provider: 'esimaccess', orderNo, transactionId,
 *   amount: 15000, lines: [{ packageCode: 'JC016', count: 1, price: 15000 }] });
 * // once allocated: the profiles the app hands out
 * const { esimList } = await client.queryProfiles({ orderNo, pager: { pageNum: 1, pageSize: 50 } });
 * await recordOrder(store, { accountId: 'esimaccess', provider: 'esimaccess', orderNo, profiles: esimList });
 */
export async function recordOrder(store: Store, input: RecordOrderInput): Promise<void> {
  checkText('orderNo', input.orderNo);
  checkAmount('amount', input.amount);
  for (const [i, line] of (input.lines ?? []).entries()) checkAmount(`lines[${i}].price`, line.price);
  const recorded = checkProfiles(input);
  await store.db.transaction(async (tx) => {
    const account = await ensureAccount(tx, { id: input.accountId, provider: input.provider });
    const lastBalanceCheck = account.providerBalanceAt;
    const inserted = await tx
      .insert(orders)
      .values({
        accountId: input.accountId,
        orderNo: input.orderNo,
        transactionId: input.transactionId ?? null,
        status: input.provider === 'esimaccess' ? 'PENDING' : null,
        origin: 'local',
        amount: input.amount ?? null,
        lines: input.lines ?? null,
        email: input.email ?? null,
      })
      .onConflictDoNothing()
      .returning();
    // Recorded before, or found first by a sync or a webhook: merge into that row.
    const existing = inserted.length > 0 ? undefined : await lockOrder(tx, input.accountId, input.orderNo);
    const patch = existing ? mergeOrder(existing, input) : {};
    if (existing && Object.keys(patch).length > 0) await updateOrder(tx, existing, patch);
    if (input.amount !== undefined && input.amount > 0) {
      const spend: LedgerInput = {
        accountId: input.accountId,
        entryKey: `order:${input.orderNo}`,
        kind: 'spend',
        amount: -input.amount,
        orderNo: input.orderNo,
      };
      if ((await addLedgerEntry(tx, spend)) && existing)
        await offsetIfCounted(tx, spend, existing.createdAt, lastBalanceCheck);
    }
    if (patch.lines) await refundKnownCancels(tx, input.accountId, input.orderNo, lastBalanceCheck);
    if (recorded.length > 0) await recordProfiles(tx, input, recorded);
    await resolveFindings(
      tx,
      {
        accountId: input.accountId,
        kind: 'unknown_to_us',
        subjectType: 'order',
        subjectIds: [input.orderNo],
      },
      RECORDED_BY_THE_APP,
    );
    await resolveFindings(
      tx,
      {
        accountId: input.accountId,
        kind: 'unknown_to_us',
        subjectType: 'profile',
        subjectIds: tx
          .select({ id: profiles.esimTranNo })
          .from(profiles)
          .where(and(eq(profiles.accountId, input.accountId), eq(profiles.orderNo, input.orderNo))),
        field: '*',
      },
      RECORDED_BY_THE_APP,
    );
  });
}

/** Lines recorded after some of the order's profiles were cancelled: their refunds, counted once. */
async function refundKnownCancels(tx: Db, accountId: string, orderNo: string, lastBalanceCheck: Date | null) {
  const cancelled = await tx
    .select()
    .from(profiles)
    .where(
      and(
        eq(profiles.accountId, accountId),
        eq(profiles.orderNo, orderNo),
        eq(profiles.esimStatus, 'CANCEL'),
      ),
    );
  for (const row of cancelled) {
    const refund = await refundCancelledProfile(tx, row);
    if (refund) await offsetIfCounted(tx, refund, row.stateChangedAt, lastBalanceCheck);
  }
}

async function recordProfiles(tx: Db, input: RecordOrderInput, recorded: ProfileFacts[]) {
  const order = await lockOrder(tx, input.accountId, input.orderNo);
  // Profiles exist only once the order is allocated, whether or not its ORDER_STATUS arrived.
  if (order && orderStatusAdvances(order.status, 'GOT_RESOURCE'))
    await updateOrder(tx, order, { status: 'GOT_RESOURCE' });
  const packages = new Set((order?.lines ?? []).map((line) => line.packageCode));
  const onlyPackage = packages.size === 1 ? [...packages][0]! : null;
  for (const [i, p] of recorded.entries()) {
    const columns = profileColumns(p);
    const row = await lockProfile(tx, input.accountId, p.esimTranNo);
    if (row && row.orderNo !== input.orderNo) {
      throw new InvalidArgumentError(
        `profiles[${i}].esimTranNo`,
        `${p.esimTranNo} is in order ${row.orderNo} in the store, not ${input.orderNo}`,
      );
    }
    if (!row) {
      await createProfile(tx, {
        accountId: input.accountId,
        esimTranNo: p.esimTranNo,
        ...columns,
        transactionId: columns.transactionId ?? order?.transactionId ?? null,
        packageCode: columns.packageCode ?? onlyPackage,
        esimStatus: columns.esimStatus ?? 'GOT_RESOURCE',
        smdpStatus: columns.smdpStatus ?? 'RELEASED',
        stateSource: 'local',
      });
      continue;
    }
    // The store's own knowledge (webhooks, syncs) is at least as fresh: only its empty columns are filled.
    const fill = Object.fromEntries(
      Object.entries(columns).filter(
        ([key, value]) =>
          value !== null &&
          row[key as keyof typeof columns] === null &&
          key !== 'smdpStatus' &&
          key !== 'esimStatus',
      ),
    );
    if (row.esimStatus === null && columns.esimStatus !== null)
      Object.assign(fill, {
        esimStatus: columns.esimStatus,
        smdpStatus: columns.smdpStatus,
        stateSource: 'local',
      });
    if (Object.keys(fill).length > 0) await updateProfile(tx, row, fill);
  }
}
