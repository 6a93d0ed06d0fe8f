import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexCatalog } from '../src/catalog/catalog.js';
import { generateCatalog } from '../src/catalog/generate.js';
import { loadCatalog, parseCatalogFile, readCatalogFile, toCatalogFile } from '../src/catalog/load.js';
import { createEsimAccessMock } from '../src/mock/create.js';

const pkg = (packageCode: string, location: string, slug = packageCode) => ({
  packageCode,
  slug,
  name: packageCode,
  price: 10_000,
  currencyCode: 'USD',
  volume: 1024 ** 3,
  duration: 7,
  durationUnit: 'DAY',
  location,
  supportTopUpType: 2,
});

function tempFile(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'esimaccess-catalog-')), name);
  writeFileSync(file, content);
  return file;
}

describe('loading a catalogue object', () => {
  it('takes a generated catalogue back unchanged', () => {
    const generated = generateCatalog({ seed: 3 });
    expect(loadCatalog(JSON.parse(JSON.stringify(generated)))).toEqual(generated);
  });

  it('keeps the key order and the fields core does not know, as the provider sent them', () => {
    const captured = { ...pkg('JC016', 'JP'), fieldFromTheFuture: 'kept', packageCode: 'JC016' };
    const [loaded] = loadCatalog({ packages: [captured] }).packages;
    expect(JSON.stringify(loaded)).toBe(JSON.stringify(captured));
  });

  it('copies the input, so changing it later does not change the catalogue', () => {
    const input = { packages: [pkg('JC016', 'JP')] };
    const catalog = loadCatalog(input);
    input.packages[0]!.price = 1;
    expect(catalog.packages[0]!.price).toBe(10_000);
  });

  it('derives the country list when only packages are given', () => {
    const catalog = loadCatalog({ packages: [pkg('JC016', 'JP'), pkg('EU1', 'FR,DE')] });
    expect(catalog.locations).toEqual([{ code: 'JP', name: 'JP', type: 1, subLocationList: null }]);
  });

  it('matches top-ups to base packages by their location list', () => {
    const index = indexCatalog(
      loadCatalog({ packages: [pkg('JC016', 'JP'), pkg('TOPUP_JC172', 'JP'), pkg('TOPUP_FR1', 'FR')] }),
    );
    expect(index.topUpsFor(index.byCode('JC016')!).map((p) => p.packageCode)).toEqual(['TOPUP_JC172']);
    expect(index.resolve('TOPUP_JC172')?.packageCode).toBe('TOPUP_JC172');
  });

  it.each([
    ['a fractional price', { packages: [{ ...pkg('X', 'JP'), price: 1.5 }] }, 'catalog.packages[0].price'],
    ['an empty package list', { packages: [] }, 'catalog.packages'],
    [
      'a duplicate package code',
      { packages: [pkg('X', 'JP'), pkg('X', 'FR')] },
      'catalog.packages[1].packageCode',
    ],
    ['something that is not a catalogue', 'catalog.json', 'catalog'],
  ])('refuses %s with an error naming the field', (_, input, field) => {
    expect(() => loadCatalog(input)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', field }));
  });
});

describe('catalogue files', () => {
  const file = (catalog = loadCatalog({ packages: [pkg('JC016', 'JP')] })) =>
    toCatalogFile(catalog, { capturedAt: '2026-01-02T03:04:05.000Z', source: 'https://api.esimaccess.com' });

  it('reads back what toCatalogFile wrote', () => {
    const generated = generateCatalog({ seed: 5 });
    const text = JSON.stringify(file(generated));
    expect(parseCatalogFile(text, 'cat.json')).toEqual(generated);
  });

  it('also reads a bare { packages, locations } object', () => {
    const text = JSON.stringify({ packages: [pkg('JC016', 'JP')] });
    expect(parseCatalogFile(text, 'bare.json').packages.map((p) => p.packageCode)).toEqual(['JC016']);
  });

  it.each([
    ['not JSON', '{"packages": [', 'catalogFile', /cat\.json is not JSON/],
    [
      'a catalogue of the other provider',
      JSON.stringify({ ...file(), provider: 'iroamly' }),
      'catalogFile.provider',
      /another provider \(in cat\.json\)/,
    ],
    ['a newer version', JSON.stringify({ ...file(), version: 2 }), 'catalogFile.version', /version 1/],
    [
      'a bad package',
      JSON.stringify({ ...file(), packages: [{ ...pkg('JC016', 'JP'), volume: -1 }] }),
      'catalogFile.packages[0].volume',
      /\(in cat\.json\)$/,
    ],
  ])('refuses %s with an error naming the file and the field', (_, text, field, message) => {
    expect(() => parseCatalogFile(text, 'cat.json')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', field, message: expect.stringMatching(message) }),
    );
  });

  it('names a file that cannot be read', () => {
    expect(() => readCatalogFile('/nonexistent/catalog.json')).toThrow(
      expect.objectContaining({
        field: 'catalogFile',
        message: expect.stringContaining('/nonexistent/catalog.json (ENOENT)'),
      }),
    );
  });

  it('starts a mock that sells exactly the packages of the file', async () => {
    const path = tempFile('catalog.json', JSON.stringify(file()));
    const mock = createEsimAccessMock({ catalogFile: path, clock: 'manual' });
    try {
      expect(mock.catalog.catalog.packages.map((p) => p.packageCode)).toEqual(['JC016']);
    } finally {
      await mock.close();
    }
  });

  it('refuses a catalogue object and a file at the same time', () => {
    const path = tempFile('catalog.json', JSON.stringify(file()));
    expect(() => createEsimAccessMock({ catalogFile: path, catalog: generateCatalog({ seed: 1 }) })).toThrow(
      /catalogFile: give catalog or catalogFile, not both/,
    );
  });
});
