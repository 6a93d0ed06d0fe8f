/**
 * @module
 * The regions the fake sells plans for: real ISO 3166-1 alpha-2 countries plus a few multi-country plans, and the
 * lookup `getPlanItem?region=` uses (ISO2, country name or slug, per NOTES section 2).
 */

export interface CatalogRegion {
  /** Display name, also the plan's `region` field: `United States`. */
  name: string;
  /** `united-states`: what the provider's web shop puts in its URLs. */
  slug: string;
  /** ISO 3166-1 alpha-2 for a country; absent for a multi-country plan such as `Europe`. */
  iso2?: string | undefined;
  kind: 'country' | 'regional';
}

/** A fixed list keeps the catalogue identical across machines (no dependency on the ICU data Node ships). */
export const COUNTRIES: readonly (readonly [iso2: string, name: string])[] = [
  ['US', 'United States'],
  ['CA', 'Canada'],
  ['MX', 'Mexico'],
  ['BR', 'Brazil'],
  ['AR', 'Argentina'],
  ['CL', 'Chile'],
  ['CO', 'Colombia'],
  ['PE', 'Peru'],
  ['GB', 'United Kingdom'],
  ['IE', 'Ireland'],
  ['FR', 'France'],
  ['DE', 'Germany'],
  ['ES', 'Spain'],
  ['PT', 'Portugal'],
  ['IT', 'Italy'],
  ['NL', 'Netherlands'],
  ['BE', 'Belgium'],
  ['CH', 'Switzerland'],
  ['AT', 'Austria'],
  ['PL', 'Poland'],
  ['CZ', 'Czechia'],
  ['GR', 'Greece'],
  ['SE', 'Sweden'],
  ['NO', 'Norway'],
  ['DK', 'Denmark'],
  ['FI', 'Finland'],
  ['TR', 'Turkey'],
  ['AE', 'United Arab Emirates'],
  ['SA', 'Saudi Arabia'],
  ['EG', 'Egypt'],
  ['MA', 'Morocco'],
  ['ZA', 'South Africa'],
  ['KE', 'Kenya'],
  ['IN', 'India'],
  ['CN', 'China'],
  ['HK', 'Hong Kong'],
  ['TW', 'Taiwan'],
  ['JP', 'Japan'],
  ['KR', 'South Korea'],
  ['TH', 'Thailand'],
  ['VN', 'Vietnam'],
  ['MY', 'Malaysia'],
  ['SG', 'Singapore'],
  ['ID', 'Indonesia'],
  ['PH', 'Philippines'],
  ['AU', 'Australia'],
  ['NZ', 'New Zealand'],
];

/** Multi-country plans: no ISO2, found by name or slug only. */
export const REGIONAL_NAMES: readonly string[] = [
  'Europe',
  'Asia',
  'North America',
  'Latin America',
  'Middle East',
  'Global',
];

/** `United Arab Emirates` → `united-arab-emirates`. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function countryRegion(iso2: string, name: string): CatalogRegion {
  return { name, slug: slugify(name), iso2, kind: 'country' };
}

export function regionalRegion(name: string): CatalogRegion {
  return { name, slug: slugify(name), kind: 'regional' };
}

/** The region a name from a plan list refers to: a known country when the name matches one, else regional. */
export function regionFromName(name: string): CatalogRegion {
  const slug = slugify(name);
  const country = COUNTRIES.find(([, known]) => slugify(known) === slug);
  return country ? countryRegion(country[0], country[1]) : regionalRegion(name);
}

/**
 * Finds the region a `region=` query means: an ISO2 code, a display name or a slug, all case-insensitive,
 * surrounding spaces ignored.
 * @example findRegion(regions, 'us') // same region as 'United States' and 'united-states'
 */
export function findRegion(regions: readonly CatalogRegion[], query: string): CatalogRegion | undefined {
  const wanted = query.trim();
  if (wanted === '') return undefined;
  const upper = wanted.toUpperCase();
  const slug = slugify(wanted);
  return (
    regions.find((r) => r.iso2 !== undefined && r.iso2 === upper) ??
    regions.find((r) => r.slug === slug && slug !== '')
  );
}
