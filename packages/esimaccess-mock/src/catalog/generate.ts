/**
 * A deterministic, realistic catalogue from a seed: single-country packages for every country of the table,
 * regional and global bundles, day passes, and `TOPUP_` packages per location. Same seed, same catalogue (a
 * private seeded faker instance, never the global one), so ids and prices in a recorded run replay.
 * @module
 */

import type { EsimAccessLocation, EsimAccessPackage } from '@esim-sandbox/core';
import type { Faker } from '@faker-js/faker';
import { faker as baseFaker } from '@faker-js/faker/locale/base';
import { type EsimAccessCatalog, TOPUP_PREFIX } from './catalog.js';
import {
  COUNTRIES,
  type Country,
  findCountry,
  GLOBAL_REGION,
  REGIONS,
  type RegionDefinition,
  regionCode,
} from './countries.js';

const MB = 1024 * 1024;
const GB_MB = 1024;
/** Hubs many eSIM Access profiles break out through (the `ipExport` field). */
const IP_HUBS = ['HK', 'SG', 'NL', 'GB'] as const;

interface Plan {
  readonly volumeMb: number;
  readonly days: number;
}

const plan = (volumeMb: number, days: number): Plan => ({ volumeMb, days });
/** Every area sells these, so tests and demos can count on them. */
const CORE_PLANS = [plan(GB_MB, 7), plan(5 * GB_MB, 30)];
const EXTRA_PLANS = [
  plan(500, 1),
  plan(500, 7),
  plan(3 * GB_MB, 15),
  plan(3 * GB_MB, 30),
  plan(10 * GB_MB, 30),
  plan(20 * GB_MB, 30),
];
/**
 * Day passes of every documented dataType (2 speed-reduced, 3 cut-off, 4 unlimited), picked by the country code
 * rather than the generator so the rest of a seed's catalogue stays as it was.
 */
const DAY_PASS_TYPES = [2, 3, 4] as const;
function dayPassType(area: Area): number {
  const sum = [...area.code].reduce((total, char) => total + char.charCodeAt(0), 0);
  return DAY_PASS_TYPES[sum % DAY_PASS_TYPES.length] ?? 2;
}

const fupPolicy = (dataType: number, speed: string): string => (dataType === 3 ? '' : speed);

const TOPUP_PLANS = [plan(GB_MB, 7), plan(3 * GB_MB, 30), plan(5 * GB_MB, 30)];

/** An area a package covers: one country or a region. */
interface Area {
  readonly code: string;
  readonly name: string;
  readonly slugPrefix: string;
  readonly members: readonly Country[];
  readonly kind: 'country' | 'region' | 'global';
}

function volumeLabel(volumeMb: number): string {
  return volumeMb < GB_MB ? `${volumeMb}MB` : `${volumeMb / GB_MB}GB`;
}

function volumeSlug(volumeMb: number): string {
  return String(Math.round((volumeMb / GB_MB) * 10) / 10);
}

/** Prices end on whole cents: the provider's unit is 1/10,000 USD, its catalogue prices are cent-precise. */
function roundCents(units: number): number {
  return Math.max(100, Math.round(units / 100) * 100);
}

/** A partner's typical retail: roughly 1.8x wholesale, ending in .90. */
function retailFor(price: number): number {
  return Math.ceil((price * 1.8) / 10_000) * 10_000 - 1_000;
}

function regionArea(region: RegionDefinition, kind: 'region' | 'global'): Area {
  const code = regionCode(region);
  const members = region.members.map((member) => {
    const country = findCountry(member);
    if (!country) throw new Error(`region ${code} names unknown country ${member}`);
    return country;
  });
  return { code, name: `${region.name} (${members.length} areas)`, slugPrefix: code, members, kind };
}

/**
 * `@faker-js/faker` itself loads every locale (2 MB, ~100 ms of a CLI's start-up) to export SimpleFaker; its
 * `locale/base` entry loads only the language-free data but exports just a shared instance. A private
 * instance of that instance's class draws the same numbers as `new SimpleFaker({ seed })` (only locale-free
 * methods are used).
 */
const LocaleFreeFaker = baseFaker.constructor as typeof Faker;

export interface GenerateCatalogOptions {
  /** Default 1. */
  seed?: number;
}

