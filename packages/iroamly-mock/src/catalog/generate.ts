/**
 * @module
 * A deterministic catalogue from a seed: the same seed gives the same product codes, plans and prices on
 * every machine (for a given @faker-js/faker version), so tests and demos can hard-code what they buy.
 */

import { InvalidArgumentError, type IroamlyPlan } from '@esim-sandbox/core';
import { hashSeed } from '@esim-sandbox/emulator';
import type { Faker } from '@faker-js/faker';
import { faker as enFaker } from '@faker-js/faker/locale/en';
import { type Catalog, type CatalogProduct, minorToCredit } from './catalog.js';
import { type CatalogRegion, COUNTRIES, countryRegion, REGIONAL_NAMES, regionalRegion } from './regions.js';

export interface GenerateCatalogOptions {
  /** Same seed, same catalogue. Default `'iroamly'`. */
  seed?: number | string | undefined;
  /** How many countries get plans (taken in list order, so a smaller catalogue is a prefix). Default all. */
  countries?: number | undefined;
  /** Include the multi-country plans (Europe, Asia, Global...). Default true. */
  regional?: boolean | undefined;
  /** Plans per region, inclusive bounds. Default `[3, 6]`. */
  plansPerRegion?: readonly [min: number, max: number] | undefined;
}

type PlanType = 'Total' | 'Daily' | 'Unlimited';

interface PlanShape {
  type: PlanType;
  data: string;
  days: number;
}

const TOTAL_DATA = [
  { data: '1GB', gb: 1, days: [7, 15] },
  { data: '3GB', gb: 3, days: [15, 30] },
  { data: '5GB', gb: 5, days: [30] },
  { data: '10GB', gb: 10, days: [30] },
  { data: '20GB', gb: 20, days: [30, 60] },
] as const;
const DAILY_DATA = [
  { data: '500MB', gb: 0.5 },
  { data: '1GB', gb: 1 },
  { data: '2GB', gb: 2 },
] as const;
const DAILY_DAYS = [1, 3, 5, 7, 10, 15, 30] as const;
const UNLIMITED_DAYS = [1, 3, 5, 7, 15, 30] as const;

/**
 * `@faker-js/faker` itself loads every locale (2 MB, ~100 ms of a CLI's start-up); its `locale/en` entry
 * loads one but exports just a shared instance. That instance's class and definitions (English over base,
 * merged as `new Faker({ locale: [en, base] })` would) make a private instance that no other code seeds or
 * advances.
 */
const EnglishFaker = enFaker.constructor as typeof Faker;

function seededFaker(seed: number | string): Faker {
  const faker = new EnglishFaker({ locale: enFaker.rawDefinitions });
  faker.seed(typeof seed === 'number' ? seed : hashSeed(seed));
  return faker;
}

function pickShape(f: Faker): PlanShape {
  const type = f.helpers.weightedArrayElement<PlanType>([
    { weight: 6, value: 'Total' },
    { weight: 3, value: 'Daily' },
    { weight: 2, value: 'Unlimited' },
  ]);
  if (type === 'Total') {
    const d = f.helpers.arrayElement(TOTAL_DATA);
    return { type, data: d.data, days: f.helpers.arrayElement(d.days) };
  }
  if (type === 'Daily') {
    return { type, data: f.helpers.arrayElement(DAILY_DATA).data, days: f.helpers.arrayElement(DAILY_DAYS) };
  }
  return { type, data: 'Unlimited', days: f.helpers.arrayElement(UNLIMITED_DAYS) };
}

/** Price in minor units, ending in 99 like a shop price, never below 0.99. */
function priceOf(f: Faker, shape: PlanShape, regional: boolean): number {
  const markup = regional ? 2 : 1;
  let cents: number;
  if (shape.type === 'Total') {
    const gb = TOTAL_DATA.find((d) => d.data === shape.data)?.gb ?? 1;
    cents = gb * f.number.int({ min: 120, max: 450 }) + shape.days * 5;
  } else if (shape.type === 'Daily') {
    const gb = DAILY_DATA.find((d) => d.data === shape.data)?.gb ?? 1;
    cents = shape.days * Math.round(gb * f.number.int({ min: 90, max: 220 }));
  } else {
    cents = shape.days * f.number.int({ min: 250, max: 600 });
  }
  return Math.max(99, Math.ceil((cents * markup) / 100) * 100 - 1);
}

