/**
 * @module
 * Generated catalogues shared within a process. Generating one from a seed is most of what creating a fake cost
 * (about 4 ms of faker draws per mock), yet a test suite creates many fakes with the same seed and every one of them
 * sells the same catalogue. So a generated catalogue is built once per seed and process, deep-frozen (it is read
 * only: a write would otherwise reach every fake of that seed, frozen it throws instead), and handed to every fake
 * created with that seed. A few seeds are kept, the least recently used dropped first.
 */

/** Seeds kept: a suite uses one or two; a run that walks through many seeds pays generation as before. */
const GENERATED_CATALOGS_KEPT = 8;

/** Freezes `value` and everything reachable from it (plain data: objects and arrays). */
function deepFreeze<T>(value: T): Readonly<T> {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}

/**
 * `generate` memoised per input (a seed, or the generator's options: inputs with the same JSON share a
 * catalogue), its results deep-frozen.
 * @example const catalogFor = sharedCatalogs((seed: number) => generateCatalog({ seed }));
 */
export function sharedCatalogs<I, C extends object>(
  generate: (input: I) => C,
  kept = GENERATED_CATALOGS_KEPT,
): (input: I) => Readonly<C> {
  const byKey = new Map<string, Readonly<C>>();
  return (input) => {
    const key = JSON.stringify(input) ?? '';
    const hit = byKey.get(key);
    if (hit) {
      // Most recently used last, so the oldest is the map's first entry.
      byKey.delete(key);
      byKey.set(key, hit);
      return hit;
    }
    const built = deepFreeze(generate(input));
    byKey.set(key, built);
    if (byKey.size > kept) byKey.delete(byKey.keys().next().value as string);
    return built;
  };
}
