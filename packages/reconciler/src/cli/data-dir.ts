/**
 * The CLI never creates a PGlite folder by accident: a mistyped `--data-dir` would otherwise be a new, empty store,
 * and its first sync would report every profile of the account as unknown. Only `init` creates one; the other
 * commands take an existing store, or an empty folder (one made for it, e.g. by mktemp).
 * @module
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { StoreConfigError } from '../errors.js';
import { STORE_MARKER } from '../store/pglite-template.js';

export type DataDirState = 'missing' | 'empty' | 'store' | 'other';

export function dataDirState(dir: string): DataDirState {
  if (!existsSync(dir)) return 'missing';
  if (!statSync(dir).isDirectory()) return 'other';
  if (existsSync(join(dir, STORE_MARKER))) return 'store';
  return readdirSync(dir).length === 0 ? 'empty' : 'other';
}

/** Throws `StoreConfigError` (field `--data-dir`) unless `dir` may be opened without `init`. */
export function checkDataDir(dir: string): void {
  const state = dataDirState(dir);
  if (state === 'missing') {
    throw new StoreConfigError(
      '--data-dir',
      `no store at ${dir} (the folder does not exist); create one with: esim-reconcile init --data-dir ${dir}`,
    );
  }
  if (state === 'other') {
    throw new StoreConfigError(
      '--data-dir',
      `${dir} is not a reconciler store (it holds other files); choose an empty or new folder`,
    );
  }
}
