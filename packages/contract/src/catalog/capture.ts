/**
 * Catalogue capture: read what an account sells (the real API with the user's credentials, or a mock) and build the
 * catalogue file a mock starts from (`--catalog FILE`). The answers are kept as sent (key order, unknown fields), so
 * a mock loaded from the file answers the lists byte for byte like the source.
 * @module
 */
import {
  ESIM_ACCESS_DEFAULT_BASE_URL,
  EsimAccessClient,
  type FetchLike,
  IROAMLY_DEFAULT_BASE_URL,
  type IroamlyPlan,
  iroamlyPlanListResponseSchema,
  parseResponse,
} from '@esim-sandbox/core';
import {
  type EsimAccessCatalog,
  type EsimAccessCatalogFile,
  loadCatalog as loadEsimAccessCatalog,
  toCatalogFile as toEsimAccessCatalogFile,
} from '@esim-sandbox/esimaccess-mock';
import {
  type CatalogExport,
  type CatalogRegionInput,
  COUNTRIES,
  creditToMinor,
  type IroamlyCatalogFile,
  loadCatalog as loadIroamlyCatalog,
  REGIONAL_NAMES,
  slugify,
  toCatalogFile as toIroamlyCatalogFile,
} from '@esim-sandbox/iroamly-mock';
import { CaptureError } from '../errors.js';
import { createRecorder } from '../record/recorder.js';
import type { EsimAccessCredentials } from '../targets/esimaccess.js';
import { globalFetch } from '../targets/shared.js';

export interface EsimAccessCaptureOptions {
  credentials: EsimAccessCredentials;
  /** Default the real API. */
  baseUrl?: string;
  fetch?: FetchLike;
  now?: () => Date;
}

/** `obj[key]` of the last answer recorded: the one the client accepted, after any retries. */
function lastList(recorder: ReturnType<typeof createRecorder>, key: string): unknown[] {
  const body = recorder.entries.at(-1)?.response.body;
  const obj = body && 'json' in body ? (body.json as { obj?: Record<string, unknown> }).obj : undefined;
  const list = obj?.[key];
  return Array.isArray(list) ? list : [];
}

/**
 * package/list (BASE, then the TOPUP codes not already listed) and location/list.
 * @example await captureEsimAccessCatalog({ credentials: { accessCode, secretKey } })
 */
export async function captureEsimAccessCatalog(
  options: EsimAccessCaptureOptions,
): Promise<EsimAccessCatalogFile> {
  const baseUrl = options.baseUrl ?? ESIM_ACCESS_DEFAULT_BASE_URL;
  // Catalogue text is kept as sent: nothing personal in it, and the secret key never appears in answers.
  const recorder = createRecorder({
    fetch: options.fetch,
    emails: false,
    secrets: [options.credentials.secretKey],
  });
  const client = new EsimAccessClient({ ...options.credentials, baseUrl, fetch: recorder.fetch });
  await client.listPackages({ type: 'BASE' });
  const base = lastList(recorder, 'packageList') as EsimAccessCatalog['packages'];
  await client.listPackages({ type: 'TOPUP' });
  const listed = new Set(base.map((p) => p.packageCode));
  const topUps = (lastList(recorder, 'packageList') as EsimAccessCatalog['packages']).filter(
    (p) => !listed.has(p.packageCode),
  );
  await client.listLocations();
  const locations = lastList(recorder, 'locationList');
  // Loading it here finds what a mock would refuse (a duplicate code) before the file is written.
  const catalog = loadEsimAccessCatalog({ packages: [...base, ...topUps], locations });
  return toEsimAccessCatalogFile(catalog, {
    capturedAt: (options.now?.() ?? new Date()).toISOString(),
    source: baseUrl,
  });
}

