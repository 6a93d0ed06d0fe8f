/**
 * @module
 * `POST /_sandbox/accounts/:account/trigger`: iRoamly sends no webhooks (spec v1.2); what it sends on its own are
 * mails. This makes the fake send one mail of a given kind the way the provider would, composed from the existing
 * operations (purchase, redeem, fail-next, the clock): one table of kind -> steps. The CLI calls this route.
 */
import { IroamlyCode, IroamlyRedeemCodeStatus as S } from '@esim-sandbox/core';
import { z } from 'zod';
import type { OpsConfig } from '../ops/context.js';
import { purchase } from '../ops/purchase.js';
import { startRedemption } from '../ops/redeem.js';
import { type IroamlyTenant, runOp } from '../runtime/runtime.js';
import { fail, type OpResult, ok } from '../state/result.js';
import type { OutboxKind, OutboxMessage } from '../state/types.js';
import { DEFAULT_FAILURE_REASON, failNextRedemptions } from './actions.js';

export const TRIGGER_KINDS = [
  'codes_purchased',
  'qr_redeemed',
  'redemption_failed',
] as const satisfies readonly OutboxKind[];

/** Who the trigger's purchases and redemptions are for, unless the caller names someone. */
export const TRIGGER_EMAIL = 'sandbox-trigger@example.com';

export const triggerInputSchema = z.strictObject({
  type: z.enum(TRIGGER_KINDS),
  /** A code of this account (status 0 or 3) to redeem; without it the trigger purchases one first. */
  redeemCode: z.string().min(1).optional(),
  productCode: z.string().min(1).optional(),
  email: z.email().optional(),
});

export const orderInputSchema = z.strictObject({
  productCode: z.string().min(1),
  quantity: z.number().int().min(1).max(100).default(1),
  email: z.email().default(TRIGGER_EMAIL),
});

type Step = 'purchase' | 'failNext' | 'redeem';

/** Each mail kind and the steps that make the provider send it; a code is purchased first when none is named. */
export const TRIGGERS: Record<(typeof TRIGGER_KINDS)[number], { code: boolean; steps: readonly Step[] }> = {
  codes_purchased: { code: false, steps: ['purchase'] },
  qr_redeemed: { code: true, steps: ['redeem'] },
  redemption_failed: { code: true, steps: ['failNext', 'redeem'] },
};

export interface TriggerResult {
  type: string;
  steps: string[];
  created: { orderId: string; redeemCode: string } | null;
  /** The mails the trigger made the provider send, oldest first. */
  messages: OutboxMessage[];
}

function cheapestProduct(rt: OpsConfig): string | undefined {
  return [...rt.catalog.products].sort((a, b) => a.price - b.price)[0]?.item.productCode;
}

/** Purchases with the provider's own operation (same checks and debit as purchaseCode). */
export function controlPurchase(
  rt: OpsConfig,
  tenant: IroamlyTenant,
  input: z.output<typeof orderInputSchema>,
) {
  const request = {
    email: input.email,
    productList: [{ productCode: input.productCode, quantity: input.quantity }],
  };
  return runOp(rt, tenant, (ctx) => purchase(ctx, request), { persist: true });
}

export async function runTrigger(
  rt: OpsConfig,
  tenant: IroamlyTenant,
  input: z.output<typeof triggerInputSchema>,
): Promise<OpResult<TriggerResult>> {
  const spec = TRIGGERS[input.type];
  const email = input.email ?? TRIGGER_EMAIL;
  const firstMessage = tenant.state.outbox.length;
  const steps: string[] = [];
  let created: TriggerResult['created'] = null;
  let code = input.redeemCode;
  if (code !== undefined && !Object.hasOwn(tenant.state.codes, code))
    return fail(IroamlyCode.REDEEM_CODE_UNAVAILABLE, `${code} does not exist`);
  const plan: Step[] = spec.code && code === undefined ? ['purchase', ...spec.steps] : [...spec.steps];
  for (const step of plan) {
    if (step === 'purchase') {
      const productCode = input.productCode ?? cheapestProduct(rt);
      if (!productCode) return fail(IroamlyCode.PRODUCT_NOT_FOUND, 'the catalogue has no product');
      const order = controlPurchase(rt, tenant, { productCode, quantity: 1, email });
      if (!order.ok) return order;
      code = order.obj.codes[0]!;
      created = { orderId: order.obj.orderId, redeemCode: code };
      steps.push(`purchased 1 x ${productCode} for ${email}: order ${order.obj.orderId}, code ${code}`);
    } else if (step === 'failNext') {
      runOp(rt, tenant, (ctx) => failNextRedemptions(ctx, { count: 1, reason: DEFAULT_FAILURE_REASON }));
      steps.push(`made the next redemption fail (${DEFAULT_FAILURE_REASON})`);
    } else {
      const request = { email, codeList: [{ redeemCode: code! }] };
      const started = runOp(rt, tenant, (ctx) => startRedemption(ctx, request));
      if (!started.ok) {
        if (step === 'redeem' && spec.steps.includes('failNext')) tenant.state.pendingFailures.pop();
        return started;
      }
      steps.push(`redeemed ${code} for ${email}; moved the clock to its completion`);
      await tenant.advanceTo(started.obj.dueAt);
      const status = tenant.state.codes[code!]?.status;
      steps.push(`code ${code} is now status ${status === S.REDEEMED ? '2 (redeemed)' : `${status}`}`);
    }
  }
  tenant.markChanged();
  return ok({
    type: input.type,
    steps,
    created,
    messages: structuredClone(tenant.state.outbox.slice(firstMessage)),
  });
}
