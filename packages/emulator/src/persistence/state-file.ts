/**
 * @module
 * The state file: load at start (clear errors naming the file, never a stack trace) and atomic saves
 * (temp file in the same directory, fsync, rename, fsync of the directory) so a SIGKILL leaves either the old or
 * the new complete file.
 */

import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import { accountDataSchema } from '../control/schemas.js';
import { EmulatorError } from '../errors.js';
import type { TenantData } from '../tenants/data.js';
import { describeIssue, issuePath } from '../validate.js';

export const STATE_FILE_FORMAT = 'esim-sandbox-emulator';
export const STATE_FILE_VERSION = 1;

export interface StateFileContent {
  format: typeof STATE_FILE_FORMAT;
  formatVersion: typeof STATE_FILE_VERSION;
  provider: string;
  stateVersion: number;
  savedAt: string;
  /** Id of the default account. */
  defaultAccount: string;
  /** Engine-level generator state (credentials of created accounts). */
  random: number;
  accounts: TenantData<unknown, unknown>[];
}

/** Reads and checks a state file; undefined when it does not exist. */
export function loadStateFile(
  path: string,
  expect: { provider: string; stateVersion: number; stateSchema?: z.ZodType | undefined },
): StateFileContent | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new EmulatorError('STATE_FILE_IO', `cannot read state file ${path}: ${(err as Error).message}`, {
      field: path,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw corrupt(path, `not valid JSON (${(err as Error).message})`);
  }
  if (!isRecord(parsed) || parsed.format !== STATE_FILE_FORMAT)
    throw corrupt(path, 'not an esim-sandbox state file');
  if (parsed.formatVersion !== STATE_FILE_VERSION) {
    throw wrongVersion(
      path,
      `format version ${String(parsed.formatVersion)}, expected ${STATE_FILE_VERSION}`,
    );
  }
  if (parsed.provider !== expect.provider) {
    throw wrongVersion(
      path,
      `written by provider '${String(parsed.provider)}', expected '${expect.provider}'`,
    );
  }
  if (parsed.stateVersion !== expect.stateVersion) {
    throw wrongVersion(path, `state version ${String(parsed.stateVersion)}, expected ${expect.stateVersion}`);
  }
  if (!Array.isArray(parsed.accounts) || typeof parsed.defaultAccount !== 'string') {
    throw corrupt(path, 'accounts or defaultAccount missing');
  }
  const ids = new Set<string>();
  for (const [i, a] of parsed.accounts.entries()) {
    const checked = accountDataSchema.safeParse(a);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw corrupt(path, `${issuePath(issue?.path ?? [], `accounts.${i}`)}: ${issue?.message ?? 'invalid'}`);
    }
    const state = expect.stateSchema?.safeParse(checked.data.state);
    if (state && !state.success) {
      const { field, message } = describeIssue(state.error, `accounts.${i}.state`);
      throw corrupt(path, `${field}: ${message}`);
    }
    // A second account with the same id would silently replace the first when loaded.
    if (ids.has(checked.data.id)) throw corrupt(path, `accounts.${i}.id: '${checked.data.id}' appears twice`);
    ids.add(checked.data.id);
  }
  if (!parsed.accounts.some((a: { id: string }) => a.id === parsed.defaultAccount)) {
    throw corrupt(path, `default account '${parsed.defaultAccount}' is not in accounts`);
  }
  return parsed as unknown as StateFileContent;
}

/** Writes atomically; concurrent calls are serialised (the last content wins). */
export class StateFileWriter {
  readonly path: string;
  #chain: Promise<void> = Promise.resolve();

  constructor(path: string) {
    this.path = path;
  }

  /**
   * `content` is serialised before this returns, so it may be live data that changes right after. Resolves with
   * the bytes written.
   */
  write(content: StateFileContent): Promise<Buffer> {
    const bytes = encodeStateFile(content);
    const run = this.#chain.then(() => writeAtomic(this.path, bytes)).then(() => bytes);
    this.#chain = run.then(
      () => {},
      () => {},
    );
    return run;
  }
}

/**
 * Makes the state file's folder and removes temporary files that interrupted saves left in it; when the file does
 * not exist yet, writes `initial` to it, so a folder that cannot be written is refused now, not on every request
 * later, and a failed save always has a saved state to go back to.
 */
export function prepareStateFile(path: string, initial: Uint8Array | undefined): void {
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true });
    const prefix = `.${basename(path)}.`;
    for (const name of readdirSync(dir)) {
      if (name.startsWith(prefix) && name.endsWith('.tmp')) rmSync(join(dir, name), { force: true });
    }
    if (initial) {
      const tmp = tempPath(path);
      const fd = openSync(tmp, 'w', 0o600);
      try {
        writeSync(fd, initial);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, path);
    }
  } catch (err) {
    throw new EmulatorError('STATE_FILE_IO', `cannot write state file ${path}: ${(err as Error).message}`, {
      field: path,
      cause: err,
    });
  }
}

function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * The file's bytes, encoded once. `${json}\n` would be a rope that writing flattens into a second full-size copy
 * before encoding it (tens of MB for a big account).
 */
export function encodeStateFile(content: StateFileContent): Buffer {
  const json = JSON.stringify(content);
  const length = Buffer.byteLength(json, 'utf8');
  const bytes = Buffer.allocUnsafe(length + 1);
  bytes.write(json, 0, 'utf8');
  bytes[length] = 0x0a;
  return bytes;
}

async function writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const dir = dirname(path);
  const tmp = tempPath(path);
  try {
    const fh = await open(tmp, 'w', 0o600);
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => {});
    throw new EmulatorError('STATE_FILE_IO', `cannot write state file ${path}: ${(err as Error).message}`, {
      field: path,
      cause: err,
    });
  }
  // The rename is durable only once the directory entry is; some platforms refuse fsync on a directory.
  try {
    const dh = await open(dir, 'r');
    try {
      await dh.sync();
    } finally {
      await dh.close();
    }
  } catch {
    // Best effort.
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function corrupt(path: string, why: string): EmulatorError {
  return new EmulatorError('STATE_FILE_CORRUPT', `state file ${path} is corrupt: ${why}`, { field: path });
}

function wrongVersion(path: string, why: string): EmulatorError {
  return new EmulatorError('STATE_FILE_VERSION', `state file ${path} cannot be used: ${why}`, {
    field: path,
  });
}
