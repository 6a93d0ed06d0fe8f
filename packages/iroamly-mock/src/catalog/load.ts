/**
 * @module
 * Loading a catalogue instead of generating one: a captured `getPlanItem` answer (bare array, possibly several
 * regions concatenated), the fake's own `GET /_sandbox/catalog` export, or a catalogue file written by
 * `capture-catalog` (`--catalog FILE`). Validated with core's plan schema.
 *
 * File format (version 1), JSON:
 * `{ "format": "esim-sandbox/catalog", "version": 1, "provider": "iroamly", "capturedAt": ISO, "source": URL,
 *    "priceUnit": "1/100 credit", "regions": [{ "name", "iso2"? }]?, "products": [plan item + "price"?...] }`.
 * `regions` is optional: it keeps the ISO2 code a region was asked for (so `region=IS` finds "Iceland" even when
 * the mock's country table lacks it) and lists regions that sold nothing; without it regions come from the plans.
 */
import {
  InvalidArgumentError,
  type IroamlyPlan,
  iroamlyPlanSchema,
  parseArguments,
} from '@esim-sandbox/core';
import { type CatalogFileHeader, catalogFileFormat } from '@esim-sandbox/emulator';
import { z } from 'zod';
import { type Catalog, type CatalogProduct, creditToMinor } from './catalog.js';
import { type CatalogRegion, countryRegion, regionalRegion, regionFromName } from './regions.js';

/** A plan item plus, optionally, the integer price to debit; without it the price is `credit` × 100. */
const productInputSchema = iroamlyPlanSchema.extend({
  price: z.number().int({ error: 'must be an integer' }).nonnegative().optional(),
});

const regionInputSchema = z.object({
  name: z.string().min(1),
  iso2: z
    .string()
    .regex(/^[A-Z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 code in capitals' })
    .optional(),
});

const planArraySchema = z.array(productInputSchema, { error: 'must be an array of plan items' });
const catalogObjectSchema = z.object(
  { products: planArraySchema, regions: z.array(regionInputSchema).optional() },
  { error: 'must be an array of plan items or {products: [...]}' },
);

export type CatalogRegionInput = z.input<typeof regionInputSchema>;

/** The export format: the plan item's fields plus `price`, one object per product. */
export interface CatalogExport {
  /** What `price` counts: see the Fidelity table. */
  priceUnit: '1/100 credit';
  products: (CatalogProduct['item'] & { price: number })[];
}

/** What `capture-catalog --provider iroamly` writes and `--catalog FILE` reads. */
export interface IroamlyCatalogFile extends CatalogFileHeader<'iroamly'>, CatalogExport {
  regions?: CatalogRegionInput[];
}

/** core writes a root array's first index as `catalog.[0]`; users write `catalog[0]`. */
function parsePlanArray(input: unknown[]) {
  try {
    return parseArguments(planArraySchema, input, 'catalog');
  } catch (error) {
    if (!(error instanceof InvalidArgumentError) || !error.field.startsWith('catalog.[')) throw error;
    const field = error.field.replace('catalog.[', 'catalog[');
    throw new InvalidArgumentError(field, error.message.slice(error.field.length + 2));
  }
}

function regionFromInput(input: CatalogRegionInput): CatalogRegion {
  return input.iso2 ? countryRegion(input.iso2, input.name) : regionalRegion(input.name);
}

/**
 * Validates with core's plan schema, then keeps the input's own plan objects (a deep copy, `price` taken out):
 * their key order and any field core does not know stay as the provider sent them, so `getPlanItem` answers byte
 * for byte like the source it was captured from.
 * @throws InvalidArgumentError naming the first bad field (`catalog.products[2].credit`) or a duplicate code.
 * @example loadCatalog(JSON.parse(readFileSync('plans.json', 'utf8')))
 */
export function loadCatalog(input: unknown): Catalog {
  // Two schemas picked up front rather than a union, so an error keeps the path of the field at fault.
  const parsed = Array.isArray(input)
    ? { products: parsePlanArray(input), regions: undefined }
    : parseArguments(catalogObjectSchema, input, 'catalog');
  const raw = structuredClone(Array.isArray(input) ? input : (input as { products: unknown[] }).products) as (
    | IroamlyPlan
    | (IroamlyPlan & { price?: number })
  )[];
  const regions: CatalogRegion[] = (parsed.regions ?? []).map(regionFromInput);
  const regionNames = new Set(regions.map((r) => r.name));
  const declared = parsed.regions !== undefined;
  const codes = new Set<string>();
  const products = raw.map((row, i): CatalogProduct => {
    const { price, ...item } = row as IroamlyPlan & { price?: number };
    const prefix = Array.isArray(input) ? `catalog[${i}]` : `catalog.products[${i}]`;
    if (codes.has(item.productCode)) {
      throw new InvalidArgumentError(`${prefix}.productCode`, `duplicate product code ${item.productCode}`);
    }
    codes.add(item.productCode);
    if (!regionNames.has(item.region)) {
      if (declared) {
        throw new InvalidArgumentError(`${prefix}.region`, `'${item.region}' is not in catalog.regions`);
      }
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

/** The file `capture-catalog` writes; `regions` when the capture knows the ISO2 code each region was asked by. */
export function toCatalogFile(
  catalog: CatalogExport & { regions?: CatalogRegionInput[] },
  meta: { capturedAt: string; source: string },
): IroamlyCatalogFile {
  return {
    ...catalogFile.header(meta),
    priceUnit: catalog.priceUnit,
    ...(catalog.regions ? { regions: catalog.regions } : {}),
    products: catalog.products,
  };
}

/** This provider's catalogue file: `parse(text, file)`, `read(file)`, `flag(value)` for `--catalog FILE`. */
export const catalogFile = catalogFileFormat('iroamly', loadCatalog);

/**
 * A catalogue file's text: the versioned file format or a bare catalogue object.
 * @throws InvalidArgumentError naming the file and the field
 */
export const parseCatalogFile: (text: string, file: string) => Catalog = catalogFile.parse;

/** Reads a catalogue file synchronously (the mock is created synchronously). */
export const readCatalogFile: (file: string) => Catalog = catalogFile.read;
