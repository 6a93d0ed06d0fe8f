/**
 * Realistic identifiers (formats in NOTES 1.7), drawn from the account's seeded generator and the virtual clock so a
 * replayed run produces the same ids.
 * @module
 */
import { findCountry } from '../catalog/countries.js';
import { idTimestamp } from './time.js';

/** The slice of the engine's seeded `Random` the domain needs; kept structural so the domain has no engine import. */
export interface Rng {
  int(min: number, max: number): number;
  hex(length: number): string;
  digits(length: number): string;
}

export const DEFAULT_SMDP_ADDRESS = 'rsp-eu.redteamobile.com';

/** `B` + yyMMddHHmm + a 4-digit sequence: `B25091113270004`. */
export function formatOrderNo(now: number, seq: number): string {
  return `B${formatEsimTranNo(now, seq)}`;
}

/** 14 digits, same scheme as orderNo without the `B`; also used for topUpEsimTranNo. */
export function formatEsimTranNo(now: number, seq: number): string {
  return `${idTimestamp(now)}${String(seq % SEQUENCE_SPACE).padStart(4, '0')}`;
}

/** How many ids one minute's 4-digit sequence holds. */
const SEQUENCE_SPACE = 10_000;

/**
 * The next id of the timestamp + 4-digit sequence scheme not a key of `taken`, advancing `counters[key]`.
 *
 * The sequence wraps every 10,000. Ids of one minute come from consecutive counter values, so a 4-digit id already
 * taken means this minute has issued all 10,000 (bulk seeding does; no real account orders that fast): the id then
 * carries the whole counter (5 digits or more) instead, which stays unique, where skipping taken numbers would loop
 * for ever. Recorded in the README's Fidelity table.
 */
export function nextSequencedId<K extends string>(
  counters: Record<K, number>,
  key: K,
  now: number,
  prefix: string,
  taken: Readonly<Record<string, unknown>>,
): string {
  for (;;) {
    counters[key] += 1;
    const seq = counters[key];
    const id = `${prefix}${formatEsimTranNo(now, seq)}`;
    if (taken[id] === undefined) return id;
    if (seq < SEQUENCE_SPACE) continue;
    const wide = `${prefix}${idTimestamp(now)}${seq}`;
    if (taken[wide] === undefined) return wide;
  }
}

/** Luhn check digit over a digit string (ICCIDs end with one, ITU-T E.118). */
export function luhnCheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

export function isLuhnValid(number: string): boolean {
  return /^\d+$/.test(number) && luhnCheckDigit(number.slice(0, -1)) === number.slice(-1);
}

/** 20 digits: `89` + the issuing country's calling code + random digits + a Luhn check digit. */
export function newIccid(rng: Rng, issuerCountry: string): string {
  const dial = findCountry(issuerCountry)?.dial ?? '852';
  const body = `89${dial}`;
  const withRandom = body + rng.digits(19 - body.length);
  return withRandom + luhnCheckDigit(withRandom);
}

/** 15 digits: the issuing country's MCC, a 2-digit MNC, 10 subscriber digits. */
export function newImsi(rng: Rng, issuerCountry: string): string {
  const mcc = findCountry(issuerCountry)?.mcc ?? '454';
  return `${mcc}${String(rng.int(1, 20)).padStart(2, '0')}${rng.digits(10)}`;
}

/**
 * 15 digits: the issuing country's calling code, then the IMSI's last digits, as the documented pair shows
 * (IMSI `232104070077567`, MSISDN `436789040077567`). Drawn from the IMSI, not the generator, so adding it moved no
 * other seeded id.
 */
export function newMsisdn(issuerCountry: string, imsi: string): string {
  const dial = findCountry(issuerCountry)?.dial ?? '852';
  return `${dial}${imsi.slice(-(15 - dial.length))}`;
}

/** 32 digits starting `89049032`, as the documented examples. */
export function newEid(rng: Rng): string {
  return `89049032${rng.digits(24)}`;
}

/** `LPA:1$<smdp>$<32 upper hex>`. */
export function newActivationCode(rng: Rng, smdpAddress: string): string {
  return `LPA:1$${smdpAddress}$${rng.hex(32).toUpperCase()}`;
}

/** 32 lower hex: the notifyId of a webhook and the id of a profile's QR image. */
export function newHexId(rng: Rng): string {
  return rng.hex(32);
}
