/**
 * Generated catalogues are built once per input and process (`sharedCatalogs`): every fake of a seed gets the same
 * deep-frozen object, so none can change what the others sell.
 */
import { describe, expect, test } from 'vitest';
import { sharedCatalogs } from '../src/catalog/generated.js';

function counting() {
  const built: number[] = [];
  const catalogFor = sharedCatalogs((seed: number) => {
    built.push(seed);
    return { packages: [{ code: `P${seed}`, networks: [{ name: 'op' }] }] };
  }, 2);
  return { built, catalogFor };
}

describe('sharedCatalogs', () => {
  test('the same input gets the same catalogue, generated once; another input its own', () => {
    const { built, catalogFor } = counting();
    const first = catalogFor(1);
    expect(catalogFor(1)).toBe(first);
    expect(catalogFor(2)).not.toBe(first);
    expect(built).toEqual([1, 2]);
  });

  test('a shared catalogue is frozen all the way down, so a write throws instead of reaching other fakes', () => {
    const catalog = counting().catalogFor(1);
    const pkg = catalog.packages[0]!;
    expect(() => catalog.packages.push(pkg)).toThrow(TypeError);
    expect(() => Object.assign(pkg, { code: 'X' })).toThrow(TypeError);
    expect(() => Object.assign(pkg.networks[0]!, { name: 'X' })).toThrow(TypeError);
  });

  test('only the most recently used inputs are kept: an evicted one is generated again', () => {
    const { built, catalogFor } = counting();
    catalogFor(1);
    catalogFor(2);
    catalogFor(1); // 1 is now the most recent, so 3 evicts 2
    catalogFor(3);
    catalogFor(1);
    catalogFor(2);
    expect(built).toEqual([1, 2, 3, 2]);
  });
});
