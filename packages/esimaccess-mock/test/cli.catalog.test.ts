/**
 * `esimaccess-mock --catalog FILE`, run in process with injected argv and output.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EsimAccessClient } from '@esim-sandbox/core';
import { describe, expect, it } from 'vitest';
import { runEsimAccessCli } from '../src/cli.js';
import { toCatalogFile } from '../src/index.js';

function io(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const exits: number[] = [];
  return {
    out,
    err,
    exits,
    io: {
      argv,
      env: {},
      stdout: (l: string) => out.push(l),
      stderr: (l: string) => err.push(l),
      exit: (c: number) => exits.push(c),
      signals: false,
    },
  };
}

function catalogFile(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'esimaccess-cli-')), 'catalog.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

const onePackage = {
  packageCode: 'CKH139',
  slug: 'JP_5_30',
  name: 'Japan 5GB 30Days',
  price: 57_000,
  currencyCode: 'USD',
  volume: 5 * 1024 ** 3,
  duration: 30,
  durationUnit: 'DAY',
  location: 'JP',
  supportTopUpType: 2,
};

describe('esimaccess-mock --catalog', () => {
  it('serves the packages and locations of the file', async () => {
    const locations = [{ code: 'JP', name: 'Japan', type: 1 as const, subLocationList: null }];
    const file = catalogFile(
      toCatalogFile(
        { packages: [onePackage], locations },
        { capturedAt: '2026-01-01T00:00:00.000Z', source: 'test' },
      ),
    );
    const run = io(['--port', '0', '--catalog', file]);
    const server = await runEsimAccessCli(run.io);
    try {
      const client = new EsimAccessClient({
        accessCode: 'demo-access-code',
        secretKey: 'demo-secret-key',
        baseUrl: server!.url,
      });
      expect((await client.listPackages()).map((p) => p.packageCode)).toEqual(['CKH139']);
      expect(await client.listLocations()).toEqual(locations);
    } finally {
      await server?.close();
    }
  });

  it.each([
    ['a missing file', '/nonexistent/catalog.json', /--catalog catalogFile: cannot read \/nonexistent/],
    [
      'a file with a bad package',
      catalogFile({ packages: [{ ...onePackage, price: 'cheap' }] }),
      /--catalog catalogFile\.packages\[0\]\.price: .*\(in .*catalog\.json\)/,
    ],
  ])('refuses %s with exit code 2 and a message naming the file and the field', async (_, file, message) => {
    const run = io(['--port', '0', '--catalog', file]);
    expect(await runEsimAccessCli(run.io)).toBeUndefined();
    expect(run.exits).toEqual([2]);
    expect(run.err[0]).toMatch(message);
  });
});
