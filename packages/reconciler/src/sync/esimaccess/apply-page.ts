/**
 * Writes one page of provider profiles into the store: creates what was unknown, corrects what drifted, marks
 * everything seen by this run. Runs inside the page's transaction.
 * @module
 */
import type { EsimAccessProfile } from '@esim-sandbox/core';
import { compareProfile } from '../../drift/compare.js';
import type { Finding } from '../../drift/findings.js';
import type { Db } from '../../store/open.js';
import { createProfile, ensureOrder, lockProfile, updateOrder, updateProfile } from '../../store/profiles.js';
import { orderStatusAdvances } from '../../webhooks/state-order.js';
import type { StreamContext } from '../context.js';

/** Profiles listed by the provider prove their order exists and was allocated. */
async function touchOrder(
  tx: Db,
  ctx: StreamContext,
  orderNo: string,
  transactionId: string | null,
  findings: Finding[],
): Promise<void> {
  const { order, created } = await ensureOrder(tx, ctx.accountId, orderNo, 'sync', {
    transactionId,
    status: 'GOT_RESOURCE',
  });
  const subject = { subjectType: 'order' as const, subjectId: orderNo };
  if (created) {
    findings.push({
      kind: 'unknown_to_us',
      ...subject,
      field: '*',
      storeValue: null,
      providerValue: 'GOT_RESOURCE',
    });
  }
  const patch: Parameters<typeof updateOrder>[2] = { lastSeenRun: ctx.runId, missingAtProvider: false };
  if (!created && orderStatusAdvances(order.status, 'GOT_RESOURCE')) {
    findings.push({
      kind: 'missed_webhook',
      ...subject,
      field: 'status',
      storeValue: order.status,
      providerValue: 'GOT_RESOURCE',
    });
    patch.status = 'GOT_RESOURCE';
  }
  if (order.transactionId === null && transactionId !== null) patch.transactionId = transactionId;
  await updateOrder(tx, order, patch);
}

export async function applyProfilePage(
  tx: Db,
  ctx: StreamContext,
  list: readonly EsimAccessProfile[],
  fetchedAt: Date,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  const orders = new Set<string>();
  const now = ctx.options.now();
  for (const profile of list) {
    if (!orders.has(profile.orderNo)) {
      orders.add(profile.orderNo);
      await touchOrder(tx, ctx, profile.orderNo, profile.transactionId ?? null, findings);
    }
    const row = await lockProfile(tx, ctx.accountId, profile.esimTranNo);
    const comparison = compareProfile(row, profile, {
      accountId: ctx.accountId,
      runId: ctx.runId,
      fetchedAt,
      now,
    });
    if (comparison.create) await createProfile(tx, comparison.create);
    else if (row) await updateProfile(tx, row, comparison.patch);
    findings.push(...comparison.findings);
  }
  return findings;
}
