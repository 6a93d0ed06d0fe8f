/**
 * @module
 * The product catalogue as plain data, and the reads the endpoints make on it. A product is the plan item the
 * provider publishes (typed by core's schema, never redefined here) plus the integer price the fake debits.
 */
import type { IroamlyPlan } from '@esim-sandbox/core';
import { type CatalogRegion, findRegion } from './regions.js';

/**
 * Money unit of the fake: 1/100 of a `credit`. The spec never names a currency; we read `credit` as US dollars,
 * so a balance of 1000 is 10.00 credits (USD). Integers only: `credit` floats are converted once, on load.
 */
export const MINOR_UNITS_PER_CREDIT = 100;

export interface CatalogProduct {
  /** Exactly what `getPlanItem` returns for this product. */
  item: IroamlyPlan;
  /** What purchaseCode debits per code, in minor units (1/100 credit). Equals `item.credit` × 100. */
  price: number;
}

export interface Catalog {
  regions: CatalogRegion[];
  products: CatalogProduct[];
}

/** `12.99` → `1299`. Rounds away float noise such as 12.990000000000002. */
export function creditToMinor(credit: number): number {
  return Math.round(credit * MINOR_UNITS_PER_CREDIT);
}

/** `1299` → `12.99`, the float the provider's plan list shows. */
export function minorToCredit(minor: number): number {
  return minor / MINOR_UNITS_PER_CREDIT;
}

const indexes = new WeakMap<Catalog, Map<string, CatalogProduct>>();

/** Looks a product up by code; the index is built once per catalogue object. */
export function findProduct(catalog: Catalog, productCode: string): CatalogProduct | undefined {
  let index = indexes.get(catalog);
  if (!index) {
    index = new Map(catalog.products.map((p) => [p.item.productCode, p]));
    indexes.set(catalog, index);
  }
  return index.get(productCode);
}

/**
 * The plan list for a `region=` query (ISO2, name or slug), or `undefined` when no region matches so the
 * caller can choose between HTTP 404 and `[]`.
 */
export function plansForRegion(catalog: Catalog, query: string): IroamlyPlan[] | undefined {
  const region = findRegion(catalog.regions, query);
  if (!region) return undefined;
  return catalog.products.filter((p) => p.item.region === region.name).map((p) => p.item);
}
