/**
 * Scheduled work, by task kind. Tasks are plain data and may be stale by the time they fire (a profile activated
 * before its unused deadline, validity pushed out by a top-up): each handler re-checks the state and does nothing
 * when its moment has passed, so no task ever needs cancelling.
 * @module
 */
import type { EsimAccessTaskKind, OpContext, TaskDataMap } from './context.js';
import { checkMove, moveProfile, renewDailyAllowance, warnValidity } from './lifecycle.js';
import { allocateOrder } from './order.js';

type TaskHandlers = { [K in EsimAccessTaskKind]: (ctx: OpContext, data: TaskDataMap[K]) => void };

export const esimAccessTaskHandlers: TaskHandlers = {
  'esimaccess.allocate': (ctx, { orderNo }) => allocateOrder(ctx, orderNo),

  'esimaccess.expire-unused': (ctx, { esimTranNo }) => {
    const profile = ctx.state.profiles[esimTranNo];
    if (!profile || profile.activatedAt !== null || profile.unusedExpiresAt > ctx.now) return;
    if (!checkMove(ctx, profile, 'expireUnused')) moveProfile(ctx, profile, 'expireUnused');
  },

  'esimaccess.expire-used': (ctx, { esimTranNo, expiresAt }) => {
    const profile = ctx.state.profiles[esimTranNo];
    if (!profile || profile.expiresAt !== expiresAt) return;
    if (!checkMove(ctx, profile, 'expireUsed')) moveProfile(ctx, profile, 'expireUsed');
  },

  'esimaccess.validity-warning': (ctx, { esimTranNo, expiresAt }) => {
    const profile = ctx.state.profiles[esimTranNo];
    if (profile?.expiresAt === expiresAt) warnValidity(ctx, profile);
  },

  'esimaccess.daily-reset': (ctx, { esimTranNo, at }) => {
    const profile = ctx.state.profiles[esimTranNo];
    if (profile?.usageResetAt === at) renewDailyAllowance(ctx, profile);
  },
};

export const ESIM_ACCESS_TASK_KINDS = Object.keys(esimAccessTaskHandlers) as EsimAccessTaskKind[];

export function isEsimAccessTaskKind(kind: string): kind is EsimAccessTaskKind {
  return Object.hasOwn(esimAccessTaskHandlers, kind);
}

/** Runs one task by kind; unknown kinds are ignored (they belong to the engine or another provider). */
export function runEsimAccessTask(ctx: OpContext, kind: string, data: unknown): void {
  if (!isEsimAccessTaskKind(kind)) return;
  // The data was written by `schedule` for this very kind.
  (esimAccessTaskHandlers[kind] as (ctx: OpContext, data: unknown) => void)(ctx, data);
}
