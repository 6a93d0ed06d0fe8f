import { describe, expect, it } from 'vitest';
import { findProduct, plansForRegion } from '../src/catalog/catalog.js';
import { generateCatalog } from '../src/catalog/generate.js';
import { exportCatalog, loadCatalog } from '../src/catalog/load.js';
import { planItem } from './catalog.builders.js';

describe('loadCatalog', () => {
  it('loads a captured getPlanItem array and prices it from credit', () => {
    const catalog = loadCatalog([planItem(), planItem({ productCode: 'cn88beg9edj', credit: 0.1 })]);
    expect(findProduct(catalog, 'm8hed7h2fed')?.price).toBe(1299);
    expect(findProduct(catalog, 'cn88beg9edj')?.price).toBe(10);
  });

  it('recognises a known country so it can be found by ISO2 code', () => {
    const catalog = loadCatalog([planItem()]);
    expect(catalog.regions).toEqual([{ name: 'France', slug: 'france', iso2: 'FR', kind: 'country' }]);
    expect(plansForRegion(catalog, 'fr')).toHaveLength(1);
  });

  it('treats an unknown region name as a regional plan found by name or slug', () => {
    const catalog = loadCatalog([planItem({ region: 'Balkans Plus' })]);
    expect(catalog.regions[0]).toMatchObject({ slug: 'balkans-plus', kind: 'regional' });
    expect(plansForRegion(catalog, 'balkans-plus')).toHaveLength(1);
  });

  it('uses an explicit integer price over the credit', () => {
    const catalog = loadCatalog({ products: [planItem({ price: 500 })] });
    expect(findProduct(catalog, 'm8hed7h2fed')?.price).toBe(500);
  });

  it('reads its own export back unchanged', () => {
    const generated = generateCatalog({ seed: 9, countries: 4 });
    const reloaded = loadCatalog(JSON.parse(JSON.stringify(exportCatalog(generated))));
    expect(reloaded.products).toEqual(generated.products);
    expect(reloaded.regions.map((r) => r.name)).toEqual(generated.regions.map((r) => r.name));
  });

  it.each([
    ['a missing field', [planItem({ credit: undefined })], 'credit'],
    ['a negative credit', [planItem({ credit: -1 })], 'credit'],
    ['a fractional price', { products: [planItem({ price: 1.5 })] }, 'price'],
    ['a duplicate product code', [planItem(), planItem()], 'productCode'],
    ['something that is not a catalogue', 'plans.json', 'catalog'],
  ])('refuses %s with an error naming the field', (_, input, field) => {
    expect(() => loadCatalog(input)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', field: expect.stringContaining(field) }),
    );
  });
});
