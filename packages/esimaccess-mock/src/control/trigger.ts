/**
 * `POST /_sandbox/accounts/:account/trigger`: makes the fake send one webhook of a given notifyType the way the
 * provider would, by composing the existing control actions (order, allocate, install, usage, the clock). One table
 * says which steps each type takes; the CLI's `trigger` and the dashboard call this one route.
 * @module
 */
import type { WebhookDelivery } from '@esim-sandbox/emulator';
import { z } from 'zod';
import { isDayPass, packageType } from '../catalog/catalog.js';
import { fail, type OpResult, ok } from '../ops/context.js';
import { USAGE_THRESHOLDS } from '../ops/lifecycle.js';
import { placeOrder } from '../ops/order.js';
import { checkHealthWebhook } from '../ops/webhooks.js';
import {
  backgroundLinks,
  contextFor,
  type EsimAccessRuntime,
  type EsimAccessTenant,
  runOp,
} from '../runtime/runtime.js';
import { dataTypeRule } from '../state/data-types.js';
import { DAY_MS } from '../state/time.js';
import type { ProfileRecord } from '../state/types.js';
import { controlAddUsage, controlAllocate, controlDevice, controlInstall } from './actions.js';

export const TRIGGER_TYPES = [
  'CHECK_HEALTH',
  'ORDER_STATUS',
  'SMDP_EVENT',
  'ESIM_STATUS',
  'DATA_USAGE',
  'VALIDITY_USAGE',
] as const;
export type TriggerType = (typeof TRIGGER_TYPES)[number];

export const triggerInputSchema = z.strictObject({
  notifyType: z.enum(TRIGGER_TYPES),
  /** The profile to act on; without it the trigger orders one (and allocates it) first. */
  esimTranNo: z.string().min(1).optional(),
  /** The package of an order the trigger places; default the cheapest base package with usage webhooks. */
  packageCode: z.string().min(1).optional(),
});
export type TriggerInput = z.output<typeof triggerInputSchema>;

export const orderInputSchema = z.strictObject({
  packageCode: z.string().min(1),
  count: z.number().int().min(1).max(100).default(1),
  transactionId: z.string().min(1).max(64).optional(),
});

type Step =
  | 'checkHealth'
  | 'order'
  | 'allocate'
  | 'smdpNext'
  | 'install'
  | 'activate'
  | 'activateOrExpire'
  | 'crossUsage'
  | 'clockToWarning';

/**
 * Each notifyType: whether it acts on a profile (ordered and allocated first when none is given) and its steps.
 * Steps already done (a profile installed, activated) are skipped, so a trigger also works on a profile mid-life.
 */
export const TRIGGERS: Record<TriggerType, { profile: boolean; steps: readonly Step[] }> = {
  CHECK_HEALTH: { profile: false, steps: ['checkHealth'] },
  ORDER_STATUS: { profile: false, steps: ['order', 'allocate'] },
  SMDP_EVENT: { profile: true, steps: ['smdpNext'] },
  ESIM_STATUS: { profile: true, steps: ['install', 'activateOrExpire'] },
  DATA_USAGE: { profile: true, steps: ['install', 'activate', 'crossUsage'] },
  VALIDITY_USAGE: { profile: true, steps: ['install', 'activate', 'clockToWarning'] },
};

export interface TriggerResult {
  notifyType: TriggerType;
  /** What the trigger did, in order, one sentence each. */
  steps: string[];
  /** Set when the trigger ordered a profile itself. */
  created: { orderNo: string; esimTranNo: string | null } | null;
  profile: ProfileRecord | null;
  /** Every webhook the trigger made the fake emit (the requested one among them), after its first attempt. */
  deliveries: WebhookDelivery[];
  /** Why nothing was delivered, when no webhook URL is set. */
  note: string | null;
}

interface Run {
  rt: EsimAccessRuntime;
  tenant: EsimAccessTenant;
  steps: string[];
  orderNo: string | null;
  esimTranNo: string | null;
  packageCode: string | undefined;
  /** Ids of the deliveries the steps emitted, in order. */
  emitted: string[];
}

