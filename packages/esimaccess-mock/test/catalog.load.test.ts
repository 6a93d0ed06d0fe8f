import { describe, expect, it } from 'vitest';
import { indexCatalog, loadCatalog } from '../src/catalog/catalog.js';
import { generateCatalog } from '../src/catalog/generate.js';

const pkg = (packageCode: string, location: string, slug = packageCode) => ({
  packageCode,
  slug,
  name: packageCode,
  price: 10_000,
  currencyCode: 'USD',
  volume: 1024 ** 3,
  duration: 7,
  durationUnit: 'DAY',
  location,
  supportTopUpType: 2,
});

describe('loading a catalogue object', () => {
  it('takes a generated catalogue back unchanged', () => {
    const generated = generateCatalog({ seed: 3 });
    expect(loadCatalog(JSON.parse(JSON.stringify(generated)))).toEqual(generated);
  });

  it('derives the country list when only packages are given', () => {
    const catalog = loadCatalog({ packages: [pkg('JC016', 'JP'), pkg('EU1', 'FR,DE')] });
    expect(catalog.locations).toEqual([{ code: 'JP', name: 'JP', type: 1, subLocationList: null }]);
  });

  it('matches top-ups to base packages by their location list', () => {
    const index = indexCatalog(
      loadCatalog({ packages: [pkg('JC016', 'JP'), pkg('TOPUP_JC172', 'JP'), pkg('TOPUP_FR1', 'FR')] }),
    );
    expect(index.topUpsFor(index.byCode('JC016')!).map((p) => p.packageCode)).toEqual(['TOPUP_JC172']);
    expect(index.resolve('TOPUP_JC172')?.packageCode).toBe('TOPUP_JC172');
  });

  it('rejects a malformed catalogue with an error naming the field', () => {
    expect(() => loadCatalog({ packages: [{ ...pkg('X', 'JP'), price: 1.5 }] })).toThrow(
      /packages.*price|price/,
    );
    expect(() => loadCatalog({ packages: [] })).toThrow(/packages/);
  });
});
