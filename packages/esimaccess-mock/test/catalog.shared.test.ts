/**
 * A generated catalogue is built once per seed and process and shared, frozen, by every mock of that seed
 * (the engine's `sharedCatalogs`): what creating a mock cost most of its time before.
 */
import { hashSeed } from '@esim-sandbox/emulator';
import { describe, expect, it } from 'vitest';
import { generateCatalog } from '../src/catalog/generate.js';
import { createEsimAccessMock } from '../src/index.js';

describe('the generated catalogue of a seed', () => {
  it('is one object for every mock of that seed, equal to what generateCatalog gives', async () => {
    const [a, b, other] = [
      createEsimAccessMock({ seed: 'shared' }),
      createEsimAccessMock({ seed: 'shared' }),
      createEsimAccessMock({ seed: 'another' }),
    ];
    expect(b.catalog).toBe(a.catalog);
    expect(other.catalog).not.toBe(a.catalog);
    expect(a.catalog.catalog).toEqual(generateCatalog({ seed: hashSeed('shared') }));
    await Promise.all([a, b, other].map((m) => m.close()));
  });

  it('is frozen: a write throws rather than changing what the other mocks sell', async () => {
    const mock = createEsimAccessMock({ seed: 'shared' });
    const pkg = mock.catalog.catalog.packages[0]!;
    expect(() => Object.assign(pkg, { price: 1 })).toThrow(TypeError);
    expect(() => mock.catalog.catalog.packages.pop()).toThrow(TypeError);
    await mock.close();
  });
});
