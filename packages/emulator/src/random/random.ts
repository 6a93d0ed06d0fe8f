/**
 * @module
 * Seeded randomness whose whole state is one 32-bit integer, so it lives in a tenant's plain-JSON state and a
 * snapshot/restore or a restart replays the same ids and the same fault coin flips.
 */
import { getRandomValues } from 'node:crypto';

/** FNV-1a: turns a seed string (emulator seed + account id) into a 32-bit starting state. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
const DIGITS = '0123456789';

/**
 * mulberry32 generator. Deterministic per seed.
 * @example
 * const r = new Random(hashSeed('42'));
 * r.hex(32); r.digits(14); r.int(1, 6); r.chance(0.25);
 */
export class Random {
  #state: number;

  constructor(seed: number | string) {
    this.#state = typeof seed === 'number' ? seed >>> 0 : hashSeed(seed);
  }

  /** The current state; `new Random(r.state)` continues the same sequence. */
  get state(): number {
    return this.#state;
  }

  set state(value: number) {
    this.#state = value >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p` (0..1). */
  chance(p: number): boolean {
    if (p >= 1) return true;
    if (p <= 0) return false;
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() needs a non-empty array');
    return items[this.int(0, items.length - 1)] as T;
  }

  #chars(alphabet: string, length: number): string {
    // Built from char codes in one go: `out +=` a character at a time leaves V8 a rope of up to 20 pieces that
    // every stored id (ICCID, eid, notifyId, redeem code) keeps until something flattens it, ~750 B a profile.
    const codes = new Array<number>(length);
    for (let i = 0; i < length; i++)
      codes[i] = alphabet.charCodeAt(Math.floor(this.next() * alphabet.length));
    return String.fromCharCode(...codes);
  }

  /** Lowercase hex string of `length` characters. */
  hex(length: number): string {
    return this.#chars(HEX, length);
  }

  /** Decimal digits (may start with 0). */
  digits(length: number): string {
    return this.#chars(DIGITS, length);
  }

  /** Letters and digits; `lower: true` for lowercase letters only. */
  alnum(length: number, options?: { lower?: boolean }): string {
    return this.#chars(options?.lower ? LOWER_ALNUM : ALNUM, length);
  }

  /** RFC 4122 version-4 shaped UUID (from this generator, not crypto). */
  uuid(): string {
    const h = this.hex(32).split('');
    h[12] = '4';
    h[16] = HEX[(Number.parseInt(h[16] ?? '0', 16) & 0x3) | 0x8] ?? '8';
    const s = h.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
}

/**
 * The same helpers over the operating system's cryptographic source, for what must not be guessable (generated
 * account credentials). It has no replayable state.
 */
export class CryptoRandom extends Random {
  // One draw from the system per 1,024 values: each draw costs about 10 µs whatever its size, and a pair of
  // credentials takes 52 values (a 64-value buffer meant nearly one draw per new account).
  readonly #buffer = new Uint32Array(1024);
  #left = 0;

  constructor() {
    super(0);
  }

  override next(): number {
    if (this.#left === 0) {
      getRandomValues(this.#buffer);
      this.#left = this.#buffer.length;
    }
    return this.#buffer[--this.#left]! / 4294967296;
  }
}
