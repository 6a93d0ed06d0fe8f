/**
 * A generated catalogue is built once per seed (and catalogue options) and process, and shared, frozen, by every
 * mock created with them (the engine's `sharedCatalogs`): what creating a mock cost most of its time before.
 */
import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../src/catalog/generate.js';
import { createIroamlyMock } from '../src/index.js';

describe('the generated catalogue of a seed', () => {
  it('is one object for every mock with the same seed and options, equal to what generateCatalog gives', async () => {
    const mocks = [
      createIroamlyMock({ seed: 'shared' }),
      createIroamlyMock({ seed: 'shared' }),
      createIroamlyMock({ seed: 'another' }),
      createIroamlyMock({ seed: 'shared', catalogOptions: { countries: 3 } }),
    ] as const;
    const [a, b, other, smaller] = mocks;
    expect(b.catalog).toBe(a.catalog);
    expect(other.catalog).not.toBe(a.catalog);
    expect(smaller.catalog).not.toBe(a.catalog);
    expect(a.catalog).toEqual(generateCatalog({ seed: 'shared' }));
    expect(smaller.catalog).toEqual(generateCatalog({ seed: 'shared', countries: 3 }));
    await Promise.all(mocks.map((m) => m.close()));
  });

  it('is frozen: a write throws rather than changing what the other mocks sell', async () => {
    const mock = createIroamlyMock({ seed: 'shared' });
    const product = mock.catalog.products[0]!;
    expect(() => Object.assign(product.item, { credit: 0 })).toThrow(TypeError);
    expect(() => mock.catalog.products.pop()).toThrow(TypeError);
    await mock.close();
  });
});
