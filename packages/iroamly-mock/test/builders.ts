/**
 * Small builders shared by the domain tests: a pinned context, a funded account, a purchase in one call.
 */

import type { IroamlyPurchaseCodeRequest } from '@esim-sandbox/core';
import { emptyEffects, Random } from '@esim-sandbox/emulator';
import type { Catalog } from '../src/catalog/catalog.js';
import { generateCatalog } from '../src/catalog/generate.js';
import { type IroamlyBehaviourOptions, resolveBehaviour } from '../src/ops/behaviour.js';
import type { OpContext } from '../src/ops/context.js';
import { purchase } from '../src/ops/purchase.js';
import type { OpResult } from '../src/state/result.js';
import { type AccountState, createAccountState } from '../src/state/types.js';

/** 2024-06-01T12:00:00Z */
export const T0 = Date.UTC(2024, 5, 1, 12);
export const DAY = 86_400_000;

/** The engine's seeded generator: the same one a tenant hands the operations. */
export function testRng(seed = 'test'): Random {
  return new Random(seed);
}

export const smallCatalog: Catalog = generateCatalog({ seed: 7, countries: 3, regional: true });

/** An operation context without its account: {@link on} binds one. */
export type TestContext = Omit<OpContext, 'state' | 'effects'>;

export function makeContext(
  overrides: Omit<Partial<TestContext>, 'behaviour'> & { behaviour?: IroamlyBehaviourOptions } = {},
) {
  const { behaviour, ...rest } = overrides;
  const ctx: TestContext = {
    now: T0,
    rng: testRng(),
    catalog: smallCatalog,
    ...rest,
    behaviour: resolveBehaviour(behaviour),
  };
  return ctx;
}

/** The context of one operation on `state`, collecting its effects afresh. */
export function on(state: AccountState, ctx: TestContext = makeContext()): OpContext {
  return { ...ctx, state, effects: emptyEffects() };
}

/** The value of an operation that cannot refuse; a refusal fails the test. */
export function value<T>(result: OpResult<T>): T {
  if (!result.ok) throw new Error(`refused: ${result.error.msg}`);
  return result.obj;
}

export function account(balance = 100_000): AccountState {
  return createAccountState({ balance });
}

/** The n-th product of the small catalogue (throws when the catalogue is smaller, which is a test bug). */
export function product(n = 0) {
  const p = smallCatalog.products[n];
  if (!p) throw new Error(`smallCatalog has no product #${n}`);
  return p;
}

export function purchaseRequest(
  lines: { n?: number; productCode?: string; quantity?: number }[] = [{}],
  email = 'buyer@example.com',
): IroamlyPurchaseCodeRequest {
  return {
    email,
    productList: lines.map((l) => ({
      productCode: l.productCode ?? product(l.n ?? 0).item.productCode,
      quantity: l.quantity ?? 1,
    })),
  };
}

/** Buys `quantity` of product 0 and returns the issued codes; fails the test if the purchase fails. */
export function buyCodes(state: AccountState, ctx: TestContext, quantity = 1): string[] {
  const result = purchase(on(state, ctx), purchaseRequest([{ quantity }]));
  if (!result.ok) throw new Error(`purchase failed: ${result.error.msg}`);
  return result.obj.codes;
}
