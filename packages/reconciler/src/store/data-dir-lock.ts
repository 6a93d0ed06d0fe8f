/**
 * PGlite does not stop two processes from opening the same data folder, and doing so corrupts it. A pid file
 * beside the data makes the second opener fail with a clear message; a pid file left by a killed process is
 * taken over, so a SIGKILLed sync can simply be run again.
 * @module
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StoreUnavailableError } from '../errors.js';

export const DATA_DIR_LOCK_FILE = 'esim-reconciler.pid';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the folder for this process; returns the release function. */
export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, DATA_DIR_LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        if (readPid(path) === process.pid) unlinkSync(path);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new StoreUnavailableError(`cannot lock data folder ${dataDir}: ${(error as Error).message}`, {
          cause: error,
        });
      }
      const owner = readPid(path);
      if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
        throw new StoreUnavailableError(
          `data folder ${dataDir} is in use by process ${owner}; PGlite allows one process per folder (use DATABASE_URL to share a store between processes)`,
        );
      }
      if (owner === process.pid) {
        throw new StoreUnavailableError(`data folder ${dataDir} is already open in this process`);
      }
      // Left behind by a process that no longer runs.
      try {
        unlinkSync(path);
      } catch {}
    }
  }
  throw new StoreUnavailableError(`cannot lock data folder ${dataDir}: another process keeps taking it`);
}
