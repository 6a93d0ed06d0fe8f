/**
 * @module
 * Moves several scenarios share: read the balance, pick a package to buy, order and wait for allocation (by moving
 * the virtual clock, as the provider allocates asynchronously), and find webhooks of a type.
 */
import type { EsimAccessPackage, EsimAccessProfile } from '@esim-sandbox/core';
import { usd } from '../src/format.js';
import type { EsimAccessSide } from '../src/scenario/sides.js';
import { check, type ScenarioContext } from './steps.js';

/** The provider allocates within ~30 s; the clock is moved this far after an order. */
export const ALLOCATION_WAIT_MS = 30_000;

/** The balance as a step (shown in USD), for comparing with a later one. */
export function balanceStep(ctx: ScenarioContext, esim: EsimAccessSide): Promise<{ balance: number }> {
  return ctx.step(
    'get the balance',
    () => esim.client.getBalance(),
    (b) => usd(b.balance),
  );
}

/** A fixed-data base package of `location` that can be topped up. */
export async function pickPackage(
  ctx: ScenarioContext,
  esim: EsimAccessSide,
  location = 'JP',
): Promise<EsimAccessPackage> {
  return ctx.step(
    `list ${location} base packages`,
    async () => {
      const packages = await esim.client.listPackages({ locationCode: location, type: 'BASE' });
      const pkg = packages.find((p) => p.supportTopUpType !== 1 && (p.dataType ?? 1) === 1);
      check(pkg, `no top-up-able fixed-data package for ${location} among ${packages.length}`);
      return pkg;
    },
    (p) => `${p.packageCode} "${p.name}" at ${usd(p.price)}`,
  );
}

/** Orders `count` profiles of `pkg`, moves the clock past allocation, and returns them. */
export async function orderProfiles(
  ctx: ScenarioContext,
  esim: EsimAccessSide,
  pkg: EsimAccessPackage,
  count: number,
  transactionId: string,
): Promise<{ orderNo: string; profiles: EsimAccessProfile[] }> {
  const { orderNo } = await ctx.step(
    `order ${count} × ${pkg.packageCode}`,
    () =>
      esim.client.order({
        transactionId,
        amount: pkg.price * count,
        packageInfoList: [{ packageCode: pkg.packageCode, count, price: pkg.price }],
      }),
    (o) => `orderNo ${o.orderNo}`,
  );
  await ctx.step(
    `advance the clock ${ALLOCATION_WAIT_MS / 1000} s (allocation)`,
    () => esim.control.advance(ALLOCATION_WAIT_MS),
    () => 'done',
  );
  const profiles = await ctx.step(
    'query the order’s profiles',
    async () => {
      const list = [];
      for await (const profile of esim.client.iterateProfiles({ orderNo })) list.push(profile);
      check(list.length === count, `expected ${count} profiles, got ${list.length}`);
      return list;
    },
    (list) => list.map((p) => `${p.esimTranNo} ${p.esimStatus}/${p.smdpStatus}`).join(', '),
  );
  return { orderNo, profiles };
}

/** The payload `notifyType`s the sink received, in order. */
export async function receivedTypes(esim: EsimAccessSide): Promise<string[]> {
  return (await esim.sink.received()).map((m) => m.type ?? 'INVALID');
}

/**
 * After seconds of synchronous work (PGlite compiles its WebAssembly), keep-alive sockets may have timed out on the
 * server's side without the client having seen it; a request sent at once would go out on one and fail with
 * ECONNRESET. A few turns of the event loop let both sides close them first.
 */
export async function settleSockets(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
}
