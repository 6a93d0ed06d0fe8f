/**
 * Provider-specific control actions, shared by the typed handle and the `/_sandbox` routes: what a device, the
 * network or the provider's back office would do to an account. Each runs through the kit's `runOp` with `persist`,
 * so the state file keeps what succeeded.
 * @module
 */
import { z } from 'zod';
import { fail, type OpResult, ok } from '../ops/context.js';
import {
  addUsage,
  type DeviceAction,
  deviceAction,
  expireProfile,
  type InstallOptions,
  installProfile,
} from '../ops/device.js';
import { allocateOrder } from '../ops/order.js';
import type { ProfileRef } from '../ops/profiles.js';
import { backgroundLinks, type EsimAccessRuntime, type EsimAccessTenant, runOp } from '../runtime/runtime.js';
import { setBalance } from '../state/money.js';
import type { OrderRecord, ProfileRecord } from '../state/types.js';

export const installInputSchema = z.strictObject({
  until: z.enum(['DOWNLOAD', 'INSTALLATION', 'ENABLED']).optional(),
  eid: z
    .string()
    .regex(/^\d{32}$/, { error: 'must be 32 digits' })
    .optional(),
});
export const usageInputSchema = z.strictObject({
  bytes: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
});
export const balanceInputSchema = z.strictObject({
  balance: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});
export const stockInputSchema = z.strictObject({
  /** null = unlimited. */
  count: z.number().int().min(0).nullable(),
});

const copy = <T>(value: T): T => structuredClone(value);

export function controlInstall(
  rt: EsimAccessRuntime,
  tenant: EsimAccessTenant,
  ref: ProfileRef,
  options: InstallOptions = {},
): OpResult<ProfileRecord> {
  return runOp(rt, tenant, backgroundLinks(rt), (ctx) => installProfile(ctx, ref, options), true);
}

export function controlAddUsage(
  rt: EsimAccessRuntime,
  tenant: EsimAccessTenant,
  ref: ProfileRef,
  bytes: number,
): OpResult<ProfileRecord> {
  return runOp(rt, tenant, backgroundLinks(rt), (ctx) => addUsage(ctx, ref, bytes), true);
}

/** A device disables, re-enables or deletes the profile. */
export function controlDevice(
  rt: EsimAccessRuntime,
  tenant: EsimAccessTenant,
  ref: ProfileRef,
  action: DeviceAction,
): OpResult<ProfileRecord> {
  return runOp(rt, tenant, backgroundLinks(rt), (ctx) => deviceAction(ctx, ref, action), true);
}

export function controlExpire(
  rt: EsimAccessRuntime,
  tenant: EsimAccessTenant,
  ref: ProfileRef,
): OpResult<ProfileRecord> {
  return runOp(rt, tenant, backgroundLinks(rt), (ctx) => expireProfile(ctx, ref), true);
}

/** Allocates an order now instead of waiting for its scheduled allocation (which then finds nothing to do). */
export function controlAllocate(
  rt: EsimAccessRuntime,
  tenant: EsimAccessTenant,
  orderNo: string,
): OpResult<OrderRecord> {
  return runOp(
    rt,
    tenant,
    backgroundLinks(rt),
    (ctx) => {
      const order = ctx.state.orders[orderNo];
      if (!order) return fail('310272', "the orderNo doesn't exist");
      if (order.status !== 'GETTING_RESOURCE') return fail('200002', `order ${orderNo} is already allocated`);
      allocateOrder(ctx, orderNo);
      return ok(order);
    },
    true,
  );
}

export function controlSetBalance(tenant: EsimAccessTenant, balance: number): void {
  setBalance(tenant.state, balance, tenant.clock.now());
  tenant.markChanged();
}

export function controlSetStock(
  rt: EsimAccessRuntime,
  tenant: EsimAccessTenant,
  packageCode: string,
  count: number | null,
): OpResult<{ packageCode: string; count: number | null }> {
  if (!rt.catalog.byCode(packageCode)) return fail('310241', `packageCode does not exist: ${packageCode}`);
  if (count === null) delete tenant.state.stock[packageCode];
  else tenant.state.stock[packageCode] = count;
  tenant.markChanged();
  return ok({ packageCode, count });
}

export function findOrder(tenant: EsimAccessTenant, orderNo: string): OpResult<OrderRecord> {
  const order = tenant.state.orders[orderNo];
  return order ? ok(copy(order)) : fail('310272', "the orderNo doesn't exist");
}

export function findProfileCopy(tenant: EsimAccessTenant, esimTranNo: string): OpResult<ProfileRecord> {
  const profile = tenant.state.profiles[esimTranNo];
  return profile ? ok(copy(profile)) : fail('310403', `no profile with esimTranNo ${esimTranNo}`);
}
