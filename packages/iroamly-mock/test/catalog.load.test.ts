import { InvalidArgumentError } from '@esim-sandbox/core';
import { describe, expect, it } from 'vitest';
import { findProduct, plansForRegion } from '../src/catalog/catalog.js';
import { generateCatalog } from '../src/catalog/generate.js';
import { exportCatalog, loadCatalog } from '../src/catalog/load.js';

function plan(overrides: Record<string, unknown> = {}) {
  return {
    plan: 'France 5GB 30 Days',
    productCode: 'm8hed7h2fed',
    data: '5GB',
    type: 'Total',
    package_type: 'Data Only',
    duration: '30',
    speed: '4G/5G',
    operator: 'Orange',
    region: 'France',
    region_index: 11,
    credit: 12.99,
    remark: '',
    ...overrides,
  };
}

function errorOf(fn: () => unknown): InvalidArgumentError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidArgumentError) return error;
    throw error;
  }
  throw new Error('expected an InvalidArgumentError');
}

describe('loadCatalog', () => {
  it('loads a captured getPlanItem array and prices it from credit', () => {
    const catalog = loadCatalog([plan(), plan({ productCode: 'cn88beg9edj', credit: 0.1 })]);
    expect(findProduct(catalog, 'm8hed7h2fed')?.price).toBe(1299);
    expect(findProduct(catalog, 'cn88beg9edj')?.price).toBe(10);
  });

  it('recognises a known country so it can be found by ISO2 code', () => {
    const catalog = loadCatalog([plan()]);
    expect(catalog.regions).toEqual([{ name: 'France', slug: 'france', iso2: 'FR', kind: 'country' }]);
    expect(plansForRegion(catalog, 'fr')).toHaveLength(1);
  });

  it('treats an unknown region name as a regional plan found by name or slug', () => {
    const catalog = loadCatalog([plan({ region: 'Balkans Plus' })]);
    expect(catalog.regions[0]).toMatchObject({ slug: 'balkans-plus', kind: 'regional' });
    expect(plansForRegion(catalog, 'balkans-plus')).toHaveLength(1);
  });

  it('uses an explicit integer price over the credit', () => {
    const catalog = loadCatalog({ products: [plan({ price: 500 })] });
    expect(findProduct(catalog, 'm8hed7h2fed')?.price).toBe(500);
  });

  it('reads its own export back unchanged', () => {
    const generated = generateCatalog({ seed: 9, countries: 4 });
    const reloaded = loadCatalog(JSON.parse(JSON.stringify(exportCatalog(generated))));
    expect(reloaded.products).toEqual(generated.products);
    expect(reloaded.regions.map((r) => r.name)).toEqual(generated.regions.map((r) => r.name));
  });

  it.each([
    ['a missing field', [plan({ credit: undefined })], 'credit'],
    ['a negative credit', [plan({ credit: -1 })], 'credit'],
    ['a fractional price', { products: [plan({ price: 1.5 })] }, 'price'],
    ['a duplicate product code', [plan(), plan()], 'productCode'],
    ['something that is not a catalogue', 'plans.json', 'catalog'],
  ])('refuses %s with an error naming the field', (_, input, field) => {
    const error = errorOf(() => loadCatalog(input));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.field).toContain(field);
  });
});
