import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IroamlyClient } from '@esim-sandbox/core';
import type { RunningServer } from '@esim-sandbox/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { plansForRegion } from '../src/catalog/catalog.js';
import { generateCatalog } from '../src/catalog/generate.js';
import { exportCatalog, loadCatalog, parseCatalogFile, toCatalogFile } from '../src/catalog/load.js';
import { runIroamlyCli } from '../src/cli.js';
import { createIroamlyMock } from '../src/index.js';
import { planItem } from './catalog.builders.js';

/** Iceland is not in the mock's country table: only a recorded ISO2 code makes it findable as `is`. */
const plan = (overrides: Record<string, unknown> = {}) =>
  planItem({
    plan: 'Iceland 5GB 30 Days',
    operator: 'Siminn',
    region: 'Iceland',
    region_index: 1,
    ...overrides,
  });

const META = { capturedAt: '2026-01-02T03:04:05.000Z', source: 'https://api.iroamly.shop' };

function writeTemp(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'iroamly-catalog-')), 'catalog.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('catalogue files', () => {
  it('reads back what toCatalogFile wrote from an export', () => {
    const generated = generateCatalog({ seed: 4, countries: 3 });
    const text = JSON.stringify(toCatalogFile(exportCatalog(generated), META));
    expect(parseCatalogFile(text, 'cat.json')).toEqual(generated);
  });

  it('keeps the key order and unknown fields of a captured plan item', () => {
    const { remark, ...rest } = plan();
    const captured = { remark, ...rest, newField: 1 };
    const [product] = loadCatalog([captured]).products;
    expect(JSON.stringify(product!.item)).toBe(JSON.stringify(captured));
  });

  it('finds a region by the ISO2 code the capture recorded, even outside the built-in country table', () => {
    const catalog = parseCatalogFile(
      JSON.stringify(
        toCatalogFile(
          {
            priceUnit: '1/100 credit',
            products: [{ ...plan(), price: 1299 }],
            regions: [{ name: 'Iceland', iso2: 'IS' }],
          },
          META,
        ),
      ),
      'cat.json',
    );
    expect(plansForRegion(catalog, 'is')?.map((p) => p.productCode)).toEqual(['m8hed7h2fed']);
    expect(plansForRegion(catalog, 'iceland')).toHaveLength(1);
  });

  it.each([
    ['not JSON', '[{', 'catalogFile', /cat\.json is not JSON/],
    [
      'a catalogue of the other provider',
      JSON.stringify({
        ...toCatalogFile({ priceUnit: '1/100 credit', products: [] }, META),
        provider: 'esimaccess',
      }),
      'catalogFile.provider',
      /another provider \(in cat\.json\)/,
    ],
    [
      'a plan without a price',
      JSON.stringify(
        toCatalogFile({ priceUnit: '1/100 credit', products: [plan({ credit: 'free' }) as never] }, META),
      ),
      'catalogFile.products[0].credit',
      /\(in cat\.json\)$/,
    ],
    [
      'a plan in a region the file does not list',
      JSON.stringify({ products: [plan()], regions: [{ name: 'Norway', iso2: 'NO' }] }),
      'catalogFile.products[0].region',
      /'Iceland' is not in catalog\.regions/,
    ],
  ])('refuses %s with an error naming the file and the field', (_, text, field, message) => {
    expect(() => parseCatalogFile(text, 'cat.json')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', field, message: expect.stringMatching(message) }),
    );
  });

  it('starts a mock that sells exactly the plans of the file', async () => {
    const file = writeTemp([plan()]);
    const mock = createIroamlyMock({ catalogFile: file, clock: 'manual' });
    try {
      expect(mock.catalog.products.map((p) => p.item.productCode)).toEqual(['m8hed7h2fed']);
    } finally {
      await mock.close();
    }
  });

  it('refuses a catalogue object and a file at the same time', () => {
    expect(() =>
      createIroamlyMock({ catalogFile: writeTemp([plan()]), catalog: generateCatalog({ countries: 1 }) }),
    ).toThrow(/catalogFile: give catalog or catalogFile, not both/);
  });
});

describe('iroamly-mock --catalog', () => {
  function run(argv: string[]) {
    const err: string[] = [];
    const exits: number[] = [];
    const started = runIroamlyCli({
      argv,
      env: {},
      stdout: () => {},
      stderr: (l) => err.push(l),
      exit: (code) => exits.push(code),
      signals: false,
    });
    return { started, err, exits };
  }

  it('serves the plans of the file', async () => {
    const cli = run(['--port', '0', '--catalog', writeTemp([plan()])]);
    server = await cli.started;
    const client = new IroamlyClient({
      authKey: 'demo-auth-key',
      authSecret: 'demo-auth-secret',
      baseUrl: server!.url,
    });
    expect(await client.listPlans('iceland')).toEqual([plan()]);
  });

  it.each([
    [
      'a missing file',
      '/nonexistent/plans.json',
      /--catalog catalogFile: cannot read \/nonexistent\/plans\.json/,
    ],
    [
      'a file with a bad plan',
      writeTemp([plan({ productCode: '' })]),
      /--catalog catalogFile\[0\]\.productCode: .*\(in /,
    ],
  ])('refuses %s with exit code 2 and a message naming the file and the field', async (_, file, message) => {
    const cli = run(['--port', '0', '--catalog', file]);
    expect(await cli.started).toBeUndefined();
    expect(cli.exits).toEqual([2]);
    expect(cli.err[0]).toMatch(message);
  });
});
