import { InvalidArgumentError, iroamlyPlanListResponseSchema } from '@esim-sandbox/core';
import { describe, expect, it } from 'vitest';
import { MINOR_UNITS_PER_CREDIT } from '../src/catalog/catalog.js';
import { generateCatalog } from '../src/catalog/generate.js';
import { COUNTRIES } from '../src/catalog/regions.js';

describe('generateCatalog', () => {
  const catalog = generateCatalog({ seed: 42 });

  it('gives the same catalogue for the same seed', () => {
    expect(generateCatalog({ seed: 42 })).toEqual(catalog);
    expect(generateCatalog({ seed: 'abc' })).toEqual(generateCatalog({ seed: 'abc' }));
  });

  it('gives different product codes for different seeds', () => {
    const other = generateCatalog({ seed: 43 });
    expect(other.products[0]?.item.productCode).not.toBe(catalog.products[0]?.item.productCode);
  });

  it('produces plan items that pass core’s getPlanItem schema', () => {
    const parsed = iroamlyPlanListResponseSchema.safeParse(catalog.products.map((p) => p.item));
    expect(parsed.success).toBe(true);
  });

  it('uses unique 11-character lowercase alphanumeric product codes', () => {
    const codes = catalog.products.map((p) => p.item.productCode);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]{11}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('prices every product in integer minor units that match its float credit', () => {
    for (const { item, price } of catalog.products) {
      expect(Number.isSafeInteger(price)).toBe(true);
      expect(price).toBeGreaterThan(0);
      expect(item.credit * MINOR_UNITS_PER_CREDIT).toBeCloseTo(price, 6);
    }
  });

  it('keeps data, type and duration consistent with each other', () => {
    for (const { item } of catalog.products) {
      expect(['Total', 'Daily', 'Unlimited']).toContain(item.type);
      expect(item.data === 'Unlimited').toBe(item.type === 'Unlimited');
      expect(item.duration).toMatch(/^[1-9][0-9]*$/);
      expect(item.plan.startsWith(item.region)).toBe(true);
    }
  });

  it('covers every listed country with its ISO2 code and slug, plus regional plans', () => {
    const us = catalog.regions.find((r) => r.iso2 === 'US');
    expect(us).toEqual({ name: 'United States', slug: 'united-states', iso2: 'US', kind: 'country' });
    expect(catalog.regions.filter((r) => r.kind === 'country')).toHaveLength(COUNTRIES.length);
    expect(catalog.regions.some((r) => r.kind === 'regional' && r.slug === 'europe')).toBe(true);
    for (const region of catalog.regions) {
      expect(catalog.products.some((p) => p.item.region === region.name)).toBe(true);
    }
  });

  it('honours the size options', () => {
    const small = generateCatalog({ seed: 1, countries: 2, regional: false, plansPerRegion: [1, 1] });
    expect(small.regions.map((r) => r.iso2)).toEqual(['US', 'CA']);
    expect(small.products).toHaveLength(2);
  });

  it.each([
    [{ plansPerRegion: [0, 2] as const }, 'plansPerRegion'],
    [{ plansPerRegion: [3, 2] as const }, 'plansPerRegion'],
    [{ countries: -1 }, 'countries'],
    [{ countries: 1.5 }, 'countries'],
  ])('refuses the option %o, naming %s', (options, field) => {
    expect(() => generateCatalog(options)).toThrow(InvalidArgumentError);
    expect(() => generateCatalog(options)).toThrow(field);
  });
});
