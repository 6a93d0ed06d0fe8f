/**
 * Writes one page of provider profiles into the store: creates what was unknown, corrects what drifted, marks
 * everything seen by this run. Runs inside the page's transaction, in a handful of statements whatever the page
 * size: the page's orders are ensured and locked together, then its profiles (orders first, as webhooks lock).
 * @module
 */
import type { EsimAccessProfile } from '@esim-sandbox/core';
import { orderStatusAdvances } from '../../domain/state-order.js';
import { compareProfile } from '../../drift/compare.js';
import type { Finding } from '../../drift/findings.js';
import type { Db } from '../../store/open.js';
import {
  createProfiles,
  ensureOrders,
  lockProfiles,
  type NewOrderRow,
  type NewProfileRow,
  type OrderChange,
  type ProfileChange,
  updateOrders,
  updateProfiles,
} from '../../store/profiles.js';
import type { StreamContext } from '../context.js';

/** Profiles listed by the provider prove their orders exist and were allocated. Returns each order's findings. */
async function touchOrders(
  tx: Db,
  ctx: StreamContext,
  list: readonly EsimAccessProfile[],
): Promise<Map<string, Finding[]>> {
  const wanted = new Map<string, string | null>();
  for (const profile of list) {
    if (!wanted.has(profile.orderNo)) wanted.set(profile.orderNo, profile.transactionId ?? null);
  }
  const ensured = await ensureOrders(
    tx,
    ctx.accountId,
    'sync',
    [...wanted].map(([orderNo, transactionId]) => ({ orderNo, transactionId, status: 'GOT_RESOURCE' })),
  );
  const findings = new Map<string, Finding[]>();
  const changes: OrderChange[] = [];
  for (const [orderNo, transactionId] of wanted) {
    const { order, created } = ensured.get(orderNo)!;
    const subject = { subjectType: 'order' as const, subjectId: orderNo };
    const found: Finding[] = [];
    if (created) {
      found.push({
        kind: 'unknown_to_us',
        ...subject,
        field: '*',
        storeValue: null,
        providerValue: 'GOT_RESOURCE',
      });
    }
    const patch: Partial<NewOrderRow> = { lastSeenRun: ctx.runId, missingAtProvider: false };
    if (!created && orderStatusAdvances(order.status, 'GOT_RESOURCE')) {
      found.push({
        kind: 'missed_webhook',
        ...subject,
        field: 'status',
        storeValue: order.status,
        providerValue: 'GOT_RESOURCE',
      });
      patch.status = 'GOT_RESOURCE';
    }
    if (order.transactionId === null && transactionId !== null) patch.transactionId = transactionId;
    changes.push({ before: order, patch });
    findings.set(orderNo, found);
  }
  await updateOrders(tx, changes);
  return findings;
}

/** A page lists a profile once; were it listed twice, its last item is the provider's latest word. */
function lastOfEach(list: readonly EsimAccessProfile[]): EsimAccessProfile[] {
  return [...new Map(list.map((profile) => [profile.esimTranNo, profile])).values()];
}

export async function applyProfilePage(
  tx: Db,
  ctx: StreamContext,
  list: readonly EsimAccessProfile[],
  fetchedAt: Date,
): Promise<Finding[]> {
  const orderFindings = await touchOrders(tx, ctx, list);
  const page = lastOfEach(list);
  const rows = await lockProfiles(
    tx,
    ctx.accountId,
    page.map((profile) => profile.esimTranNo),
  );
  const now = ctx.options.now();
  const findings: Finding[] = [];
  const creates: NewProfileRow[] = [];
  const changes: ProfileChange[] = [];
  for (const profile of page) {
    // Each order's own findings come before those of its profiles.
    findings.push(...(orderFindings.get(profile.orderNo) ?? []));
    orderFindings.delete(profile.orderNo);
    const row = rows.get(profile.esimTranNo);
    const comparison = compareProfile(row, profile, {
      accountId: ctx.accountId,
      runId: ctx.runId,
      fetchedAt,
      now,
    });
    if (comparison.create) creates.push(comparison.create);
    else if (row) changes.push({ before: row, patch: comparison.patch });
    findings.push(...comparison.findings);
  }
  await createProfiles(tx, creates);
  await updateProfiles(tx, changes);
  return findings;
}
