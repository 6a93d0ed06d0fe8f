/**
 * @module
 * Chaos profiles: the strict schema a user's JSON profile must pass, the built-in profiles as one table, and the
 * setting (`{ profile, seed }`) the option, the in-process handle and the control API all validate with.
 */
import { z } from 'zod';

const rate = z.number().min(0).max(1);

/** A rule that fires at `rate` and then draws a duration uniformly in [minMs, maxMs]. */
const window = (maxMs: number) =>
  z
    .strictObject({
      rate,
      minMs: z.number().int().min(0).max(maxMs),
      maxMs: z.number().int().min(0).max(maxMs),
    })
    .refine((w) => w.minMs <= w.maxMs, { message: 'minMs must not exceed maxMs', path: ['minMs'] });

export const chaosProfileSchema = z.strictObject({
  name: z.string().min(1).max(64),
  description: z.string().max(500).optional(),
  /** Faults of provider requests; each bare number is the share of requests it hits. */
  api: z
    .strictObject({
      /** The provider's "system busy" answer (eSIM Access 900001). */
      busy: rate.optional(),
      /** The provider's server error code, or a 502/503/504 from a load balancer with a non-JSON body. */
      serverError: rate.optional(),
      /** The provider's throttling answer for `length` requests in a row. */
      rateLimitBurst: z.strictObject({ rate, length: z.number().int().min(1).max(100) }).optional(),
      /** The connection is dropped before the request is handled (nothing written). */
      drop: rate.optional(),
      /** Write requests only: the change is made and saved, then the connection is dropped instead of answering. */
      timeoutAfterWrite: rate.optional(),
      /** REAL ms slept before handling (it is about the client's timeouts). */
      latency: window(60_000).optional(),
    })
    .optional(),
  /** Faults of webhook events, decided when the provider emits one. */
  webhooks: z
    .strictObject({
      drop: rate.optional(),
      duplicate: rate.optional(),
      /** First attempt postponed by a VIRTUAL duration. */
      delay: window(86_400_000).optional(),
      reorder: rate.optional(),
      lateAfterPoll: rate.optional(),
    })
    .optional(),
  /** Provider streams: asynchronous steps a provider slows down by a VIRTUAL duration added to its own. */
  streams: z.strictObject({ allocation: window(3_600_000).optional() }).optional(),
});

export type ChaosProfile = z.infer<typeof chaosProfileSchema>;
export type ChaosProfileName = 'gentle' | 'realistic' | 'hostile';

/**
 * The built-in profiles. `realistic` is what a well-written integration (retries per the provider's rules,
 * idempotent webhook handling, a poll when a webhook is late) must survive: see the engine README's Chaos section.
 */
export const CHAOS_PROFILES: Readonly<Record<ChaosProfileName, ChaosProfile>> = {
  gentle: {
    name: 'gentle',
    description: 'Rare faults: a retry now and then, an occasional duplicate or late webhook.',
    api: {
      busy: 0.005,
      serverError: 0.002,
      rateLimitBurst: { rate: 0.002, length: 2 },
      drop: 0.002,
      timeoutAfterWrite: 0.001,
      latency: { rate: 0.02, minMs: 5, maxMs: 50 },
    },
    webhooks: {
      duplicate: 0.02,
      delay: { rate: 0.02, minMs: 1_000, maxMs: 10_000 },
      reorder: 0.01,
      lateAfterPoll: 0.01,
    },
    streams: { allocation: { rate: 0.05, minMs: 1_000, maxMs: 8_000 } },
  },
  realistic: {
    name: 'realistic',
    description:
      'What production shows: ~1-3 % API faults, ~2-10 % webhook faults, allocation up to the documented ~30 s.',
    api: {
      busy: 0.01,
      serverError: 0.005,
      rateLimitBurst: { rate: 0.005, length: 3 },
      drop: 0.005,
      timeoutAfterWrite: 0.003,
      latency: { rate: 0.05, minMs: 20, maxMs: 250 },
    },
    webhooks: {
      drop: 0.02,
      duplicate: 0.05,
      delay: { rate: 0.1, minMs: 2_000, maxMs: 60_000 },
      reorder: 0.05,
      lateAfterPoll: 0.05,
    },
    streams: { allocation: { rate: 0.1, minMs: 3_000, maxMs: 28_000 } },
  },
  hostile: {
    name: 'hostile',
    description:
      'A bad day: frequent API faults and throttling, webhooks often lost, doubled, late or out of order.',
    api: {
      busy: 0.05,
      serverError: 0.03,
      rateLimitBurst: { rate: 0.02, length: 5 },
      drop: 0.03,
      timeoutAfterWrite: 0.03,
      latency: { rate: 0.2, minMs: 50, maxMs: 1_500 },
    },
    webhooks: {
      drop: 0.1,
      duplicate: 0.2,
      delay: { rate: 0.3, minMs: 5_000, maxMs: 600_000 },
      reorder: 0.2,
      lateAfterPoll: 0.2,
    },
    streams: { allocation: { rate: 0.3, minMs: 10_000, maxMs: 58_000 } },
  },
};

const profileNames = Object.keys(CHAOS_PROFILES) as [ChaosProfileName, ...ChaosProfileName[]];

/** What the control API's PUT takes: a built-in name or a whole profile, and a seed. */
export const chaosSettingSchema = z.strictObject({
  profile: z.union([z.enum(profileNames), chaosProfileSchema], {
    error: `expected one of ${profileNames.join(', ')} or a profile object`,
  }),
  seed: z.union([z.string().min(1).max(200), z.number().int()], {
    error: 'expected a seed: text of 1 to 200 characters or an integer',
  }),
});

/** The `chaos` option: the setting, and the report file the harness or a command line passes in. */
export const chaosOptionSchema = chaosSettingSchema.extend({ report: z.string().min(1).optional() });

export interface ChaosSetting {
  profile: ChaosProfileName | ChaosProfile;
  seed: string | number;
  /** File the engine appends one JSON line to per injected fault (the runner's `ESIM_SANDBOX_CHAOS_REPORT`). */
  report?: string;
}

/** A setting as an account keeps it: the profile object itself and the seed as text. */
export interface ResolvedChaos {
  profile: ChaosProfile;
  seed: string;
}

export function resolveChaos(setting: z.output<typeof chaosSettingSchema>): ResolvedChaos {
  const profile = typeof setting.profile === 'string' ? CHAOS_PROFILES[setting.profile] : setting.profile;
  return { profile: structuredClone(profile), seed: String(setting.seed) };
}
