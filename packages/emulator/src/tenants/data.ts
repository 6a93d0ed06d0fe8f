/**
 * @module
 * The plain-JSON data that defines one account. Snapshots, restore and the state file are this shape.
 */
import type { ChaosData } from '../chaos/state.js';
import type { ClockData } from '../clock/clock.js';
import type { Task } from '../clock/scheduler.js';
import type { FaultRule } from '../faults/faults.js';
import type { RateLimitConfig } from '../ratelimit/limiter.js';
import type { WebhookData } from '../webhooks/types.js';

export const TENANT_DATA_VERSION = 1;

export interface TenantData<S, P = unknown> {
  version: typeof TENANT_DATA_VERSION;
  /** The account id is its key (access code / AuthKey). */
  id: string;
  key: string;
  /** '[REDACTED]' in snapshots shown through the control API. */
  secret: string;
  /** Provider-specific options the account was created with (kept so reset() rebuilds the same account). */
  params: P | undefined;
  /** The provider's own state. */
  state: S;
  clock: ClockData;
  tasks: Task[];
  /** Counter behind task, fault and delivery ids. */
  seq: number;
  /** Seeded generator states: provider data, and fault coin flips (separate so a fault never shifts ids). */
  random: number;
  faultRandom: number;
  faults: FaultRule[];
  rateLimit: RateLimitConfig | null;
  webhooks: WebhookData;
  /** Absent in state files and snapshots written before chaos existed (the tenant fills it in). */
  chaos?: ChaosData;
}

/** A snapshot is the tenant's data; restore() keeps the target account's id and credentials. */
export type TenantSnapshot<S, P = unknown> = TenantData<S, P>;
