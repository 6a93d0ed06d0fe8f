/**
 * Ending a command-line program without losing its output. Through a pipe, Node writes what the pipe cannot take
 * at once (64 KiB on Linux) later, from the event loop; `process.exit` right after a large write drops that tail
 * while the exit code still says success, so `esim-reconcile report --json | jq` read a cut document.
 * @module
 */

/** The part of `process.stdout` this needs; a stream that has failed (EPIPE) still calls back, with an error. */
export interface FlushableOutput {
  write(chunk: string, callback: (error?: Error | null) => void): boolean;
}

/**
 * Resolves once everything written to `stream` so far has been handed to the operating system (or the stream
 * has failed: a reader that went away cannot be waited for). Writes are queued in order, so an empty write's
 * callback runs after every earlier one.
 */
export function flushed(stream: FlushableOutput): Promise<void> {
  return new Promise((resolve) => {
    try {
      stream.write('', () => resolve());
    } catch {
      resolve();
    }
  });
}

/**
 * Exits with `code` once stdout and stderr have been flushed: the one way every CLI of this repo ends. Exiting
 * explicitly (rather than waiting for the event loop to empty) keeps a stray handle from holding a finished
 * command open.
 *
 * @example
 * await exitAfterOutput(await runCli(process.argv.slice(2)));
 */
export async function exitAfterOutput(
  code: number,
  streams: readonly FlushableOutput[] = [process.stdout, process.stderr],
): Promise<never> {
  process.exitCode = code;
  await Promise.all(streams.map(flushed));
  return process.exit(code);
}
