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
import {
  type EsimAccessLocation,
  type EsimAccessPackage,
  InvalidArgumentError,
  parseArguments,
} from '@esim-sandbox/core';
import { type CatalogFileHeader, catalogFileFormat } from '@esim-sandbox/emulator';
import { type EsimAccessCatalog, esimAccessCatalogSchema, splitLocation } from './catalog.js';

/** What `capture-catalog --provider esimaccess` writes and `--catalog FILE` reads. */
export interface EsimAccessCatalogFile extends CatalogFileHeader<'esimaccess'>, EsimAccessCatalog {}

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
    ...catalogFile.header(meta),
    packages: catalog.packages,
    locations: catalog.locations,
  };
}

/** This provider's catalogue file: `parse(text, file)`, `read(file)`, `flag(value)` for `--catalog FILE`. */
export const catalogFile = catalogFileFormat('esimaccess', loadCatalog);

/**
 * A catalogue file's text: the versioned file format or a bare catalogue object.
 * @throws InvalidArgumentError naming the file and the field
 */
export const parseCatalogFile: (text: string, file: string) => EsimAccessCatalog = catalogFile.parse;

/** Reads a catalogue file synchronously (the mock is created synchronously). */
export const readCatalogFile: (file: string) => EsimAccessCatalog = catalogFile.read;
