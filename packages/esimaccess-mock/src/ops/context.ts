/**
 * What every operation runs against, and what it gives back. Operations are synchronous functions over plain state:
 * they check everything first and only then mutate, so a failure leaves the state untouched, and nothing can
 * interleave between a balance check and its debit. Webhooks and tasks are collected in `effects` for the caller
 * (the engine wiring) to deliver and schedule.
 * @module
 */

import type { EsimAccessErrorCode, EsimAccessWebhookPayload } from '@esim-sandbox/core';
import { esimAccessErrorCodes } from '@esim-sandbox/core';
import type { CatalogIndex } from '../catalog/catalog.js';
import { DEFAULT_SMDP_ADDRESS, type Rng } from '../state/ids.js';
import type { RevokedStatus } from '../state/transitions.js';
import type { EsimAccessAccountState } from '../state/types.js';

/** Choices where the provider's docs are silent or contradict themselves (see the README's Fidelity table). */
export interface EsimAccessBehaviour {
  /** Virtual ms from order to allocation (docs: up to ~30 s; observed 3-10 s). */
  allocationDelayMs: number;
  revokedStatus: RevokedStatus;
  /** A repeated transactionId: the same order again without a second charge (observed live), or 310402. */
  duplicateTransactionId: 'same-order' | 'reject';
  smdpAddress: string;
  /**
   * The documents' strict reading of input instead of live's leniency: null for an optional field answers 000106, an
   * empty body 000104, and "" filters are taken literally (match nothing). Default false (see http/lenient.ts).
   */
  strictInput: boolean;
}

export const DEFAULT_BEHAVIOUR: EsimAccessBehaviour = {
  allocationDelayMs: 2_000,
  revokedStatus: 'REVOKED',
  duplicateTransactionId: 'same-order',
  smdpAddress: DEFAULT_SMDP_ADDRESS,
  strictInput: false,
};

/** URLs of a profile's QR image, on whatever address the mock is reachable at. */
export interface ProfileLinks {
  qrCodeUrl(qrId: string): string;
  shortUrl(qrId: string): string;
}

export interface TaskDataMap {
  'esimaccess.allocate': { orderNo: string };
  'esimaccess.expire-unused': { esimTranNo: string };
  'esimaccess.expire-used': { esimTranNo: string; expiresAt: number };
  'esimaccess.validity-warning': { esimTranNo: string; expiresAt: number };
  'esimaccess.daily-reset': { esimTranNo: string; at: number };
}

export type EsimAccessTaskKind = keyof TaskDataMap;

export type TaskRequest = {
  [K in EsimAccessTaskKind]: { kind: K; at: number; data: TaskDataMap[K] };
}[EsimAccessTaskKind];

export interface Effects {
  webhooks: EsimAccessWebhookPayload[];
  tasks: TaskRequest[];
}

export interface OpContext {
  readonly state: EsimAccessAccountState;
  readonly catalog: CatalogIndex;
  readonly behaviour: EsimAccessBehaviour;
  /** Virtual time of the request or task, ms. */
  readonly now: number;
  readonly rng: Rng;
  readonly links: ProfileLinks;
  readonly effects: Effects;
}

export function emptyEffects(): Effects {
  return { webhooks: [], tasks: [] };
}

export interface OpError {
  readonly code: EsimAccessErrorCode;
  readonly message: string;
}

export type OpResult<T> =
  | { readonly ok: true; readonly obj: T }
  | { readonly ok: false; readonly error: OpError };

export function ok<T>(obj: T): OpResult<T> {
  return { ok: true, obj };
}

/** A provider error; the message defaults to the code's text in core's table. */
export function fail(
  code: EsimAccessErrorCode,
  message?: string,
): { readonly ok: false; readonly error: OpError } {
  return { ok: false, error: { code, message: message ?? esimAccessErrorCodes[code].meaning } };
}

export function schedule<K extends EsimAccessTaskKind>(
  ctx: OpContext,
  kind: K,
  at: number,
  data: TaskDataMap[K],
): void {
  ctx.effects.tasks.push({ kind, at, data } as TaskRequest);
}
