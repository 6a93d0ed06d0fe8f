/**
 * @module
 * What every operation runs against: the engine kit's operation shape (synchronous, checks before it mutates,
 * tasks collected in `effects` for the kit's `runOp` to schedule) with iRoamly's own context fields and task. iRoamly
 * sends no webhooks (spec v1.2), so an operation's webhook list is always empty.
 */
import type { OpContext as KitOpContext, TaskRequest as KitTaskRequest } from '@esim-sandbox/emulator';
import type { Catalog } from '../catalog/catalog.js';
import type { AccountState } from '../state/types.js';
import type { IroamlyBehaviour } from './behaviour.js';

/** The scheduler task kind that completes a redemption at its due time. */
export const REDEMPTION_TASK_KIND = 'iroamly.redemption.complete';
export interface RedemptionTaskData {
  redemptionId: string;
}
export type RedemptionTask = KitTaskRequest<typeof REDEMPTION_TASK_KIND, RedemptionTaskData>;

/** What operations read besides the account: shared by every account of one mock. */
export interface OpsConfig {
  readonly catalog: Catalog;
  readonly behaviour: IroamlyBehaviour;
}

/** The kit's operation context, with what iRoamly operations read besides. */
export interface OpContext extends KitOpContext<AccountState, never, RedemptionTask>, OpsConfig {
  /** Where the request came in (QR links in the mails); undefined outside a request. */
  readonly baseUrl?: string | undefined;
}
