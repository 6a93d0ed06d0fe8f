/**
 * esim/query's serialisation, the largest part of what it costs: the JSON text of each profile is kept and reused
 * while the profile holds the same values. Reuse does not depend on knowing which code changes a profile (an
 * operation, a restore, a test editing the state): each request compares every profile of its page, value by value
 * and key by key in order, with a snapshot taken when its text was made, which costs a fraction of rendering and
 * serialising it. Only an unchanged profile, rendered with the same links, reuses its text, which is then byte for
 * byte what `JSON.stringify(renderProfile(...))` gives.
 * @module
 */
import type { ProfileLinks } from '../ops/context.js';
import { renderProfile } from '../ops/profiles.js';
import type { ProfileRecord } from '../state/types.js';

/** At most this many profiles' texts are kept per mock (about 1.5 KB each): 40 pages of 50. Beyond, the oldest goes. */
export const PROFILE_TEXTS_KEPT = 2000;

/** The values of a plain object (`keys` in for-in order) or of an array (`keys` undefined), nested ones as snapshots. */
class Snapshot {
  readonly keys: readonly string[] | undefined;
  readonly values: readonly unknown[];

  constructor(keys: readonly string[] | undefined, values: readonly unknown[]) {
    this.keys = keys;
    this.values = values;
  }
}

/** Stands for a value that is neither plain data nor a primitive: it never compares as unchanged. */
const OPAQUE = Symbol('opaque');

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function snapshotOf(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return new Snapshot(undefined, value.map(snapshotOf));
  if (!isPlainObject(value)) return OPAQUE;
  const keys: string[] = [];
  const values: unknown[] = [];
  for (const key in value) {
    keys.push(key);
    values.push(snapshotOf((value as Record<string, unknown>)[key]));
  }
  return new Snapshot(keys, values);
}

function unchanged(value: unknown, snapshot: unknown): boolean {
  if (!(snapshot instanceof Snapshot)) return value === snapshot;
  if (typeof value !== 'object' || value === null) return false;
  const { keys, values } = snapshot;
  if (keys === undefined) {
    if (!Array.isArray(value) || value.length !== values.length) return false;
    for (let i = 0; i < values.length; i++) if (!unchanged(value[i], values[i])) return false;
    return true;
  }
  if (Array.isArray(value) || !isPlainObject(value)) return false;
  let i = 0;
  for (const key in value) {
    if (key !== keys[i] || !unchanged((value as Record<string, unknown>)[key], values[i])) return false;
    i++;
  }
  return i === keys.length;
}

interface Kept {
  readonly links: ProfileLinks;
  readonly snapshot: unknown;
  readonly text: string;
}

export class ProfileTexts {
  readonly #kept = new Map<ProfileRecord, Kept>();

  /** `JSON.stringify(renderProfile(profile, links))`. */
  text(profile: ProfileRecord, links: ProfileLinks): string {
    const kept = this.#kept.get(profile);
    if (kept && kept.links === links && unchanged(profile, kept.snapshot)) return kept.text;
    const text = JSON.stringify(renderProfile(profile, links));
    if (kept) this.#kept.delete(profile);
    else if (this.#kept.size >= PROFILE_TEXTS_KEPT) {
      const oldest = this.#kept.keys().next();
      if (!oldest.done) this.#kept.delete(oldest.value);
    }
    this.#kept.set(profile, { links, snapshot: snapshotOf(profile), text });
    return text;
  }

  /** `JSON.stringify(profiles.map((p) => renderProfile(p, links)))`. */
  list(profiles: readonly ProfileRecord[], links: ProfileLinks): string {
    let text = '[';
    for (let i = 0; i < profiles.length; i++) {
      text += (i === 0 ? '' : ',') + this.text(profiles[i] as ProfileRecord, links);
    }
    return `${text}]`;
  }

  /** How many texts are kept. */
  get size(): number {
    return this.#kept.size;
  }
}
