/**
 * Catalogue capture: a catalogue captured from one mock and loaded into a fresh one (another seed, so another
 * generated catalogue) answers the package and location lists byte for byte like the first.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { esimAccessSignatureHeaders } from '@esim-sandbox/core';
import { type RunningServer, startServer } from '@esim-sandbox/emulator';
import { createEsimAccessMock, type EsimAccessMock } from '@esim-sandbox/esimaccess-mock';
import { createIroamlyMock, type IroamlyMock } from '@esim-sandbox/iroamly-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { captureIroamlyCatalog } from '../src/catalog/capture.js';
import { runCaptureCli } from '../src/cli/capture.js';
import { noNetwork, tempDir } from './support.js';

const servers: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(mock: EsimAccessMock | IroamlyMock): Promise<string> {
  const server = await startServer({ emulator: mock.emulator as never, port: 0 });
  servers.push(server);
  return server.url;
}

async function capture(argv: string[]): Promise<string> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCaptureCli({
    argv,
    env: {},
    cwd: tempDir(),
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
  });
  expect(err).toEqual([]);
  expect(code).toBe(0);
  return out.join('\n');
}

/** The exact bytes of an eSIM Access answer. */
async function esimAccessText(
  url: string,
  mock: EsimAccessMock,
  path: string,
  body: unknown,
): Promise<string> {
  const text = JSON.stringify(body);
  const timestamp = String(Date.now());
  const requestId = crypto.randomUUID().replaceAll('-', '');
  const { accessCode, secretKey } = mock;
  const res = await fetch(`${url}/api/v1/open/${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'RT-AccessCode': accessCode,
      ...esimAccessSignatureHeaders({ timestamp, requestId, accessCode, body: text, secretKey }),
    },
    body: text,
  });
  return res.text();
}

const ESIMACCESS_LISTS: [string, unknown][] = [
  ['package/list', {}],
  ['package/list', { type: 'TOPUP' }],
  ['package/list', { locationCode: 'JP' }],
  ['package/list', { locationCode: '!RG' }],
  ['package/list', { locationCode: '!GL', type: 'TOPUP' }],
  ['location/list', {}],
];

describe('capture-catalog --provider esimaccess', () => {
  it('gives a fresh mock of another seed byte-identical package and location lists', async () => {
    // The comparisons below send unthrottled bursts: the fakes' 8 req/s limit is off, this test is about answers.
    const source = createEsimAccessMock({ seed: 'seed-a', rateLimit: null });
    const sourceUrl = await serve(source);
    const file = join(tempDir(), 'esimaccess.catalog.json');
    const summary = await capture([
      '--provider',
      'esimaccess',
      '--out',
      file,
      '--base-url',
      sourceUrl,
      '--access-code',
      source.accessCode,
      '--secret-key',
      source.secretKey,
    ]);
    expect(summary).toBe(
      `wrote ${source.catalog.catalog.packages.length} packages and ${source.catalog.catalog.locations.length} locations to ${file}`,
    );
    const written = JSON.parse(await readFile(file, 'utf8'));
    expect(written).toMatchObject({
      format: 'esim-sandbox/catalog',
      version: 1,
      provider: 'esimaccess',
      source: sourceUrl,
    });

    const fresh = createEsimAccessMock({ seed: 'seed-b', rateLimit: null });
    const copy = createEsimAccessMock({ seed: 'seed-b', catalogFile: file, rateLimit: null });
    const [freshUrl, copyUrl] = [await serve(fresh), await serve(copy)];
    // Without the file, seed b sells something else: the equality below comes from the file.
    expect(await esimAccessText(freshUrl, fresh, 'package/list', {})).not.toBe(
      await esimAccessText(sourceUrl, source, 'package/list', {}),
    );
    for (const [path, body] of ESIMACCESS_LISTS) {
      const expected = await esimAccessText(sourceUrl, source, path, body);
      expect(await esimAccessText(copyUrl, copy, path, body), `${path} ${JSON.stringify(body)}`).toBe(
        expected,
      );
    }
  });
});

describe('capture-catalog --provider iroamly', () => {
  async function planTexts(url: string, regions: readonly string[]): Promise<string[]> {
    return Promise.all(
      regions.map(async (r) =>
        (await fetch(`${url}/common/getPlanItem?region=${encodeURIComponent(r)}`)).text(),
      ),
    );
  }

  it("from a mock's /_sandbox/catalog gives a fresh mock byte-identical plan lists and catalogue", async () => {
    const source = createIroamlyMock({ seed: 'seed-a', catalogOptions: { countries: 8 } });
    const sourceUrl = await serve(source);
    const file = join(tempDir(), 'iroamly.catalog.json');
    await capture(['--provider', 'iroamly', '--out', file, '--base-url', sourceUrl]);
    const copy = createIroamlyMock({ seed: 'seed-b', catalogFile: file });
    const copyUrl = await serve(copy);
    const regions = source.catalog.regions.map((r) => r.iso2 ?? r.slug);
    expect(await planTexts(copyUrl, regions)).toEqual(await planTexts(sourceUrl, regions));
    const exported = async (url: string) => (await fetch(`${url}/_sandbox/catalog`)).text();
    expect(await exported(copyUrl)).toBe(await exported(sourceUrl));
  });

  it('from the public plan lists keeps the ISO2 code each region was asked by', async () => {
    const source = createIroamlyMock({ seed: 'seed-a', catalogOptions: { countries: 3, regional: true } });
    const sourceUrl = await serve(source);
    const regions = [...source.catalog.regions.map((r) => r.iso2 ?? r.slug), 'nowhere'];
    const file = await captureIroamlyCatalog({ baseUrl: sourceUrl, source: 'plans', regions });
    expect(file.regions?.[0]).toEqual({
      name: source.catalog.regions[0]!.name,
      iso2: source.catalog.regions[0]!.iso2,
    });
    const path = join(tempDir(), 'catalog.json');
    await writeFile(path, JSON.stringify(file));
    const copy = createIroamlyMock({ seed: 'seed-b', catalogFile: path });
    expect(await planTexts(await serve(copy), regions)).toEqual(await planTexts(sourceUrl, regions));
  });
});

describe('capture-catalog command line', () => {
  it.each([
    [['--out', 'x.json'], "--provider must be esimaccess or iroamly, got ''"],
    [['--provider', 'iroamly'], '--out FILE is required'],
    [
      ['--provider', 'esimaccess', '--out', 'x.json'],
      'needs --access-code and --secret-key: ESIMACCESS_ACCESS_CODE and ESIMACCESS_SECRET_KEY are not set',
    ],
    [
      ['--provider', 'iroamly', '--out', 'x.json', '--base-url', 'nope'],
      "--base-url must be a URL, got 'nope'",
    ],
  ])('%j is refused with exit code 2 before anything is sent', async (argv, message) => {
    const err: string[] = [];
    const code = await runCaptureCli({
      argv,
      env: {},
      cwd: tempDir(),
      stdout: () => {},
      stderr: (t) => err.push(t),
      fetch: noNetwork,
    });
    expect(code).toBe(2);
    expect(err.join('\n')).toContain(message);
  });
});
