/**
 * @module
 * Figure group 4: webhook fan-out. N/2 profiles each cross 50 % and 80 % of their data, then ONE clock advance
 * delivers the N DATA_USAGE events to a receiver in another process, with the engine's bounded concurrent delivery
 * per account (`webhookConcurrency` attempts in flight; one at a time per order, so per profile, in emit order).
 * The figure is events delivered per second; baseline: the same N payloads POSTed one after another with fetch to
 * the same receiver. Alternating rounds, each from the same restored state.
 *
 * Checked, not assumed (a failure makes `pnpm bench` exit 1): every event arrived (distinct notifyIds, every
 * delivery `delivered`), none twice, and every profile's two events in order.
 */
import { fileURLToPath } from 'node:url';
import { createEsimAccessMock } from '@esim-sandbox/esimaccess-mock';
import { type Figure, roundsFigure } from '../support/figures.js';
import { formatNumber } from '../support/report.js';
import { alternate, summarise } from '../support/rounds.js';
import { PER_ORDER, seedEsimAccessProfiles } from '../support/seed.js';
import { type BenchSettings, wants } from '../support/settings.js';
import { spawnListening } from '../support/spawn.js';

const RECEIVER = fileURLToPath(new URL('../fanout/receiver.ts', import.meta.url));
/** Crossing 50 % and 80 % in one usage report sends two events per profile, in that order. */
const EVENTS_PER_PROFILE = 2;
const USED_FRACTION = 0.8;

/** What the receiver (src/fanout/receiver.ts) reports on GET /stats. */
export interface ReceiverStats {
  received: number;
  unique: number;
  malformed: number;
  outOfOrder: number;
  profiles: number;
}

/** The facts every fan-out round must show. */
export function deliveryChecks(
  expected: { events: number; profiles: number; delivered: number },
  got: ReceiverStats,
): Record<string, boolean> {
  return {
    'zero lost':
      got.unique === expected.events && expected.delivered === expected.events && got.malformed === 0,
    'zero delivered twice': got.received === got.unique,
    'order per profile': got.outOfOrder === 0 && got.profiles === expected.profiles,
  };
}

async function stats(base: string): Promise<ReceiverStats> {
  return (await (await fetch(`${base}/stats`)).json()) as ReceiverStats;
}

async function resetReceiver(base: string): Promise<void> {
  await (await fetch(`${base}/reset`, { method: 'POST' })).arrayBuffer();
}

interface FakeRound {
  eventsPerS: number;
  payloads: string[];
  checks: Record<string, boolean>;
}

async function fanOut(
  events: number,
  receiver: string,
  settings: BenchSettings,
  log: (line: string) => void,
): Promise<Figure> {
  const profiles = Math.ceil(events / EVENTS_PER_PROFILE);
  const total = profiles * EVENTS_PER_PROFILE;
  const mock = createEsimAccessMock({
    seed: 'bench',
    balance: 1e12,
    rateLimit: null,
    clock: 'manual',
    ...(settings.webhookConcurrency === undefined ? {} : { webhookConcurrency: settings.webhookConcurrency }),
    // The log keeps every delivery of the round, so each one's state is checked and its payload replayed.
    webhookLogSize: total,
  });
  const account = mock.control.account();
  log(`fan-out: seeding ${profiles} profiles`);
  await seedEsimAccessProfiles(mock, profiles);
  const seeded = Object.values(account.tenant.state.profiles);
  // Installed and in use before the URL is set, so the measured advance carries exactly the threshold events.
  for (const p of seeded) {
    account.installProfile(p.esimTranNo);
    account.addUsage(p.esimTranNo, 1);
  }
  await account.advance(0);
  const start = account.tenant.snapshot();

  const fakeRound = async (): Promise<FakeRound> => {
    account.tenant.restore(start);
    await resetReceiver(receiver);
    account.tenant.webhooks.setUrl(`${receiver}/hook`);
    for (const p of seeded) account.addUsage(p.esimTranNo, Math.ceil(p.totalVolume * USED_FRACTION));
    const started = performance.now();
    await account.advance(0);
    const seconds = (performance.now() - started) / 1000;
    const deliveries = account.tenant.webhooks.deliveries({ type: 'DATA_USAGE' });
    const delivered = deliveries.filter((d) => d.state === 'delivered').length;
    const checks = deliveryChecks({ events: total, profiles, delivered }, await stats(receiver));
    return {
      eventsPerS: total / seconds,
      payloads: deliveries.map((d) => JSON.stringify(d.payload)),
      checks,
    };
  };
  let payloads: string[] = [];
  // The same bodies, one POST at a time, from this process to the same receiver.
  const baselineRound = async (): Promise<FakeRound> => {
    await resetReceiver(receiver);
    const started = performance.now();
    for (const body of payloads) {
      const res = await fetch(`${receiver}/hook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      await res.arrayBuffer();
    }
    return { eventsPerS: payloads.length / ((performance.now() - started) / 1000), payloads, checks: {} };
  };

  try {
    const samples = await alternate(
      settings.rounds,
      async () => {
        const round = await fakeRound();
        payloads = round.payloads;
        return round;
      },
      baselineRound,
    );
    const rounds = summarise(
      samples.fake.map((r) => r.eventsPerS),
      samples.baseline.map((r) => r.eventsPerS),
    );
    const checks: Record<string, boolean> = {};
    for (const name of Object.keys(samples.fake[0]?.checks ?? {})) {
      checks[name] = samples.fake.every((r) => r.checks[name] === true);
    }
    const f = roundsFigure(
      {
        group: 4,
        name: fanOutName(total),
        unit: 'events/s',
        higherIsBetter: true,
        details: {
          'per event': `${formatNumber(1e6 / rounds.value)} µs`,
          webhookConcurrency: settings.webhookConcurrency ?? "the engine's default",
          'one at a time per order': `${Math.ceil(profiles / PER_ORDER)} orders`,
        },
        checks,
      },
      rounds,
      'sequential fetch POSTs of the same payloads',
    );
    if (f.ratio !== undefined) f.target = { text: '>= 2x sequential fetch', met: f.ratio >= 2 };
    return f;
  } finally {
    await mock.close();
  }
}

function fanOutName(events: number): string {
  return `webhook fan-out, ${events.toLocaleString('en-US')} DATA_USAGE events (2 per profile) on one advance`;
}

export async function fanOutFigures(settings: BenchSettings, log: (line: string) => void): Promise<Figure[]> {
  const sizes = settings.sizes.filter((n) => wants(settings, fanOutName(n)));
  if (sizes.length === 0) return [];
  const receiver = await spawnListening(RECEIVER);
  try {
    const figures: Figure[] = [];
    for (const size of sizes) figures.push(await fanOut(size, receiver.url, settings, log));
    return figures;
  } finally {
    await receiver.stop();
  }
}
