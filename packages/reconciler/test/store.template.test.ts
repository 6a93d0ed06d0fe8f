/**
 * A new PGlite folder is a copy of a prepared, migrated data folder cached per PGlite version and migration set
 * (made once by initdb in a child process), so no store creation pays initdb's second WebAssembly Postgres in
 * the opening process. PGlite only, whichever project runs it (the options name a folder and no URL).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordOrder } from '../src/records/record-order.js';
import { openStore, type Store } from '../src/store/open.js';
import { STORE_MARKER } from '../src/store/pglite-template.js';
import { orders } from '../src/store/schema.js';

/** initdb in a child takes 5 s on an idle machine and over 30 s on a loaded one. */
const INITDB_MS = 120_000;
const dirs: string[] = [];
const opened: Store[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reconciler-template-'));
  dirs.push(dir);
  return dir;
}

/** Opens a new store and checks that this process started one Postgres only: PGlite's initdb starts a second. */
async function open(dataDir: string, templateCache: string | false): Promise<Store> {
  const create = vi.spyOn(PGlite, 'create');
  try {
    const store = await openStore({ dataDir, templateCache, env: {} });
    opened.push(store);
    expect(create.mock.calls.map(([where]) => where)).toEqual([dataDir]);
    return store;
  } finally {
    create.mockRestore();
  }
}

async function ordersOf(store: Store, orderNo: string): Promise<string[]> {
  await recordOrder(store, { accountId: 'esimaccess', provider: 'esimaccess', orderNo, amount: 100 });
  return (await store.db.select().from(orders)).map((o) => o.orderNo);
}

afterEach(async () => {
  vi.restoreAllMocks();
  for (const store of opened.splice(0)) await store.close().catch(() => {});
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('creating a PGlite store', () => {
  it(
    'caches one migrated template and makes every new folder a copy of it',
    async () => {
      const cache = tempDir();
      const first = await open(join(tempDir(), 'first'), cache);
      const [template, ...others] = readdirSync(cache);
      expect(others).toEqual([]);
      expect(template).toMatch(/^pglite-\d+\.\d+\.\d+-[0-9a-f]{12}$/);
      expect(existsSync(join(cache, template!, STORE_MARKER))).toBe(true);
      // Marked, the template shows whether the next store is its copy rather than a fresh initdb.
      writeFileSync(join(cache, template!, 'copied-from-template'), '');
      const secondDir = join(tempDir(), 'second');
      const second = await open(secondDir, cache);
      expect(existsSync(join(secondDir, 'copied-from-template'))).toBe(true);
      expect(readdirSync(cache)).toEqual([template]);
      expect(await ordersOf(second, 'B2')).toEqual(['B2']);
      expect(await ordersOf(first, 'B1')).toEqual(['B1']);
    },
    INITDB_MS,
  );

  it.each([
    ['no cache', false as const],
    ['a cache folder that cannot be made', 'under-a-file/cache'],
  ])(
    'with %s, runs initdb in a child process straight into the folder',
    async (_name, cacheOption) => {
      const root = tempDir();
      writeFileSync(join(root, 'under-a-file'), '');
      const cache = cacheOption === false ? false : join(root, cacheOption);
      const dataDir = join(root, 'store');
      const store = await open(dataDir, cache);
      expect(existsSync(join(dataDir, STORE_MARKER))).toBe(true);
      expect(await ordersOf(store, 'C1')).toEqual(['C1']);
      expect(readdirSync(root).sort()).toEqual(['store', 'under-a-file']);
    },
    INITDB_MS,
  );
});
