/**
 * @module
 * The catalogue file both fakes read with `--catalog FILE` (written by `capture-catalog`): a versioned header
 * around the provider's own lists. The provider supplies `load` (its lists' schema); reading, the header check and
 * errors that name the file and the field live here once.
 */
import { readFileSync } from 'node:fs';
import { InvalidArgumentError, parseArguments } from '@esim-sandbox/core';
import { z } from 'zod';
import { flagError } from '../server/cli-options.js';

export const CATALOG_FILE_FORMAT = 'esim-sandbox/catalog';
export const CATALOG_FILE_VERSION = 1;

export interface CatalogFileHeader<P extends string> {
  format: typeof CATALOG_FILE_FORMAT;
  version: typeof CATALOG_FILE_VERSION;
  provider: P;
  /** When the lists were read (ISO 8601). */
  capturedAt: string;
  /** The base URL they were read from (never credentials). */
  source: string;
}

export function catalogFileHeader<P extends string>(
  provider: P,
  meta: { capturedAt: string; source: string },
): CatalogFileHeader<P> {
  return {
    format: CATALOG_FILE_FORMAT,
    version: CATALOG_FILE_VERSION,
    provider,
    capturedAt: meta.capturedAt,
    source: meta.source,
  };
}

function headerSchema(provider: string) {
  return z.object({
    format: z.literal(CATALOG_FILE_FORMAT, { error: `must be '${CATALOG_FILE_FORMAT}'` }),
    version: z.literal(CATALOG_FILE_VERSION, {
      error: `must be ${CATALOG_FILE_VERSION} (this mock reads catalogue files of version ${CATALOG_FILE_VERSION})`,
    }),
    provider: z.literal(provider, { error: `must be ${provider}: this is a catalogue of another provider` }),
    capturedAt: z.string().optional(),
    source: z.string().optional(),
  });
}

function inFile(error: unknown, file: string): unknown {
  if (!(error instanceof InvalidArgumentError)) return error;
  const detail = error.message.slice(error.field.length + 2);
  return new InvalidArgumentError(error.field.replace(/^catalog\b/, 'catalogFile'), `${detail} (in ${file})`);
}

/**
 * A catalogue file's text: the versioned format (header checked for this provider), or whatever bare shape the
 * provider's `load` accepts.
 * @throws InvalidArgumentError naming the file and the field (`catalogFile.packages[0].price: … (in cat.json)`)
 */
export function parseCatalogFileText<C>(
  text: string,
  file: string,
  provider: string,
  load: (json: unknown) => C,
): C {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InvalidArgumentError('catalogFile', `${file} is not JSON: ${(error as Error).message}`);
  }
  try {
    if (json !== null && typeof json === 'object' && 'format' in json) {
      parseArguments(headerSchema(provider), json, 'catalog');
    }
    return load(json);
  } catch (error) {
    throw inFile(error, file);
  }
}

/** Reads a catalogue file synchronously (mocks are created synchronously). */
export function readCatalogFileWith<C>(file: string, provider: string, load: (json: unknown) => C): C {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new InvalidArgumentError('catalogFile', `cannot read ${file} (${reason})`);
  }
  return parseCatalogFileText(text, file, provider, load);
}

/** `--catalog FILE` for a mock's CLI: a bad file is a bad flag (exit 2), with the file and the field in the message. */
export function catalogFileFlag<C>(
  value: string | boolean | undefined,
  provider: string,
  load: (json: unknown) => C,
): C | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw flagError('catalog', 'needs a file name');
  try {
    return readCatalogFileWith(value, provider, load);
  } catch (error) {
    if (error instanceof InvalidArgumentError) throw flagError('catalog', error.message);
    throw error;
  }
}

/** One provider's catalogue file: what its `capture-catalog` writes and its `--catalog FILE` reads. */
export interface CatalogFileFormat<P extends string, C> {
  header(meta: { capturedAt: string; source: string }): CatalogFileHeader<P>;
  /** @throws InvalidArgumentError naming the file and the field */
  parse(text: string, file: string): C;
  /** @throws InvalidArgumentError naming the file (unreadable) or the field */
  read(file: string): C;
  /** A CLI flag's value: `undefined` when absent, else the catalogue; a bad file is a bad flag (exit 2). */
  flag(value: string | boolean | undefined): C | undefined;
}

/** Binds the functions above to one provider, so each fake names its provider and loader once. */
export function catalogFileFormat<P extends string, C>(
  provider: P,
  load: (json: unknown) => C,
): CatalogFileFormat<P, C> {
  return {
    header: (meta) => catalogFileHeader(provider, meta),
    parse: (text, file) => parseCatalogFileText(text, file, provider, load),
    read: (file) => readCatalogFileWith(file, provider, load),
    flag: (value) => catalogFileFlag(value, provider, load),
  };
}
