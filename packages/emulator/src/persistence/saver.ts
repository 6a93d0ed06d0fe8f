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

  constructor(path: string | undefined, serialize: () => StateFileContent) {
    this.#writer = path ? new StateFileWriter(path) : undefined;
    this.#serialize = serialize;
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
      return writer.write(this.#serialize());
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
