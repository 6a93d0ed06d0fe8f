/**
 * @module
 * Journal fields that are computed on first read: parsing and redacting bodies, and asking the provider for its
 * code, cost more than answering a small request, and most entries are never looked at. To every reader (property
 * access, spread, JSON, structuredClone) the field is an ordinary enumerable property.
 */

/** Replaces a computed-on-read field of `target` by its value (a plain data property from then on). */
export function settle<T>(target: object, key: PropertyKey, value: T): T {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  return value;
}

/** Defines `key` on `target` as a getter that computes once and then becomes a plain data property. */
export function defineLazy<T extends object, K extends PropertyKey>(
  target: T,
  key: K,
  compute: () => unknown,
): void {
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: true,
    get() {
      return settle(target, key, compute());
    },
  });
}
