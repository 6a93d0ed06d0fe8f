/**
 * @module
 * Identifier formats, copied from the spec's examples. All randomness comes from the account's seeded generator
 * (the engine's `Random` fits {@link Rng}), so a seed replays the same ids.
 */
import type { AccountState } from './types.js';

/** The slice of the engine's seeded `Random` the domain needs. */
export interface Rng {
  alnum(length: number, options?: { lower?: boolean }): string;
  hex(length: number): string;
}

/** Redeem codes: 13 lowercase alphanumerics (`3cd2m3f23f3f3`, spec codeQuery example). */
export const REDEEM_CODE_PATTERN = /^[a-z0-9]{13}$/;
/** Order ids: `xxx-xxxx-sd9hn8df333` (spec purchaseCode example), here all three parts random. */
export const ORDER_ID_PATTERN = /^[a-z0-9]{3}-[a-z0-9]{4}-[a-z0-9]{11}$/;

function unique(taken: (id: string) => boolean, make: () => string): string {
  // 36^13 possibilities: a collision is astronomically rare, but "never issued twice" is a promise.
  for (;;) {
    const id = make();
    if (!taken(id)) return id;
  }
}

export function newOrderId(state: AccountState, rng: Rng): string {
  const part = (n: number) => rng.alnum(n, { lower: true });
  return unique(
    (id) => id in state.orders,
    () => `${part(3)}-${part(4)}-${part(11)}`,
  );
}

/** `reserved` holds codes issued earlier in the same purchase, not yet written to state. */
export function newRedeemCode(state: AccountState, rng: Rng, reserved: ReadonlySet<string>): string {
  return unique(
    (code) => code in state.codes || reserved.has(code),
    () => rng.alnum(13, { lower: true }),
  );
}

/** An unguessable path token for a QR image: the image URL is public, like the provider's. */
export function newQrToken(rng: Rng): string {
  return rng.hex(32);
}

/** `LPA:1$<smdp>$<32 upper-hex matching id>`: the activation code a phone reads from the QR image. */
export function newLpa(smdpAddress: string, rng: Rng): string {
  return `LPA:1$${smdpAddress}$${rng.hex(32).toUpperCase()}`;
}

export function nextRedemptionId(state: AccountState): string {
  state.counters.redemption += 1;
  return `rdm_${state.counters.redemption}`;
}

export function nextMessageId(state: AccountState): string {
  state.counters.message += 1;
  return `msg_${state.counters.message}`;
}
