/**
 * Loading a catalogue instead of generating one: a `{ packages, locations }` object (what `package/list` and
 * `location/list` answer) or a catalogue file written by `capture-catalog` (`--catalog FILE`).
 *
 * File format (version 1), JSON:
 * `{ "format": "esim-sandbox/catalog", "version": 1, "provider": "esimaccess", "capturedAt": ISO, "source": URL,
 *    "packages": [package/list items...], "locations": [location/list items...] }`.
 * `packages` holds the BASE and the TOPUP lists (each in the provider's order); `locations` may be left out, then the
 * single-country packages give a country list.
 * @module
 */
import { readFileSync } from 'node:fs';
import {
  type EsimAccessLocation,
  type EsimAccessPackage,
  InvalidArgumentError,
  parseArguments,
} from '@esim-sandbox/core';
import { z } from 'zod';
import { type EsimAccessCatalog, esimAccessCatalogSchema, splitLocation } from './catalog.js';

export const CATALOG_FILE_FORMAT = 'esim-sandbox/catalog';
export const CATALOG_FILE_VERSION = 1;

/** What `capture-catalog --provider esimaccess` writes and `--catalog FILE` reads. */
export interface EsimAccessCatalogFile extends EsimAccessCatalog {
  format: typeof CATALOG_FILE_FORMAT;
  version: typeof CATALOG_FILE_VERSION;
  provider: 'esimaccess';
  /** When the lists were read (ISO 8601). */
  capturedAt: string;
  /** The base URL they were read from (never credentials). */
  source: string;
}

const fileHeaderSchema = z.object({
  format: z.literal(CATALOG_FILE_FORMAT, { error: `must be '${CATALOG_FILE_FORMAT}'` }),
  version: z.literal(CATALOG_FILE_VERSION, {
    error: `must be ${CATALOG_FILE_VERSION} (this mock reads catalogue files of version ${CATALOG_FILE_VERSION})`,
  }),
  provider: z.literal('esimaccess', { error: 'must be esimaccess: this is a catalogue of another provider' }),
  capturedAt: z.string().optional(),
  source: z.string().optional(),
});

/** Countries named by single-country packages, when a loaded catalogue carries no location list. */
function deriveLocations(packages: readonly EsimAccessPackage[]): EsimAccessLocation[] {
  const codes = new Set<string>();
  for (const pkg of packages) {
    const members = splitLocation(pkg.location);
    if (members.length === 1 && members[0]) codes.add(members[0]);
  }
  return [...codes].sort().map((code) => ({ code, name: code, type: 1 as const, subLocationList: null }));
}

/**
 * Validates a catalogue object with core's schemas, then keeps the input's own objects (a deep copy): their key
 * order and any field core's schema does not know stay exactly as the provider sent them, so a loaded catalogue
 * answers `package/list` and `location/list` byte for byte like the account it was captured from.
 * @throws InvalidArgumentError naming the first bad field (`catalog.packages[2].price`) or a duplicate code.
 * @example loadCatalog({ packages: capturedPackages, locations: capturedLocations })
 */
export function loadCatalog(input: unknown): EsimAccessCatalog {
  parseArguments(esimAccessCatalogSchema, input, 'catalog');
  const { packages, locations } = structuredClone(input) as {
    packages: EsimAccessPackage[];
    locations?: EsimAccessLocation[];
  };
  const codes = new Set<string>();
  packages.forEach((pkg, i) => {
    if (codes.has(pkg.packageCode)) {
      throw new InvalidArgumentError(
        `catalog.packages[${i}].packageCode`,
        `duplicate package code ${pkg.packageCode}`,
      );
    }
    codes.add(pkg.packageCode);
  });
  return { packages, locations: locations ?? deriveLocations(packages) };
}

/** The file `capture-catalog` writes for a catalogue. */
export function toCatalogFile(
  catalog: EsimAccessCatalog,
  meta: { capturedAt: string; source: string },
): EsimAccessCatalogFile {
  return {
    format: CATALOG_FILE_FORMAT,
    version: CATALOG_FILE_VERSION,
    provider: 'esimaccess',
    capturedAt: meta.capturedAt,
    source: meta.source,
    packages: catalog.packages,
    locations: catalog.locations,
  };
}

function inFile(error: unknown, file: string): unknown {
  if (!(error instanceof InvalidArgumentError)) return error;
  const detail = error.message.slice(error.field.length + 2);
  return new InvalidArgumentError(error.field.replace(/^catalog\b/, 'catalogFile'), `${detail} (in ${file})`);
}

/**
 * A catalogue file's text: the versioned file format, or a bare `{ packages, locations }` object.
 * @param file the file's name, for error messages
 * @throws InvalidArgumentError naming the file and the field (`catalogFile.packages[0].price: ... (in cat.json)`)
 */
export function parseCatalogFile(text: string, file: string): EsimAccessCatalog {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InvalidArgumentError('catalogFile', `${file} is not JSON: ${(error as Error).message}`);
  }
  try {
    if (json !== null && typeof json === 'object' && 'format' in json) {
      parseArguments(fileHeaderSchema, json, 'catalog');
    }
    return loadCatalog(json);
  } catch (error) {
    throw inFile(error, file);
  }
}

/**
 * Reads a catalogue file synchronously (the mock is created synchronously).
 * @example createEsimAccessMock({ catalog: readCatalogFile('catalog.json') })
 */
export function readCatalogFile(file: string): EsimAccessCatalog {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new InvalidArgumentError('catalogFile', `cannot read ${file} (${reason})`);
  }
  return parseCatalogFile(text, file);
}
