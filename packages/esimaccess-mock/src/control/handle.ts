/**
 * The typed, in-process twin of the control routes: `mock.control.account().installProfile(esimTranNo)`.
 * Failures throw {@link EsimAccessControlError} carrying the provider's code.
 * @module
 */
import { EsimSandboxError } from '@esim-sandbox/core';
import {
  type AccountControl,
  accountControl as baseControl,
  parseOrThrow,
  unwrap as unwrapOp,
} from '@esim-sandbox/emulator';
import { setAuth } from '../http/auth.js';
import type { OpResult } from '../ops/context.js';
import type { InstallOptions } from '../ops/device.js';
import type { EsimAccessAccountParams, EsimAccessAuthOptions } from '../runtime/options.js';
import type { EsimAccessEmulator, EsimAccessRuntime, EsimAccessTenant } from '../runtime/runtime.js';
import type { EsimAccessAccountState, OrderRecord, ProfileRecord } from '../state/types.js';
import {
  balanceInputSchema,
  controlAddUsage,
  controlAllocate,
  controlDevice,
  controlExpire,
  controlInstall,
  controlSetBalance,
  controlSetStock,
  findOrder,
  findProfileCopy,
  usageInputSchema,
} from './actions.js';

/** `code` is the provider's code for the refusal: 200002 (lifecycle), 310403 (profile), 310272 (order), 310241 (package). */
export class EsimAccessControlError extends EsimSandboxError {
  constructor(code: string, message: string) {
    super(code, message);
  }
}

function unwrap<T>(result: OpResult<T>): T {
  return unwrapOp(result, (error) => new EsimAccessControlError(error.code, error.message));
}

/** The kit's account control (tenant, state, advance, webhookDeliveries) and eSIM Access's verbs. */
export interface EsimAccessAccountControl
  extends AccountControl<EsimAccessAccountState, EsimAccessAccountParams> {
  readonly accessCode: string;
  readonly secretKey: string;
  order(orderNo: string): OrderRecord;
  profile(esimTranNo: string): ProfileRecord;
  /** Allocates an order now, without waiting for the allocation delay. */
  allocate(orderNo: string): OrderRecord;
  /** A device downloads, installs and enables the profile (or stops at `until`). */
  installProfile(esimTranNo: string, options?: InstallOptions): ProfileRecord;
  /** The device disables the profile (SMDP_EVENT DISABLED); it uses no data until enabled again. */
  disableProfile(esimTranNo: string): ProfileRecord;
  /** The device enables a disabled profile again (SMDP_EVENT ENABLED). */
  enableProfile(esimTranNo: string): ProfileRecord;
  /** The user deletes the profile from the device (SMDP_EVENT DELETED); it cannot come back. */
  deleteProfile(esimTranNo: string): ProfileRecord;
  /** The device uses `bytes` of data. */
  addUsage(esimTranNo: string, bytes: number): ProfileRecord;
  /** Ends the unused period (never activated) or the validity (activated) now. */
  expireProfile(esimTranNo: string): ProfileRecord;
  setBalance(balance: number): void;
  /** Profiles left for a package; null = unlimited. */
  setStock(packageCode: string, count: number | null): void;
}

export interface EsimAccessControl {
  /** The auth settings every account shares (what `GET /_sandbox/auth` answers). */
  auth(): Readonly<EsimAccessAuthOptions>;
  /** Changes the fields given (as `PUT /_sandbox/auth`); throws INVALID_ARGUMENT naming a bad field. */
  setAuth(patch: Partial<EsimAccessAuthOptions>): Readonly<EsimAccessAuthOptions>;
  /** By id (= access code) or 'default'. */
  account(id?: string): EsimAccessAccountControl;
  createAccount(options?: {
    accessCode?: string;
    secretKey?: string;
    params?: EsimAccessAccountParams;
  }): EsimAccessAccountControl;
}

function accountControl(rt: EsimAccessRuntime, tenant: EsimAccessTenant): EsimAccessAccountControl {
  return {
    ...baseControl(tenant),
    accessCode: tenant.key,
    secretKey: tenant.secret,
    order: (orderNo) => unwrap(findOrder(tenant, orderNo)),
    profile: (esimTranNo) => unwrap(findProfileCopy(tenant, esimTranNo)),
    allocate: (orderNo) => unwrap(controlAllocate(rt, tenant, orderNo)),
    installProfile: (esimTranNo, options) => unwrap(controlInstall(rt, tenant, { esimTranNo }, options)),
    disableProfile: (esimTranNo) => unwrap(controlDevice(rt, tenant, { esimTranNo }, 'disable')),
    enableProfile: (esimTranNo) => unwrap(controlDevice(rt, tenant, { esimTranNo }, 'reenable')),
    deleteProfile: (esimTranNo) => unwrap(controlDevice(rt, tenant, { esimTranNo }, 'delete')),
    addUsage: (esimTranNo, bytes) =>
      unwrap(controlAddUsage(rt, tenant, { esimTranNo }, parseOrThrow(usageInputSchema, { bytes }).bytes)),
    expireProfile: (esimTranNo) => unwrap(controlExpire(rt, tenant, { esimTranNo })),
    setBalance: (balance) => controlSetBalance(tenant, parseOrThrow(balanceInputSchema, { balance }).balance),
    setStock: (packageCode, count) => {
      unwrap(controlSetStock(rt, tenant, packageCode, count));
    },
  };
}

export function createControlHandle(rt: EsimAccessRuntime, emulator: EsimAccessEmulator): EsimAccessControl {
  return {
    auth: () => rt.auth,
    setAuth: (patch) => setAuth(rt, patch),
    account: (id) => accountControl(rt, emulator.account(id)),
    createAccount: (options = {}) =>
      accountControl(
        rt,
        emulator.createAccount({
          ...(options.accessCode === undefined ? {} : { key: options.accessCode }),
          ...(options.secretKey === undefined ? {} : { secret: options.secretKey }),
          ...(options.params === undefined ? {} : { params: options.params }),
        }),
      ),
  };
}
