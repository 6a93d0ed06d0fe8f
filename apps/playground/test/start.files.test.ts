/**
 * `--state-file` and `--catalog` (issue #17, for `esim-sandbox up`): each fake gets its own state file derived from
 * the one given, and sells the catalogue file whose header names it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFlags } from '../src/cli/flags.js';
import { startPlayground } from '../src/server/playground.js';
import { providerStateFile } from '../src/server/providers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'playground-files-'));
  dirs.push(dir);
  return dir;
};

describe('the state file and catalogue flags', () => {
  it.each([
    ['state.json', 'esimaccess', 'state.esimaccess.json'],
    ['/tmp/s/state', 'iroamly', '/tmp/s/state.iroamly.json'],
  ] as const)("derives %s -> the %s fake's %s", (given, provider, file) => {
    expect(providerStateFile(given, provider)).toBe(file);
  });

  it('passes --state-file and a comma-separated --catalog through to startPlayground', () => {
    expect(parseFlags(['--state-file', 's.json', '--catalog', 'a.json,b.json'], {})).toEqual({
      help: false,
      options: { stateFile: 's.json', catalogFiles: ['a.json', 'b.json'] },
    });
  });

  it('keeps an account created on one run for the next run with the same state file', async () => {
    const stateFile = join(tempDir(), 'state.json');
    const first = await startPlayground({ port: 0, clock: 'manual', stateFile });
    const created = await first.sources.iroamly.request('/_sandbox/accounts', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const { id } = (await created.json()) as { id: string };
    await first.close();
    const second = await startPlayground({ port: 0, clock: 'manual', stateFile });
    try {
      const res = await second.sources.iroamly.request(`/_sandbox/accounts/${id}`);
      expect(res.status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('sells the catalogue of the file whose header names the provider', async () => {
    const dir = tempDir();
    const file = join(dir, 'iroamly.json');
    const first = await startPlayground({ port: 0, clock: 'manual', seed: 'one' });
    const catalog = (await (await first.sources.iroamly.request('/_sandbox/catalog')).json()) as {
      products: { productCode: string }[];
    };
    await first.close();
    const only = { ...catalog, products: catalog.products.slice(0, 1) };
    writeFileSync(
      file,
      JSON.stringify({
        format: 'esim-sandbox/catalog',
        version: 1,
        provider: 'iroamly',
        capturedAt: '2025-01-01T00:00:00Z',
        source: 'test',
        ...only,
      }),
    );
    const second = await startPlayground({ port: 0, clock: 'manual', seed: 'two', catalogFiles: [file] });
    try {
      const served = (await (
        await second.sources.iroamly.request('/_sandbox/catalog')
      ).json()) as typeof catalog;
      expect(served.products.map((p) => p.productCode)).toEqual([catalog.products[0]!.productCode]);
    } finally {
      await second.close();
    }
  });
});