/** The package a trigger orders when none is named: cheapest base package that sends usage webhooks. */
function defaultPackage(rt: EsimAccessRuntime): string | undefined {
  const candidates = rt.catalog.catalog.packages.filter(
    (p) => packageType(p) === 'BASE' && !isDayPass(p) && dataTypeRule(p.dataType ?? 1).usageWebhooks,
  );
  candidates.sort((a, b) => a.price - b.price);
  return candidates[0]?.packageCode;
}

/** Places an order through the provider's own operation (same checks, debit and allocation as esim/order). */
export function controlOrder(
  rt: EsimAccessRuntime,
  tenant: EsimAccessTenant,
  input: z.output<typeof orderInputSchema>,
) {
  const transactionId =
    input.transactionId ?? `sandbox-${Object.keys(tenant.state.orders).length + 1}-${tenant.clock.now()}`;
  const result = runOp(rt, tenant, backgroundLinks(rt), (ctx) =>
    placeOrder(ctx, {
      transactionId,
      packageInfoList: [{ packageCode: input.packageCode, count: input.count }],
    }),
  );
  if (result.ok) tenant.markChanged();
  return result;
}

function profileOf(run: Run): OpResult<ProfileRecord> {
  const profile = run.esimTranNo ? run.tenant.state.profiles[run.esimTranNo] : undefined;
  return profile ? ok(profile) : fail('310403', `no profile with esimTranNo ${run.esimTranNo ?? ''}`);
}

const SMDP_NEXT = {
  RELEASED: 'DOWNLOAD',
  DOWNLOAD: 'INSTALLATION',
  INSTALLATION: 'ENABLED',
} as const;

async function runStep(run: Run, step: Step): Promise<OpResult<unknown>> {
  const { rt, tenant } = run;
  const ref = { esimTranNo: run.esimTranNo ?? '' };
  switch (step) {
    case 'checkHealth': {
      if (!tenant.webhooks.url) return fail('000105', 'the account has no webhook URL to test');
      const payload = checkHealthWebhook(contextFor(rt, tenant, backgroundLinks(rt)));
      const sent = await tenant.webhooks.deliverNow({
        type: payload.notifyType,
        payload,
        eventId: payload.notifyId ?? undefined,
      });
      if (!run.emitted.includes(sent.delivery.id)) run.emitted.push(sent.delivery.id);
      run.steps.push(`sent the CHECK_HEALTH test to ${tenant.webhooks.url}`);
      return ok(null);
    }
    case 'order': {
      const packageCode = run.packageCode ?? defaultPackage(rt);
      if (!packageCode) return fail('310241', 'the catalogue has no base package to order');
      const placed = controlOrder(rt, tenant, { packageCode, count: 1 });
      if (!placed.ok) return placed;
      run.orderNo = placed.obj.orderNo;
      run.steps.push(`ordered 1 x ${packageCode}: order ${placed.obj.orderNo}`);
      return placed;
    }
    case 'allocate': {
      const allocated = controlAllocate(rt, tenant, run.orderNo ?? '');
      if (!allocated.ok) return allocated;
      run.esimTranNo = allocated.obj.esimTranNos[0] ?? null;
      run.steps.push(`allocated order ${run.orderNo}: profile ${run.esimTranNo}`);
      return allocated;
    }
    case 'smdpNext': {
      const found = profileOf(run);
      if (!found.ok) return found;
      const status = found.obj.smdpStatus;
      if (status in SMDP_NEXT) {
        const until = SMDP_NEXT[status as keyof typeof SMDP_NEXT];
        run.steps.push(`the phone moved profile ${run.esimTranNo} from ${status} to ${until}`);
        return controlInstall(rt, tenant, ref, { until });
      }
      const action = status === 'DISABLED' ? 'reenable' : 'disable';
      run.steps.push(
        `the phone ${action === 'disable' ? 'disabled' : 're-enabled'} profile ${run.esimTranNo}`,
      );
      return controlDevice(rt, tenant, ref, action);
    }
    case 'install': {
      const found = profileOf(run);
      if (!found.ok) return found;
      if (!(found.obj.smdpStatus in SMDP_NEXT)) return ok(null);
      run.steps.push(`the phone installed and enabled profile ${run.esimTranNo}`);
      return controlInstall(rt, tenant, ref);
    }
    case 'activate':
    case 'activateOrExpire': {
      const found = profileOf(run);
      if (!found.ok) return found;
      if (found.obj.activatedAt === null) {
        run.steps.push(`the phone used 1 byte: profile ${run.esimTranNo} activated`);
        return controlAddUsage(rt, tenant, ref, 1);
      }
      if (step === 'activate') return ok(null);
      const expiresAt = found.obj.expiresAt ?? tenant.clock.now();
      run.steps.push(`moved the clock to the end of validity, ${new Date(expiresAt).toISOString()}`);
      await tenant.advanceTo(Math.max(expiresAt, tenant.clock.now()));
      return ok(null);
    }
    case 'crossUsage': {
      const found = profileOf(run);
      if (!found.ok) return found;
      const p = found.obj;
      const next = USAGE_THRESHOLDS.find((t) => !p.usageNotified.includes(t.usedPercent));
      if (!next) return fail('200002', `profile ${p.esimTranNo} has crossed every DATA_USAGE threshold`);
      const bytes = Math.ceil((p.totalVolume * next.usedPercent) / 100) - p.orderUsage;
      run.steps.push(`the phone used ${bytes} bytes: ${next.usedPercent} % of profile ${p.esimTranNo}`);
      return controlAddUsage(rt, tenant, ref, Math.max(1, bytes));
    }
    case 'clockToWarning': {
      const found = profileOf(run);
      if (!found.ok) return found;
      const { expiresAt, validityWarnedFor } = found.obj;
      if (expiresAt === null)
        return fail('200002', `profile ${run.esimTranNo} is not counting down a validity`);
      const warnAt = expiresAt - DAY_MS;
      if (warnAt > tenant.clock.now()) {
        run.steps.push(
          `moved the clock to a day before the end of validity, ${new Date(warnAt).toISOString()}`,
        );
        await tenant.advanceTo(warnAt);
        return ok(null);
      }
      // A package of a day or less warns on activation: already sent, by this trigger or an earlier one.
      return validityWarnedFor === expiresAt
        ? ok(null)
        : fail('200002', `profile ${run.esimTranNo} is past its validity warning`);
    }
  }
}

