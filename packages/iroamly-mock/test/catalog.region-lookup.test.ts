import { describe, expect, it } from 'vitest';
import { plansForRegion } from '../src/catalog/catalog.js';
import { generateCatalog } from '../src/catalog/generate.js';
import { findRegion, slugify } from '../src/catalog/regions.js';

const catalog = generateCatalog({ seed: 3 });

describe('region lookup for getPlanItem', () => {
  it.each([
    ['US', 'United States'],
    ['us', 'United States'],
    [' US ', 'United States'],
    ['United States', 'United States'],
    ['united states', 'United States'],
    ['united-states', 'United States'],
    ['AE', 'United Arab Emirates'],
    ['united-arab-emirates', 'United Arab Emirates'],
    ['Europe', 'Europe'],
    ['europe', 'Europe'],
    ['north-america', 'North America'],
  ])('finds %j as %s', (query, name) => {
    expect(findRegion(catalog.regions, query)?.name).toBe(name);
  });

  it.each(['XX', 'atlantis', '', '   ', '--'])('finds no region for %j', (query) => {
    expect(findRegion(catalog.regions, query)).toBeUndefined();
    expect(plansForRegion(catalog, query)).toBeUndefined();
  });

  it('lists only the plans of the region asked for', () => {
    const plans = plansForRegion(catalog, 'jp') ?? [];
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans) expect(plan.region).toBe('Japan');
  });

  it.each([
    ['United States', 'united-states'],
    ['Côte d’Ivoire', 'cote-d-ivoire'],
    ['  Hong Kong ', 'hong-kong'],
  ])('slugifies %j as %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });
});
