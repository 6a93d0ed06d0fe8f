/**
 * @module
 * Writes are all or nothing: a write's answer waits for its save, and when a save fails every change since the last
 * successful one is undone (back to the bytes that save wrote, kept by the saver because the file itself may be what
 * failed), so the answer that reports the failure leaves nothing behind.
 */
import { EmulatorError } from '../errors.js';
import type { StateSaver } from './saver.js';
import type { StateFileContent } from './state-file.js';

export interface Rollback {
  saver: StateSaver;
  path: string | undefined;
  log(message: string): void;
  /** Puts every account (and the engine generator) back to `saved`. */
  restore(saved: StateFileContent): void;
}

/**
 * The save a write awaits before it is answered. `epoch` is the saver's, taken before the change: a change that
 * another request's failed save undid meanwhile is reported as failed too.
 */
export function allOrNothing(r: Rollback): (epoch?: number) => Promise<void> {
  const undo = (err: Error): void => {
    r.log(`${err.message}: changes since the last save are undone`);
    const bytes = r.saver.saved;
    r.saver.rolledBack();
    if (bytes) r.restore(JSON.parse(bytes.toString('utf8')) as StateFileContent);
  };
  return async (epoch = r.saver.epoch) => {
    try {
      await r.saver.persist();
    } catch (err) {
      if (r.saver.epoch === epoch) undo(err as Error);
      throw err;
    }
    if (r.saver.epoch !== epoch) {
      throw new EmulatorError('STATE_FILE_IO', `the change was undone: saving state file ${r.path} failed`, {
        field: r.path,
      });
    }
  };
}
