/**
 * PGlite starts with small buffers (its defaults are a server's: 128 MB of shared buffers, resident once touched),
 * overridable in code and by ESIM_RECONCILE_PGLITE_SETTINGS, and never written into the data folder.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { StoreConfigError } from '../src/errors.js';
import { openStore } from '../src/store/open.js';
import { PGLITE_SETTINGS, parsePgliteSettings } from '../src/store/pglite-settings.js';

const dir = mkdtempSync(join(tmpdir(), 'reconciler-settings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function shown(options: Parameters<typeof openStore>[0], names: string[]) {
  const store = await openStore(options);
  try {
    const values: Record<string, string> = {};
    for (const name of names) {
      // Both engines answer { rows }; the store's Db type leaves the result engine-specific.
      const result = (await store.db.execute(sql`select current_setting(${name}) as value`)) as unknown as {
        rows: { value: string }[];
      };
      values[name] = String(result.rows[0]?.value);
    }
    return values;
  } finally {
    await store.close();
  }
}

describe('the PGlite store settings', () => {
  it('start PGlite with small buffers, kept out of the data folder', async () => {
    expect(await shown({ dataDir: dir, env: {} }, ['shared_buffers', 'work_mem', 'wal_buffers'])).toEqual({
      shared_buffers: PGLITE_SETTINGS.shared_buffers,
      work_mem: PGLITE_SETTINGS.work_mem,
      wal_buffers: PGLITE_SETTINGS.wal_buffers,
    });
    expect(PGLITE_SETTINGS.shared_buffers).toBe('16MB');
    expect(readFileSync(join(dir, 'postgresql.conf'), 'utf8')).toMatch(/^shared_buffers = 128MB/m);
  });

  it.each([
    ['pgliteSettings', { dataDir: dir, pgliteSettings: { shared_buffers: '32MB' }, env: {} }, '32MB', '4MB'],
    [
      'ESIM_RECONCILE_PGLITE_SETTINGS',
      { dataDir: dir, env: { ESIM_RECONCILE_PGLITE_SETTINGS: 'shared_buffers=24MB, work_mem=8MB' } },
      '24MB',
      '8MB',
    ],
  ])('take overrides from %s, over the defaults', async (_from, options, sharedBuffers, workMem) => {
    expect(await shown(options, ['shared_buffers', 'work_mem'])).toEqual({
      shared_buffers: sharedBuffers,
      work_mem: workMem,
    });
  });

  it.each(['shared_buffers', 'shared_buffers=', 'a=b=c', 'shared buffers=1MB;drop'])(
    'refuse %j naming the variable',
    (text) => {
      expect(() => parsePgliteSettings(text)).toThrow(StoreConfigError);
      expect(() => parsePgliteSettings(text)).toThrow(/^ESIM_RECONCILE_PGLITE_SETTINGS: expected name=value/);
    },
  );

  it('make the CLI exit 1 with one line naming the variable when malformed', async () => {
    let stderr = '';
    const code = await runCli(['init', '--data-dir', join(dir, 'new')], {
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text) },
      env: { ESIM_RECONCILE_PGLITE_SETTINGS: 'shared_buffers' },
    });
    expect({ code, stderr }).toEqual({
      code: 1,
      stderr:
        'esim-reconcile: ESIM_RECONCILE_PGLITE_SETTINGS: expected name=value pairs such as shared_buffers=64MB,work_mem=8MB, got "shared_buffers"\n',
    });
  });
});
