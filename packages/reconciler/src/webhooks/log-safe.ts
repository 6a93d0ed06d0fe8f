/**
 * Error text the webhook route may log. A payload carries ICCIDs and EIDs, and a failed statement's error (drizzle's
 * `Failed query: ... params: ...`) repeats its parameters, which for the inbox insert is the whole payload; logs
 * get the driver's reason instead, and any ICCID- or EID-length digit run is cut to its last 4 digits.
 * @module
 */

/** As long as an ICCID (18-22 digits) or an EID (32): shorter ids (esimTranNo, orderNo digits) stay readable. */
const LONG_DIGITS = /\d{15,}/g;

export function redactIds(text: string): string {
  return text.replace(LONG_DIGITS, (digits) => `…${digits.slice(-4)}`);
}

/** A failed statement's error keeps the statement and its parameters beside the driver's error (its cause). */
function isQueryError(error: Error): boolean {
  return 'params' in error && 'query' in error;
}

/** One line about `error`, without the payload it may quote. */
export function safeErrorMessage(error: unknown): string {
  let current: unknown = error;
  while (current instanceof Error && isQueryError(current) && current.cause !== undefined)
    current = current.cause;
  if (current instanceof Error && isQueryError(current)) return 'a store statement failed';
  const message = current instanceof Error ? current.message : String(current);
  return redactIds(message.split('\n')[0] ?? '');
}

/** `error` with a message safe to log; the original stays its `cause` for code that wants the details. */
export function loggableError(error: unknown): Error {
  const safe = new Error(safeErrorMessage(error), { cause: error });
  safe.name = error instanceof Error ? error.name : 'Error';
  return safe;
}
