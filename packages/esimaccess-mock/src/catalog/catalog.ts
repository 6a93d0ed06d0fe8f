/**
 * The catalogue the mock sells from: exactly what `package/list` and `location/list` answer, so a catalogue captured
 * from a real account (`--catalog FILE`, see load.ts) loads the same way a generated one does. Everything else (base vs
 * top-up, a package's location code, which top-ups fit which base) is derived here, not stored.
 * @module
 */

import {
  type EsimAccessLocation,
  type EsimAccessPackage,
  esimAccessLocationSchema,
  esimAccessPackageSchema,
} from '@esim-sandbox/core';
import { z } from 'zod';

export const esimAccessCatalogSchema = z.object({
  packages: z.array(esimAccessPackageSchema).min(1),
  locations: z.array(esimAccessLocationSchema).optional(),
});

export interface EsimAccessCatalog {
  packages: EsimAccessPackage[];
  locations: EsimAccessLocation[];
}

export type PackageType = 'BASE' | 'TOPUP';

export type AreaKind = 'country' | 'region' | 'global';

/** Top-up codes start with `TOPUP_` (`TOPUP_JC172`), as the provider's examples do. */
export const TOPUP_PREFIX = 'TOPUP_';

export function packageType(pkg: Pick<EsimAccessPackage, 'packageCode'>): PackageType {
  return pkg.packageCode.startsWith(TOPUP_PREFIX) ? 'TOPUP' : 'BASE';
}

/** Day passes (dataType other than 1) are sold per day: `periodNum` days at the package's price each. */
export function isDayPass(pkg: Pick<EsimAccessPackage, 'dataType'>): boolean {
  return pkg.dataType !== undefined && pkg.dataType !== null && pkg.dataType !== 1;
}

/** Read-only lookups over a catalogue; built once per mock. */
export interface CatalogIndex {
  readonly catalog: EsimAccessCatalog;
  byCode(code: string): EsimAccessPackage | undefined;
  bySlug(slug: string): EsimAccessPackage | undefined;
  /** A `packageCode` or a slug, the two ways requests name a package. */
  resolve(codeOrSlug: string): EsimAccessPackage | undefined;
  /** `JP` for a single-country package, the region code (`EU-16`) for a multi-country one. */
  locationCode(pkg: EsimAccessPackage): string;
  /** One country, a region, or a global bundle (the `!GL` filter); global bundles are regions to location/list. */
  areaKind(pkg: EsimAccessPackage): AreaKind;
  /**
   * Top-ups that fit a base package: same `location` list. No top-ups when the base says it supports none
   * (supportTopUpType 1).
   */
  topUpsFor(base: EsimAccessPackage): EsimAccessPackage[];
}

const GLOBAL_PREFIX = 'GL-';

function memberKey(codes: readonly string[]): string {
  return [...codes].sort().join(',');
}

/** `"CN,HK,JP"` → `["CN", "HK", "JP"]`. */
export function splitLocation(location: string): string[] {
  return location
    .split(',')
    .map((code) => code.trim())
    .filter((code) => code.length > 0);
}

/** One index per catalogue object: every mock of a seed shares its generated (frozen) catalogue, and so its index. */
const indexes = new WeakMap<EsimAccessCatalog, CatalogIndex>();

export function indexCatalog(catalog: EsimAccessCatalog): CatalogIndex {
  let index = indexes.get(catalog);
  if (!index) {
    index = buildIndex(catalog);
    indexes.set(catalog, index);
  }
  return index;
}

function buildIndex(catalog: EsimAccessCatalog): CatalogIndex {
  const codes = new Map<string, EsimAccessPackage>();
  const slugs = new Map<string, EsimAccessPackage>();
  for (const pkg of catalog.packages) {
    codes.set(pkg.packageCode, pkg);
    if (pkg.slug) slugs.set(pkg.slug, pkg);
  }
  const regionByMembers = new Map<string, string>();
  for (const location of catalog.locations) {
    const members = location.subLocationList ?? location.subLocation;
    if (location.type === 2 && members)
      regionByMembers.set(memberKey(members.map((m) => m.code)), location.code);
  }
  const locationCode = (pkg: EsimAccessPackage): string => {
    const members = splitLocation(pkg.location);
    if (members.length === 1) return members[0] ?? pkg.location;
    return regionByMembers.get(memberKey(members)) ?? members[0] ?? pkg.location;
  };
  const topUpsByLocation = new Map<string, EsimAccessPackage[]>();
  for (const pkg of catalog.packages) {
    if (packageType(pkg) !== 'TOPUP') continue;
    const key = memberKey(splitLocation(pkg.location));
    topUpsByLocation.set(key, [...(topUpsByLocation.get(key) ?? []), pkg]);
  }
  return {
    catalog,
    byCode: (code) => codes.get(code),
    bySlug: (slug) => slugs.get(slug),
    resolve: (codeOrSlug) => codes.get(codeOrSlug) ?? slugs.get(codeOrSlug),
    locationCode,
    areaKind: (pkg) =>
      splitLocation(pkg.location).length <= 1
        ? 'country'
        : locationCode(pkg).startsWith(GLOBAL_PREFIX)
          ? 'global'
          : 'region',
    topUpsFor: (base) =>
      base.supportTopUpType === 1
        ? []
        : (topUpsByLocation.get(memberKey(splitLocation(base.location))) ?? []),
  };
}