export function generateCatalog(options: GenerateCatalogOptions = {}): EsimAccessCatalog {
  const faker = new LocaleFreeFaker({ seed: options.seed ?? 1 });
  const usedCodes = new Set<string>();

  const newCode = (prefix: string): string => {
    for (;;) {
      const letters = faker.string.alpha({ length: { min: 2, max: 3 }, casing: 'upper' });
      const code = `${prefix}${letters}${faker.string.numeric(3)}`;
      if (!usedCodes.has(code)) {
        usedCodes.add(code);
        return code;
      }
    }
  };

  const networkList = (area: Area): EsimAccessPackage['locationNetworkList'] =>
    area.members.map((country) => ({
      locationName: country.name,
      locationLogo: `/img/flags/${country.code.toLowerCase()}.png`,
      operatorList: country.operators.map((operator) => ({ ...operator })),
    }));

  const speedOf = (area: Area): string =>
    area.members.some((c) => c.operators.some((o) => o.networkType === '5G')) ? '3G/4G/5G' : '3G/4G';

  const ipExportOf = (area: Area): string =>
    area.kind === 'country' && faker.datatype.boolean()
      ? (area.members[0]?.code ?? 'HK')
      : faker.helpers.arrayElement(IP_HUBS);

  const makePackage = (
    area: Area,
    p: Plan,
    ratePerGb: number,
    kind: 'base' | 'daily' | 'topup',
  ): EsimAccessPackage => {
    const daily = kind === 'daily';
    const dataType = daily ? dayPassType(area) : 1;
    const price = roundCents((p.volumeMb / GB_MB) * ratePerGb * (daily ? 0.9 : 1 + p.days / 100));
    const name = daily
      ? `${area.name} ${volumeLabel(p.volumeMb)}/Day`
      : `${area.name} ${volumeLabel(p.volumeMb)} ${p.days}${p.days === 1 ? 'Day' : 'Days'}`;
    const slugBase = daily
      ? `${area.slugPrefix}_${volumeSlug(p.volumeMb)}_Daily`
      : `${area.slugPrefix}_${volumeSlug(p.volumeMb)}_${p.days}`;
    return {
      packageCode: newCode(kind === 'topup' ? TOPUP_PREFIX : ''),
      slug: kind === 'topup' ? `${slugBase}_TOPUP` : slugBase,
      name,
      price,
      currencyCode: 'USD',
      volume: p.volumeMb * MB,
      duration: p.days,
      durationUnit: 'DAY',
      location: area.members.map((c) => c.code).join(','),
      description: name,
      activeType: faker.helpers.arrayElement([1, 2]),
      supportTopUpType:
        kind === 'base' && faker.number.int({ min: 1, max: 5 }) > 1 ? 2 : kind === 'topup' ? 2 : 1,
      smsStatus: faker.helpers.weightedArrayElement([
        { weight: 7, value: 0 },
        { weight: 2, value: 1 },
        { weight: 1, value: 2 },
      ]),
      dataType,
      unusedValidTime: 180,
      favorite: false,
      retailPrice: retailFor(price),
      speed: speedOf(area),
      locationNetworkList: networkList(area),
      ipExport: ipExportOf(area),
      // Drawn for every day pass so the generator's sequence does not depend on the type; a cut-off pass has none.
      fupPolicy: daily ? fupPolicy(dataType, faker.helpers.arrayElement(['384 Kbps', '1 Mbps'])) : '',
    };
  };

  const packagesFor = (area: Area, ratePerGb: number): EsimAccessPackage[] => {
    const extras = faker.helpers.arrayElements(EXTRA_PLANS, { min: 1, max: 3 });
    const plans = [...CORE_PLANS, ...extras].sort((a, b) => a.volumeMb - b.volumeMb || a.days - b.days);
    const bases = plans.map((p) => makePackage(area, p, ratePerGb, 'base'));
    const daily = area.kind === 'country' && faker.number.int({ min: 1, max: 10 }) <= 3;
    const dayPasses = daily ? [makePackage(area, plan(GB_MB, 1), ratePerGb, 'daily')] : [];
    const topUps = bases.some((b) => b.supportTopUpType !== 1)
      ? TOPUP_PLANS.map((p) => makePackage(area, p, ratePerGb, 'topup'))
      : [];
    return [...bases, ...dayPasses, ...topUps];
  };

  const rate = (min: number, max: number): number => faker.number.int({ min, max, multipleOf: 100 });
  const countryAreas: Area[] = COUNTRIES.map((c) => ({
    code: c.code,
    name: c.name,
    slugPrefix: c.code,
    members: [c],
    kind: 'country',
  }));
  const packages: EsimAccessPackage[] = [
    ...countryAreas.flatMap((area) => packagesFor(area, rate(6_000, 30_000))),
    ...REGIONS.flatMap((region) => packagesFor(regionArea(region, 'region'), rate(12_000, 32_000))),
    ...packagesFor(regionArea(GLOBAL_REGION, 'global'), rate(30_000, 45_000)),
  ];
  return { packages, locations: buildLocations() };
}

/** `location/list`: every country (type 1), then the regions and the global bundle (type 2) with their members. */
export function buildLocations(): EsimAccessLocation[] {
  const countries: EsimAccessLocation[] = [...COUNTRIES]
    // A fixed locale: the machine's default (LANG) would change the order, and a recorded run would not replay.
    .sort((a, b) => a.name.localeCompare(b.name, 'en'))
    .map((c) => ({ code: c.code, name: c.name, type: 1, subLocationList: null }));
  const regions: EsimAccessLocation[] = [...REGIONS, GLOBAL_REGION].map((region) => {
    const area = regionArea(region, 'region');
    return {
      code: area.code,
      name: region.name,
      type: 2,
      subLocationList: area.members.map((c) => ({ code: c.code, name: c.name })),
    };
  });
  return [...countries, ...regions];
}
