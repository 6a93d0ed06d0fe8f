/**
 * @module
 * The one decision rule of chaos: a pure hash of (seed, account key, stream, sequence number, rule) to [0, 1).
 * No generator state: the same call on the same seed gives the same faults, whatever came before or in which mode
 * (HTTP or msw) it is served.
 */
import { hashSeed } from '../random/random.js';

/** murmur3's finaliser: FNV-1a alone mixes the last characters (the seq, the rule) into few bits. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function chaosUnit(seed: string, account: string, stream: string, seq: number, rule: string): number {
  return fmix32(hashSeed(`${seed}|${account}|${stream}|${seq}|${rule}`)) / 4_294_967_296;
}

/** A duration in [minMs, maxMs] drawn from the rule's own second unit. */
export function chaosSpan(
  unit: (rule: string) => number,
  rule: string,
  w: { minMs: number; maxMs: number },
): number {
  return w.minMs + Math.floor(unit(`${rule}.ms`) * (w.maxMs - w.minMs + 1));
}
