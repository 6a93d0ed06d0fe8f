/**
 * @module
 * Dirty tracking and coalesced saves: every caller of persist() gets a promise that resolves once a save that
 * started after its call (so it includes its change) has finished.
 */
import { type StateFileContent, StateFileWriter } from './state-file.js';

export class StateSaver {
  readonly #writer: StateFileWriter | undefined;
  readonly #serialize: () => StateFileContent;
  #dirty = false;
  #pending: Promise<void> | undefined;
  #chain: Promise<void> = Promise.resolve();
  #epoch = 0;
  #saved: Buffer | undefined;

  constructor(path: string | undefined, serialize: () => StateFileContent) {
    this.#writer = path ? new StateFileWriter(path) : undefined;
    this.#serialize = serialize;
  }

  /** Counts rollbacks: a caller that sees it change while waiting for its save lost its change to one. */
  get epoch(): number {
    return this.#epoch;
  }

  /**
   * The file's content after the last successful save, kept to go back to when a save fails (the file itself may
   * be what failed). As large as the file; off the JS heap.
   */
  get saved(): Buffer | undefined {
    return this.#saved;
  }

  /** The content the file holds at start (loaded or just written). */
  set saved(bytes: Buffer | undefined) {
    this.#saved = bytes;
  }

  /** The in-memory state went back to the file's: nothing is unsaved any more. */
  rolledBack(): void {
    this.#epoch++;
    this.#dirty = false;
  }

  markDirty(): void {
    this.#dirty = true;
  }

  /** Saves if anything changed; a no-op without a state file. Rejects with STATE_FILE_IO when writing fails. */
  persist(): Promise<void> {
    const writer = this.#writer;
    if (!writer) {
      this.#dirty = false;
      return Promise.resolve();
    }
    // A save queued but not yet started will serialise the latest state, the caller's change included.
    if (this.#pending) return this.#pending;
    const run = this.#chain.then(() => {
      this.#pending = undefined;
      if (!this.#dirty) return;
      this.#dirty = false;
      return writer.write(this.#serialize()).then((bytes) => {
        this.#saved = bytes;
      });
    });
    this.#pending = run;
    this.#chain = run.catch(() => {});
    return run;
  }

  /** Resolves when queued saves have finished (never rejects). */
  idle(): Promise<void> {
    return this.#chain;
  }
}
