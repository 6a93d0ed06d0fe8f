/**
 * Fidelity profiles: one table of the defaults that differ between what the live API is known to do and what the
 * provider's documents say. `live` (the default) is the mock's promise: code that works in production works here.
 * `documented` is the stricter reading of the documents, for integrations that want to be held to them. Every
 * per-behaviour option (`auth.signature`, `rateLimit`...) overrides its profile's value.
 * @module
 */
import type { RateLimitConfig } from '@esim-sandbox/emulator';

export const ESIM_ACCESS_FIDELITY_PROFILES = ['live', 'documented'] as const;
export type EsimAccessFidelity = (typeof ESIM_ACCESS_FIDELITY_PROFILES)[number];

/**
 * - `access-code-only`: RT-AccessCode alone is accepted (the documented "key in header" mode, which the live API
 *   accepts); a request that carries RT-Signature is verified like in `hmac` mode.
 * - `hmac`: RT-AccessCode, RT-Timestamp, RT-RequestID and RT-Signature are all required and checked (the
 *   documents' header table).
 * - `unverified`: only RT-AccessCode is checked; the signature headers are ignored, as one live integration
 *   recorded a signature made with the wrong key being accepted.
 */
export const ESIM_ACCESS_SIGNATURE_MODES = ['access-code-only', 'hmac', 'unverified'] as const;
export type EsimAccessSignatureMode = (typeof ESIM_ACCESS_SIGNATURE_MODES)[number];

/**
 * What RT-Timestamp is compared with (and what the single-use RT-RequestID memory runs on):
 * - `caller`: `Date.now()` read at check time: the wall clock over HTTP, and in process whatever the test runner's
 *   fake timers made of `Date.now`, i.e. the clock a client signs with unless told otherwise.
 * - `virtual`: the account's virtual clock, for clients that sign with the fake's clock (`now: () => clock.now()`).
 */
export const ESIM_ACCESS_TIMESTAMP_CLOCKS = ['caller', 'virtual'] as const;
export type EsimAccessTimestampClock = (typeof ESIM_ACCESS_TIMESTAMP_CLOCKS)[number];

export interface EsimAccessFidelityDefaults {
  signature: EsimAccessSignatureMode;
  timestampClock: EsimAccessTimestampClock;
  /** Per access code, over real time; null = off. */
  rateLimit: RateLimitConfig | null;
  /** `behaviour.strictInput`: null, "" and empty bodies read as the documents say (see http/lenient.ts). */
  strictInput: boolean;
}

/** The provider's 8 requests per second (spec section 1; NOTES 1.1, H). */
const PROVIDER_RATE_LIMIT: RateLimitConfig = { limit: 8, windowMs: 1000 };

export const FIDELITY_DEFAULTS: Readonly<Record<EsimAccessFidelity, Readonly<EsimAccessFidelityDefaults>>> = {
  live: {
    signature: 'access-code-only',
    timestampClock: 'caller',
    rateLimit: PROVIDER_RATE_LIMIT,
    strictInput: false,
  },
  documented: {
    signature: 'hmac',
    timestampClock: 'caller',
    rateLimit: PROVIDER_RATE_LIMIT,
    strictInput: true,
  },
};

export const DEFAULT_FIDELITY: EsimAccessFidelity = 'live';

export function isFidelity(value: unknown): value is EsimAccessFidelity {
  return (ESIM_ACCESS_FIDELITY_PROFILES as readonly unknown[]).includes(value);
}
