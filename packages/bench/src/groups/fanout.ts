/**
 * @module
 * Figure group 4: webhook fan-out. N profiles cross their 50 % data threshold, then ONE clock advance delivers the
 * N DATA_USAGE events to a receiver in another process; the figure is events delivered per second, with every
 * event accounted for (distinct notifyIds received, none failed or pending). Baseline: the same N payloads POSTed
 * one after another with fetch to the same receiver (the engine also delivers one at a time, in time order).
 */
import { fileURLToPath } from 'node:url';
import { createEsimAccessMock } from '@esim-sandbox/esimaccess-mock';
import { type Figure, figure } from '../support/figures.js';
import { seedEsimAccessProfiles } from '../support/seed.js';
import type { BenchSettings } from '../support/settings.js';
import { spawnListening } from '../support/spawn.js';

const RECEIVER = fileURLToPath(new URL('../fanout/receiver.ts', import.meta.url));

interface ReceiverStats {
  received: number;
  unique: number;
  malformed: number;
}

async function stats(base: string): Promise<ReceiverStats> {
  return (await (await fetch(`${base}/stats`)).json()) as ReceiverStats;
}

async function fanOut(size: number, receiver: string, log: (line: string) => void): Promise<Figure> {
  const mock = createEsimAccessMock({ seed: 'bench', balance: 1e12, rateLimit: null, clock: 'manual' });
  const account = mock.control.account();
  log(`fan-out: seeding ${size} profiles`);
  await seedEsimAccessProfiles(mock, size);
  const profiles = Object.values(account.tenant.state.profiles);
  // Installed and in use before the URL is set, so the measured advance carries exactly one event per profile.
  for (const p of profiles) {
    account.installProfile(p.esimTranNo);
    account.addUsage(p.esimTranNo, 1);
  }
  await account.advance(0);
  await fetch(`${receiver}/reset`, { method: 'POST' });
  account.tenant.webhooks.setUrl(`${receiver}/hook`);

  const queued = performance.now();
  for (const p of profiles) account.addUsage(p.esimTranNo, Math.ceil(p.totalVolume / 2));
  const queueMs = performance.now() - queued;

  const started = performance.now();
  await account.advance(0);
  const seconds = (performance.now() - started) / 1000;

  const got = await stats(receiver);
  const deliveries = account.tenant.webhooks.deliveries({ type: 'DATA_USAGE' });
  const delivered = deliveries.filter((d) => d.state === 'delivered').length;
  const lost = size - got.unique;
  const payloads = deliveries.map((d) => JSON.stringify(d.payload));
  await mock.close();

  // Baseline: the same bodies, one POST at a time, from this process to the same receiver.
  await fetch(`${receiver}/reset`, { method: 'POST' });
  const baseStarted = performance.now();
  for (const body of payloads) {
    const res = await fetch(`${receiver}/hook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    await res.arrayBuffer();
  }
  const baseSeconds = (performance.now() - baseStarted) / 1000;

  return figure({
    group: 4,
    name: `webhook fan-out, ${size.toLocaleString('en-US')} profiles cross 50 % on one advance`,
    value: size / seconds,
    unit: 'events/s',
    higherIsBetter: true,
    baseline: { name: 'sequential fetch POSTs of the same payloads', value: payloads.length / baseSeconds },
    details: {
      delivered,
      lost,
      'received twice': got.received - got.unique,
      'queueing the events': `${Math.round(queueMs)} ms`,
    },
    target: { text: 'zero losses', met: lost === 0 && delivered === size && got.malformed === 0 },
  });
}

export async function fanOutFigures(settings: BenchSettings, log: (line: string) => void): Promise<Figure[]> {
  const receiver = await spawnListening(RECEIVER);
  try {
    const figures: Figure[] = [];
    for (const size of settings.sizes) figures.push(await fanOut(size, receiver.url, log));
    return figures;
  } finally {
    await receiver.stop();
  }
}
