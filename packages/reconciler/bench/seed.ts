/**
 * Fills an eSIM Access mock with N allocated profiles the honest way: `esim/order` requests of 30 (the provider's
 * maximum) through core's client, in process (no HTTP, no rate limit), then the mock's own allocation. A share of
 * the profiles is installed and used through the control handle, so the sync meets more than one state.
 */
import { EsimAccessClient } from '@esim-sandbox/core';
import { createEsimAccessMock, type EsimAccessMock, isDayPass } from '@esim-sandbox/esimaccess-mock';

const PER_ORDER = 30;
/** esimTranNos carry a 4-digit sequence per minute: allocate at most this many profiles per virtual minute. */
const PER_MINUTE = 9_000;
const MINUTE = 60_000;

export interface SeededMock {
  mock: EsimAccessMock;
  /** The mock's virtual time once seeded (its clock is manual and stays there): requests are signed with it. */
  virtualNow: number;
  orders: number;
  installed: number;
  used: number;
  /** Profiles ever activated, by the mock's own record: the only ones that can have used data. */
  activated: number;
}

export async function seedMock(profiles: number, seed: string): Promise<SeededMock> {
  const mock = createEsimAccessMock({
    clock: 'manual',
    seed,
    balance: Number.MAX_SAFE_INTEGER,
    // Only the journal's last entries are ever read; pages of profiles are large.
    journalSize: 10,
    // A benchmark: the sync's own pace is measured (with and without core's throttle), not the fake's 8 req/s limit.
    rateLimit: null,
    // The seeding and the sync worker's clients sign with the fake's virtual clock (see `virtualNow`).
    auth: { timestampClock: 'virtual' },
  });
  const control = mock.control.account();
  const client = new EsimAccessClient({
    accessCode: mock.accessCode,
    secretKey: mock.secretKey,
    fetch: (url, init) => mock.fetch(new Request(url, init)),
    now: () => control.tenant.clock.now(),
    rateLimit: false,
    retry: false,
  });
  const pkg = (await client.listPackages()).find((p) => !isDayPass(p) && p.activeType === 2);
  if (!pkg) throw new Error('the generated catalogue has no activate-on-use package');
  let placed = 0;
  let orders = 0;
  while (placed < profiles) {
    const minuteEnd = Math.min(profiles, placed + PER_MINUTE);
    while (placed < minuteEnd) {
      const count = Math.min(PER_ORDER, minuteEnd - placed);
      await client.order({
        transactionId: `bench-${orders}`,
        packageInfoList: [{ packageCode: pkg.packageCode, count, price: pkg.price }],
      });
      placed += count;
      orders += 1;
    }
    await control.advance(MINUTE);
  }
  let installed = 0;
  let used = 0;
  for (const [i, esimTranNo] of Object.keys(control.tenant.state.profiles).entries()) {
    if (i % 4 !== 0) continue;
    control.installProfile(esimTranNo);
    installed += 1;
    if (i % 8 === 0) {
      control.addUsage(esimTranNo, 1 + ((i * 7919) % Math.floor(pkg.volume / 2)));
      used += 1;
    }
  }
  const activated = Object.values(control.tenant.state.profiles).filter((p) => p.activatedAt !== null).length;
  return { mock, virtualNow: control.tenant.clock.now(), orders, installed, used, activated };
}