/**
 * Runs the trigger's steps, then lets the first attempts of what they emitted go out (`advance(0)`), so the answer
 * shows each delivery's first result. A refused step ends the trigger with the provider's code.
 */
export async function runTrigger(
  rt: EsimAccessRuntime,
  tenant: EsimAccessTenant,
  input: TriggerInput,
): Promise<OpResult<TriggerResult>> {
  const spec = TRIGGERS[input.notifyType];
  const run: Run = {
    rt,
    tenant,
    steps: [],
    orderNo: null,
    esimTranNo: input.esimTranNo ?? null,
    packageCode: input.packageCode,
    emitted: [],
  };
  if (input.esimTranNo !== undefined) {
    const found = profileOf(run);
    if (!found.ok) return found;
  }
  const off = tenant.webhooks.subscribe((delivery, change) => {
    if (change === 'emitted' && !run.emitted.includes(delivery.id)) run.emitted.push(delivery.id);
  });
  try {
    const ordersProfile = spec.profile && input.esimTranNo === undefined;
    const steps: readonly Step[] = ordersProfile ? ['order', 'allocate', ...spec.steps] : spec.steps;
    for (const step of steps) {
      const result = await runStep(run, step);
      if (!result.ok) return result;
    }
    await tenant.advance(0);
  } finally {
    off();
  }
  const deliveries = run.emitted.map((id) => tenant.webhooks.get(id));
  const profile = run.esimTranNo ? (tenant.state.profiles[run.esimTranNo] ?? null) : null;
  return ok({
    notifyType: input.notifyType,
    steps: run.steps,
    created: run.orderNo ? { orderNo: run.orderNo, esimTranNo: run.esimTranNo } : null,
    profile: profile && structuredClone(profile),
    deliveries,
    note:
      tenant.webhooks.url === null
        ? 'the account has no webhook URL: nothing was delivered (set one with webhook/save or PUT /_sandbox/accounts/:account/webhooks)'
        : null,
  });
}