function planName(region: CatalogRegion, shape: PlanShape): string {
  const days = `${shape.days} ${shape.days === 1 ? 'Day' : 'Days'}`;
  if (shape.type === 'Daily') return `${region.name} ${shape.data}/Day ${days}`;
  return `${region.name} ${shape.data} ${days}`;
}

function operatorFor(f: Faker, region: CatalogRegion): string {
  if (region.kind === 'regional') return 'Multiple operators';
  const names = f.helpers.uniqueArray(() => f.company.name().split(/[ ,-]/)[0] ?? 'Local', 2);
  return names.map((n) => `${n} Mobile`).join(' / ');
}

function uniqueCode(f: Faker, used: Set<string>): string {
  for (;;) {
    const code = f.string.alphanumeric({ length: 11, casing: 'lower' });
    if (!used.has(code)) {
      used.add(code);
      return code;
    }
  }
}

function regionProducts(
  f: Faker,
  region: CatalogRegion,
  regionIndex: number,
  count: number,
  usedCodes: Set<string>,
): CatalogProduct[] {
  const operator = operatorFor(f, region);
  const speed = f.helpers.weightedArrayElement([
    { weight: 5, value: '4G/5G' },
    { weight: 4, value: '4G' },
    { weight: 1, value: '3G/4G' },
  ]);
  const seen = new Set<string>();
  const products: CatalogProduct[] = [];
  // Bounded: a region has fewer distinct shapes than requested only in tiny configurations.
  for (let attempt = 0; products.length < count && attempt < count * 20; attempt++) {
    const shape = pickShape(f);
    const key = `${shape.type}|${shape.data}|${shape.days}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const price = priceOf(f, shape, region.kind === 'regional');
    const item: IroamlyPlan = {
      plan: planName(region, shape),
      productCode: uniqueCode(f, usedCodes),
      data: shape.data,
      type: shape.type,
      package_type: f.helpers.weightedArrayElement([
        { weight: 9, value: 'Data Only' },
        { weight: 1, value: 'Data + SMS' },
      ]),
      duration: String(shape.days),
      speed,
      operator,
      region: region.name,
      region_index: regionIndex,
      credit: minorToCredit(price),
      remark: f.helpers.arrayElement(['', '', 'Hotspot supported', 'No phone number included']),
    };
    products.push({ item, price });
  }
  return products;
}

/**
 * @example
 * const catalog = generateCatalog({ seed: 42 });
 * catalog.products[0].item.productCode; // 11 lowercase alphanumerics, the same for seed 42 every time
 */
export function generateCatalog(options: GenerateCatalogOptions = {}): Catalog {
  const f = seededFaker(options.seed ?? 'iroamly');
  const [min, max] = options.plansPerRegion ?? [3, 6];
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max < min) {
    throw new InvalidArgumentError('plansPerRegion', 'must be two integers with 1 <= min <= max');
  }
  const countryCount = options.countries ?? COUNTRIES.length;
  if (!Number.isInteger(countryCount) || countryCount < 0) {
    throw new InvalidArgumentError('countries', 'must be a non-negative integer');
  }
  const countries = COUNTRIES.slice(0, countryCount);
  const regions: CatalogRegion[] = countries.map(([iso2, name]) => countryRegion(iso2, name));
  if (options.regional ?? true) regions.push(...REGIONAL_NAMES.map(regionalRegion));
  const usedCodes = new Set<string>();
  const products = regions.flatMap((region, index) =>
    regionProducts(f, region, index + 1, f.number.int({ min, max }), usedCodes),
  );
  return { regions, products };
}
