/**
 * Test helper: a fresh eSIM Access account of a playground filled with `count` allocated profiles through the
 * honest path (signed esim/order requests, the virtual clock allocating), with the account's rate limit lifted so
 * 10,000 profiles take seconds rather than the live 8 requests per second.
 */
import { EsimAccessClient } from '@esim-sandbox/core';
import type { Playground } from '../src/server/playground.js';

/** The provider allocates at most this many eSIMs per order. */
const PER_ORDER = 30;
/** esimTranNo carries a 4-digit sequence per virtual minute: move the clock on before it runs out. */
const PER_MINUTE = 3_000;

async function control(base: string, path: string, method: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${base}/_sandbox${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

export async function seedProfiles(playground: Playground, count: number): Promise<string> {
  const base = playground.config.providers.esimaccess.baseUrl;
  const { id, key, secret } = (await control(base, '/accounts', 'POST', { params: { balance: 1e12 } })) as {
    id: string;
    key: string;
    secret: string;
  };
  const account = `/accounts/${encodeURIComponent(id)}`;
  await control(base, `${account}/rate-limit`, 'PUT', null);
  const client = new EsimAccessClient({
    accessCode: key,
    secretKey: secret,
    baseUrl: base,
    rateLimit: false,
  });
  const [cheapest] = (await client.listPackages({ type: 'BASE' })).sort((a, b) => a.price - b.price);
  let ordered = 0;
  let inMinute = 0;
  while (ordered < count) {
    const n = Math.min(PER_ORDER, count - ordered);
    await client.order({
      transactionId: `seed-${ordered}`,
      packageInfoList: [{ packageCode: cheapest!.packageCode, count: n }],
    });
    ordered += n;
    inMinute += n;
    if (inMinute >= PER_MINUTE) {
      await control(base, `${account}/clock/advance`, 'POST', { ms: 60_000 });
      inMinute = 0;
    }
  }
  await control(base, `${account}/clock/advance`, 'POST', { ms: 60_000 });
  return id;
}
