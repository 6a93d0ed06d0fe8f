/**
 * What every operation runs against, and what it gives back: the engine kit's operation shape (synchronous, checks
 * before it mutates, webhooks and tasks collected in `effects` for `runOp` to dispatch) with eSIM Access's own
 * context fields, task kinds and refusals.
 * @module
 */

import type { EsimAccessErrorCode, EsimAccessWebhookPayload } from '@esim-sandbox/core';
import { esimAccessErrorCodes } from '@esim-sandbox/core';
import {
  type Effects as KitEffects,
  type OpContext as KitOpContext,
  type OpResult as KitOpResult,
  type TaskRequest as KitTaskRequest,
  emptyEffects as kitEmptyEffects,
  ok as kitOk,
  refuse,
} from '@esim-sandbox/emulator';
import type { CatalogIndex } from '../catalog/catalog.js';
import { DEFAULT_SMDP_ADDRESS } from '../state/ids.js';
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
  [K in EsimAccessTaskKind]: KitTaskRequest<K, TaskDataMap[K]>;
}[EsimAccessTaskKind];

export type Effects = KitEffects<EsimAccessWebhookPayload, TaskRequest>;

/** The engine kit's operation context, with what eSIM Access operations read besides. */
export interface OpContext
  extends KitOpContext<EsimAccessAccountState, EsimAccessWebhookPayload, TaskRequest> {
  readonly catalog: CatalogIndex;
  readonly behaviour: EsimAccessBehaviour;
  readonly links: ProfileLinks;
}

export function emptyEffects(): Effects {
  return kitEmptyEffects();
}

export interface OpError {
  readonly code: EsimAccessErrorCode;
  readonly message: string;
}

export type OpResult<T> = KitOpResult<T, OpError>;

export function ok<T>(obj: T): OpResult<T> {
  return kitOk(obj);
}

/** A provider error; the message defaults to the code's text in core's table. */
export function fail(
  code: EsimAccessErrorCode,
  message?: string,
): { readonly ok: false; readonly error: OpError } {
  return refuse({ code, message: message ?? esimAccessErrorCodes[code].meaning });
}

export function schedule<K extends EsimAccessTaskKind>(
  ctx: OpContext,
  kind: K,
  at: number,
  data: TaskDataMap[K],
): void {
  ctx.effects.tasks.push({ kind, at, data } as TaskRequest);
}
