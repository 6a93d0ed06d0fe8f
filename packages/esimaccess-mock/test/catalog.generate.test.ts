import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { esimAccessLocationSchema, esimAccessPackageSchema } from '@esim-sandbox/core';
import { describe, expect, it } from 'vitest';
import { indexCatalog, packageType } from '../src/catalog/catalog.js';
import { COUNTRIES, REGIONS } from '../src/catalog/countries.js';
import { generateCatalog } from '../src/catalog/generate.js';

const catalog = generateCatalog({ seed: 42 });
const index = indexCatalog(catalog);
const bases = catalog.packages.filter((p) => packageType(p) === 'BASE');
const topUps = catalog.packages.filter((p) => packageType(p) === 'TOPUP');

describe('generated catalogue', () => {
  it('is identical for the same seed and differs for another seed', () => {
    expect(generateCatalog({ seed: 42 })).toEqual(catalog);
    expect(generateCatalog({ seed: 43 }).packages.map((p) => p.packageCode)).not.toEqual(
      catalog.packages.map((p) => p.packageCode),
    );
  });

  it('has every package and location valid against core schemas, without losing a field', () => {
    for (const pkg of catalog.packages) expect(esimAccessPackageSchema.parse(pkg)).toEqual(pkg);
    for (const location of catalog.locations)
      expect(esimAccessLocationSchema.parse(location)).toEqual(location);
  });

  it('sells in at least 40 real countries', () => {
    expect(COUNTRIES.length).toBeGreaterThanOrEqual(40);
    const countries = new Set(bases.filter((p) => index.areaKind(p) === 'country').map((p) => p.location));
    expect(countries.size).toBe(COUNTRIES.length);
    for (const code of countries) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it('uses unique package codes and slugs', () => {
    expect(new Set(catalog.packages.map((p) => p.packageCode)).size).toBe(catalog.packages.length);
    expect(new Set(catalog.packages.map((p) => p.slug)).size).toBe(catalog.packages.length);
  });

  it('prices in whole 1/10,000 USD with a retail price above wholesale', () => {
    for (const pkg of catalog.packages) {
      expect(Number.isInteger(pkg.price)).toBe(true);
      expect(pkg.price).toBeGreaterThan(0);
      expect(pkg.retailPrice).toBeGreaterThan(pkg.price);
    }
  });

  it('names and slugs packages the way the provider does', () => {
    const japan5 = bases.find((p) => p.location === 'JP' && p.slug === 'JP_5_30');
    expect(japan5).toMatchObject({
      name: 'Japan 5GB 30Days',
      volume: 5 * 1024 ** 3,
      duration: 30,
      durationUnit: 'DAY',
    });
  });

  it('codes regions as <prefix>-<member count> and lists their members', () => {
    for (const region of REGIONS) {
      const location = catalog.locations.find((l) => l.code === `${region.prefix}-${region.members.length}`);
      expect(location?.type).toBe(2);
      expect(location?.subLocationList?.map((s) => s.code)).toEqual(region.members);
    }
    expect(catalog.locations.find((l) => l.code === 'NA-3')?.subLocationList?.map((s) => s.code)).toEqual([
      'US',
      'CA',
      'MX',
    ]);
  });

  it('offers regional and global bundles', () => {
    expect(bases.some((p) => index.areaKind(p) === 'region')).toBe(true);
    expect(bases.some((p) => index.areaKind(p) === 'global')).toBe(true);
    expect(index.locationCode(bases.find((p) => index.areaKind(p) === 'global')!)).toMatch(/^GL-\d+$/);
  });

  it('offers TOPUP_ packages for every base package that supports top-up, and none for those that do not', () => {
    expect(topUps.length).toBeGreaterThan(0);
    for (const topUp of topUps) expect(topUp.packageCode).toMatch(/^TOPUP_/);
    for (const base of bases) {
      const fitting = index.topUpsFor(base);
      if (base.supportTopUpType === 1) expect(fitting).toEqual([]);
      else if (base.dataType === 1) expect(fitting.length).toBeGreaterThan(0);
      for (const topUp of fitting) expect(topUp.location).toBe(base.location);
    }
  });

  it('mixes both activation types and includes day passes', () => {
    expect(new Set(bases.map((p) => p.activeType))).toEqual(new Set([1, 2]));
    expect(bases.some((p) => p.dataType === 2 && p.name.endsWith('/Day'))).toBe(true);
  });

  it('lists locations in the same order on a machine with another locale (Czech sorts "Ch" after "H")', async () => {
    const generate = new URL('../src/catalog/generate.ts', import.meta.url).href;
    const script = `const { buildLocations } = await import(${JSON.stringify(generate)});
      console.log(JSON.stringify(buildLocations().map((l) => l.code)));`;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '--eval', script],
      { env: { ...process.env, LANG: 'cs_CZ.UTF-8', LC_ALL: 'cs_CZ.UTF-8' } },
    );
    expect(JSON.parse(stdout)).toEqual(catalog.locations.map((l) => l.code));
  }, 30_000);
});