export interface IroamlyCaptureOptions {
  /** Default the real API. */
  baseUrl?: string;
  /**
   * Regions to ask `getPlanItem` for (ISO2, name or slug). Default: the countries and regional plans the mock
   * knows; the provider publishes no list of regions.
   */
  regions?: readonly string[];
  /**
   * `sandbox`: the mock's `GET /_sandbox/catalog` (exact prices); `plans`: the public plan list per region;
   * `auto` (default): sandbox when the base URL is not the real API and the route exists, else plans.
   */
  source?: 'auto' | 'sandbox' | 'plans';
  /** Bearer token of the mock's control API, when it has one. */
  controlToken?: string;
  fetch?: FetchLike;
  now?: () => Date;
}

export const DEFAULT_IROAMLY_REGIONS: readonly string[] = [
  ...COUNTRIES.map(([iso2]) => iso2),
  ...REGIONAL_NAMES.map(slugify),
];

async function sandboxExport(
  baseUrl: string,
  options: IroamlyCaptureOptions,
): Promise<CatalogExport | undefined> {
  const headers: Record<string, string> = options.controlToken
    ? { Authorization: `Bearer ${options.controlToken}` }
    : {};
  const res = await (options.fetch ?? globalFetch)(`${baseUrl}/_sandbox/catalog`, { headers });
  if (res.status === 404) return undefined;
  if (!res.ok) throw new CaptureError(`GET ${baseUrl}/_sandbox/catalog answered HTTP ${res.status}`);
  return (await res.json()) as CatalogExport;
}

async function planLists(baseUrl: string, regions: readonly string[], fetch: FetchLike) {
  const products: CatalogExport['products'] = [];
  const seen = new Set<string>();
  const regionList: CatalogRegionInput[] = [];
  for (const region of regions) {
    const res = await fetch(`${baseUrl}/common/getPlanItem?region=${encodeURIComponent(region)}`, {
      headers: { Accept: 'application/json' },
    });
    if (res.status === 404) continue;
    if (!res.ok)
      throw new CaptureError(`GET /common/getPlanItem?region=${region} answered HTTP ${res.status}`);
    const raw: unknown = await res.json();
    // Validated with core's schema, but the raw items are kept (key order, fields core does not know).
    parseResponse(iroamlyPlanListResponseSchema, raw, `getPlanItem?region=${region}`);
    const items = raw as IroamlyPlan[];
    const names = [...new Set(items.map((p) => p.region))];
    for (const name of names) {
      if (regionList.some((r) => r.name === name)) continue;
      const iso2 = names.length === 1 && /^[A-Za-z]{2}$/.test(region) ? region.toUpperCase() : undefined;
      regionList.push(iso2 ? { name, iso2 } : { name });
    }
    for (const item of items) {
      if (seen.has(item.productCode)) continue;
      seen.add(item.productCode);
      // The integer price the mock debits, written out so the file says what it charges.
      products.push({ ...item, price: creditToMinor(item.credit) });
    }
  }
  return { products, regions: regionList };
}

/**
 * @example await captureIroamlyCatalog({ regions: ['US', 'FR', 'europe'] })
 */
export async function captureIroamlyCatalog(
  options: IroamlyCaptureOptions = {},
): Promise<IroamlyCatalogFile> {
  const baseUrl = (options.baseUrl ?? IROAMLY_DEFAULT_BASE_URL).replace(/\/+$/, '');
  const source = options.source ?? 'auto';
  const meta = { capturedAt: (options.now?.() ?? new Date()).toISOString(), source: baseUrl };
  const trySandbox = source === 'sandbox' || (source === 'auto' && baseUrl !== IROAMLY_DEFAULT_BASE_URL);
  const exported = trySandbox ? await sandboxExport(baseUrl, options) : undefined;
  if (exported) {
    loadIroamlyCatalog(exported);
    return toIroamlyCatalogFile(exported, meta);
  }
  if (source === 'sandbox') throw new CaptureError(`${baseUrl} has no /_sandbox/catalog: is it a mock?`);
  const lists = await planLists(
    baseUrl,
    options.regions ?? DEFAULT_IROAMLY_REGIONS,
    options.fetch ?? globalFetch,
  );
  const file = toIroamlyCatalogFile({ priceUnit: '1/100 credit', ...lists }, meta);
  loadIroamlyCatalog(file);
  return file;
}
