/**
 * The Postgres settings the embedded PGlite store starts with. PGlite's defaults are a server's (128 MB of shared
 * buffers), and in a WebAssembly heap every buffer once touched stays resident: these keep the store's memory
 * small without slowing a sync (README, "Memory and container sizing", has the measurements). They are passed as
 * `-c name=value` start parameters, so nothing is written into the data folder and a later open may choose others.
 * @module
 */
import { PGlite } from '@electric-sql/pglite';
import { StoreConfigError } from '../errors.js';

export const PGLITE_SETTINGS: Readonly<Record<string, string>> = {
  shared_buffers: '16MB',
  wal_buffers: '1MB',
  temp_buffers: '2MB',
  work_mem: '4MB',
  maintenance_work_mem: '16MB',
};

/** The environment variable the CLI reads overrides from: `shared_buffers=64MB,work_mem=8MB`. */
export const PGLITE_SETTINGS_ENV = 'ESIM_RECONCILE_PGLITE_SETTINGS';

const NAME = /^[a-z_][a-z0-9_.]*$/;
const VALUE = /^[A-Za-z0-9_.+-]+$/;

/** `name=value` pairs separated by commas or spaces; a malformed pair is a `StoreConfigError` naming `field`. */
export function parsePgliteSettings(text: string, field = PGLITE_SETTINGS_ENV): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const pair of text.split(/[\s,]+/).filter(Boolean)) {
    const [name = '', value = '', ...rest] = pair.split('=');
    if (!NAME.test(name) || !VALUE.test(value) || rest.length > 0) {
      throw new StoreConfigError(
        field,
        `expected name=value pairs such as shared_buffers=64MB,work_mem=8MB, got ${JSON.stringify(pair)}`,
      );
    }
    settings[name] = value;
  }
  return settings;
}

/** PGlite's own start parameters, then ours (`overrides` over the defaults): the last `-c` of a name wins. */
export function pgliteStartParams(overrides: Readonly<Record<string, string>> = {}): string[] {
  const settings = { ...PGLITE_SETTINGS, ...overrides };
  for (const [name, value] of Object.entries(settings)) {
    if (!NAME.test(name) || !VALUE.test(value))
      throw new StoreConfigError('pgliteSettings', `bad setting ${JSON.stringify(`${name}=${value}`)}`);
  }
  return [...PGlite.defaultStartParams, ...Object.entries(settings).flatMap(([n, v]) => ['-c', `${n}=${v}`])];
}
