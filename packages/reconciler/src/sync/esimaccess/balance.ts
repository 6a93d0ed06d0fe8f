/**
 * The account balance against the ledger. The first sync anchors the ledger with an `opening` entry (the
 * provider's balance plus what the app had already recorded as spent); from then on, any difference is a
 * balance mismatch, corrected by an `adjustment` entry keyed by the run, so a resumed run adds it once.
 * @module
 */
import { eq, sql } from 'drizzle-orm';
import { addLedgerEntry, hasOpeningEntry, ledgerBalance } from '../../store/ledger.js';
import { accounts } from '../../store/schema.js';
import type { StreamContext } from '../context.js';
import type { EsimAccessSyncClient } from '../types.js';

export const BALANCE_STREAM = 'esimaccess:balance';

export async function syncBalance(ctx: StreamContext, client: EsimAccessSyncClient): Promise<void> {
  const cursor = await ctx.cursor(BALANCE_STREAM);
  if (cursor.done) return;
  const { balance } = await client.getBalance({ signal: ctx.options.signal });
  await ctx.commit(
    BALANCE_STREAM,
    String(balance),
    async (tx) => {
      await tx
        .update(accounts)
        .set({ providerBalance: balance, providerBalanceAt: sql`now()` })
        .where(eq(accounts.id, ctx.accountId));
      const expected = await ledgerBalance(tx, ctx.accountId);
      if (!(await hasOpeningEntry(tx, ctx.accountId))) {
        await addLedgerEntry(tx, {
          accountId: ctx.accountId,
          entryKey: 'opening',
          kind: 'opening',
          amount: balance - expected,
          note: `anchored by sync run ${ctx.runId}`,
        });
        return [];
      }
      if (expected === balance) return [];
      await addLedgerEntry(tx, {
        accountId: ctx.accountId,
        entryKey: `adjustment:run:${ctx.runId}`,
        kind: 'adjustment',
        amount: balance - expected,
        note: 'provider balance differed from the ledger',
      });
      return [
        {
          kind: 'balance_mismatch',
          subjectType: 'balance',
          subjectId: ctx.accountId,
          field: 'balance',
          storeValue: expected,
          providerValue: balance,
        },
      ];
    },
    true,
  );
  ctx.progress(BALANCE_STREAM, 1, 1);
}
