/**
 * The webhook inbox: a payload is stored before the provider gets its 200, then applied by `drainInbox`.
 * A crash between the two loses nothing: the next drain applies what is left.
 * @module
 */
import { createHash } from 'node:crypto';
import { type EsimAccessWebhookPayload, parseEsimAccessWebhook } from '@esim-sandbox/core';
import { and, asc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import type { Store } from '../store/open.js';
import { webhookInbox } from '../store/schema.js';
import { type ApplyOutcome, applyWebhook } from './apply.js';

/** After this many failed applies a webhook is left alone and shown by `report`. */
export const MAX_APPLY_ATTEMPTS = 5;

/**
 * The provider's notifyId, or, for older payloads without one, a digest of the payload: a redelivery of the
 * same old-style event then still deduplicates.
 */
export function webhookIdentity(payload: EsimAccessWebhookPayload): string {
  if (payload.notifyId) return payload.notifyId;
  const digest = createHash('sha256')
    .update(JSON.stringify([payload.notifyType, payload.eventGenerateTime ?? null, payload.content]))
    .digest('hex');
  return `sha256:${digest}`;
}

/**
 * Validates a webhook body (the parsed JSON) with core's parser and stores it; `duplicate` when its id was
 * received before. Throws `EsimAccessWebhookParseError` for a body eSIM Access would not send.
 */
export async function receiveWebhook(
  store: Store,
  accountId: string,
  body: unknown,
): Promise<{ notifyId: string; notifyType: string; duplicate: boolean }> {
  const payload = parseEsimAccessWebhook(body);
  const notifyId = webhookIdentity(payload);
  const inserted = await store.db
    .insert(webhookInbox)
    .values({ accountId, notifyId, notifyType: payload.notifyType, payload: body })
    .onConflictDoNothing()
    .returning({ id: webhookInbox.id });
  return { notifyId, notifyType: payload.notifyType, duplicate: inserted.length === 0 };
}

export interface DrainResult {
  applied: Partial<Record<ApplyOutcome, number>>;
  /** The first apply that failed this round (the drain stops there and retries later). */
  error?: unknown;
}

/**
 * Applies pending webhooks in arrival order, one transaction each. On PostgreSQL several receivers may drain
 * at once: rows are taken with SKIP LOCKED, and the applied-id claim makes any overlap harmless.
 */
export async function drainInbox(
  store: Store,
  options: { accountId?: string | undefined; now?: (() => Date) | undefined } = {},
): Promise<DrainResult> {
  const now = options.now ?? (() => new Date());
  const result: DrainResult = { applied: {} };
  const filters = [isNull(webhookInbox.processedAt), lt(webhookInbox.attempts, MAX_APPLY_ATTEMPTS)];
  if (options.accountId !== undefined) filters.push(eq(webhookInbox.accountId, options.accountId));
  for (;;) {
    let current: number | undefined;
    try {
      const outcome = await store.db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(webhookInbox)
          .where(and(...filters))
          .orderBy(asc(webhookInbox.id))
          .limit(1)
          .for('update', { skipLocked: true });
        if (!row) return null;
        current = row.id;
        const at = now();
        const applied = await applyWebhook(
          tx,
          row.accountId,
          row.notifyId,
          parseEsimAccessWebhook(row.payload),
          at,
        );
        await tx.update(webhookInbox).set({ processedAt: at }).where(eq(webhookInbox.id, row.id));
        return applied;
      });
      if (outcome === null) return result;
      result.applied[outcome] = (result.applied[outcome] ?? 0) + 1;
    } catch (error) {
      result.error = error;
      if (current !== undefined) {
        const message = error instanceof Error ? error.message : String(error);
        await store.db
          .update(webhookInbox)
          .set({ attempts: sql`${webhookInbox.attempts} + 1`, lastError: message.slice(0, 500) })
          .where(eq(webhookInbox.id, current))
          .catch(() => {});
      }
      return result;
    }
  }
}

/**
 * Gives every webhook that failed `MAX_APPLY_ATTEMPTS` times a fresh set of attempts (once its cause is fixed: a
 * bug, a full disk) and returns how many; the next drain applies them. Nothing is lost meanwhile: failed rows stay
 * in the inbox and `report` counts them.
 */
export async function requeueFailedWebhooks(
  store: Store,
  options: { accountId?: string | undefined } = {},
): Promise<number> {
  const filters = [isNull(webhookInbox.processedAt), gte(webhookInbox.attempts, MAX_APPLY_ATTEMPTS)];
  if (options.accountId !== undefined) filters.push(eq(webhookInbox.accountId, options.accountId));
  const rows = await store.db
    .update(webhookInbox)
    .set({ attempts: 0, lastError: null })
    .where(and(...filters))
    .returning({ id: webhookInbox.id });
  return rows.length;
}
