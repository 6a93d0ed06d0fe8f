/**
 * @module
 * The catalogue both panels show, as display rows. It is the same for every account and never changes while
 * the fake runs, so it is loaded once: from the in-process mock, or from an external fake (eSIM Access through
 * `package/list` with the default account's credentials, iRoamly through its control route).
 */
import { EsimAccessClient, type EsimAccessPackage } from '@esim-sandbox/core';
import type { CatalogExport } from '@esim-sandbox/iroamly-mock';
import { credits, formatBytes, usd } from '../format.js';
import { controlJson, type ProviderSource } from './sources.js';

export interface CatalogRow {
  code: string;
  name: string;
  area: string;
  data: string;
  validity: string;
  price: string;
}

export type CatalogLoader = () => Promise<CatalogRow[]>;

export function esimAccessRows(packages: readonly EsimAccessPackage[]): CatalogRow[] {
  return packages.map((p) => ({
    code: p.packageCode,
    name: p.name,
    area: p.location,
    data: formatBytes(p.volume),
    validity: `${p.duration} ${p.durationUnit.toLowerCase()}${p.duration === 1 ? '' : 's'}`,
    price: usd(p.price),
  }));
}

export function iroamlyRows(catalog: CatalogExport): CatalogRow[] {
  return catalog.products.map((p) => ({
    code: p.productCode,
    name: p.plan,
    area: p.region,
    data: p.data,
    validity: `${p.duration} days`,
    price: credits(p.price),
  }));
}

/** Loads once; a failure is kept for a minute so a broken external fake is not asked on every render. */
export function cached(load: CatalogLoader): CatalogLoader {
  let pending: Promise<CatalogRow[]> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      setTimeout(() => {
        pending = undefined;
      }, 60_000).unref();
      throw error;
    });
    return pending;
  };
}

/** `GET /_sandbox/catalog` when the fake has it, else undefined. */
async function controlCatalog<T>(source: ProviderSource): Promise<T | undefined> {
  const res = await source.request('/_sandbox/catalog');
  return res.ok ? ((await res.json()) as T) : undefined;
}

/**
 * An external eSIM Access fake: its control catalogue, else `package/list` with the credentials given (the demo
 * ones by default).
 */
export function remoteEsimAccessCatalog(source: ProviderSource): CatalogLoader {
  return cached(async () => {
    const exported = await controlCatalog<{ packages?: EsimAccessPackage[] }>(source);
    if (exported?.packages) return esimAccessRows(exported.packages);
    if (!source.credentials) throw new Error('no credentials for package/list');
    const client = new EsimAccessClient({
      accessCode: source.credentials.key,
      secretKey: source.credentials.secret,
      baseUrl: source.baseUrl,
    });
    return esimAccessRows(await client.listPackages({}));
  });
}

export function remoteIroamlyCatalog(source: ProviderSource): CatalogLoader {
  return cached(async () =>
    iroamlyRows(
      (await controlCatalog<CatalogExport>(source)) ??
        (await controlJson<CatalogExport>(source, '/accounts/default/catalog')),
    ),
  );
}
