/**
 * @module
 * Loading a catalogue instead of generating one: a captured `getPlanItem` answer (bare array, possibly several
 * regions concatenated) or the fake's own `GET /_sandbox/catalog` export. Validated with core's plan schema.
 */
import { InvalidArgumentError, iroamlyPlanSchema, parseArguments } from '@esim-sandbox/core';
import { z } from 'zod';
import { type Catalog, type CatalogProduct, creditToMinor } from './catalog.js';
import { type CatalogRegion, regionFromName } from './regions.js';

/** A plan item plus, optionally, the integer price to debit; without it the price is `credit` × 100. */
const productInputSchema = iroamlyPlanSchema.extend({
  price: z.number().int({ error: 'must be an integer' }).nonnegative().optional(),
});

const planArraySchema = z.array(productInputSchema, { error: 'must be an array of plan items' });
const catalogObjectSchema = z.object(
  { products: planArraySchema },
  { error: 'must be an array of plan items or {products: [...]}' },
);

export type CatalogInput = z.input<typeof planArraySchema> | z.input<typeof catalogObjectSchema>;

/** The export format: the plan item's fields plus `price`, one object per product. */
export interface CatalogExport {
  /** What `price` counts: see the Fidelity table. */
  priceUnit: '1/100 credit';
  products: (CatalogProduct['item'] & { price: number })[];
}

/**
 * @throws InvalidArgumentError naming the first bad field (`catalog.products[2].credit`) or a duplicate code.
 * @example loadCatalog(JSON.parse(readFileSync('plans.json', 'utf8')))
 */
export function loadCatalog(input: unknown): Catalog {
  // Two schemas picked up front rather than a union, so an error keeps the path of the field at fault.
  const rows = Array.isArray(input)
    ? parseArguments(planArraySchema, input, 'catalog')
    : parseArguments(catalogObjectSchema, input, 'catalog').products;
  const regions: CatalogRegion[] = [];
  const regionNames = new Set<string>();
  const codes = new Set<string>();
  const products = rows.map((row, i): CatalogProduct => {
    const { price, ...item } = row;
    if (codes.has(item.productCode)) {
      throw new InvalidArgumentError(
        `catalog[${i}].productCode`,
        `duplicate product code ${item.productCode}`,
      );
    }
    codes.add(item.productCode);
    if (!regionNames.has(item.region)) {
      regionNames.add(item.region);
      regions.push(regionFromName(item.region));
    }
    return { item, price: price ?? creditToMinor(item.credit) };
  });
  return { regions, products };
}

/** The catalogue as `GET /_sandbox/catalog` shows it; `loadCatalog` reads it back unchanged. */
export function exportCatalog(catalog: Catalog): CatalogExport {
  return {
    priceUnit: '1/100 credit',
    products: catalog.products.map((p) => ({ ...p.item, price: p.price })),
  };
}
