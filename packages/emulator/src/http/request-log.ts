/**
 * @module
 * The request log of the command-line servers: one line per provider request, written after it was answered. It
 * carries no headers and no bodies, so no credential or secret can reach it; the journal holds the rest.
 */

/** What the log knows about one provider request. */
export interface RequestLogEntry {
  /** Real time when the answer was ready, ms since the epoch. */
  time: number;
  method: string;
  /** The path only: query strings may carry customer data. */
  path: string;
  /** 0 when the connection was dropped by a fault. */
  status: number;
  /** The provider's own code in the answer (`000000`, `7`…), when it has one. */
  providerCode: string | undefined;
  ms: number;
  /** The account that was authenticated; undefined when the request was refused before that. */
  account: string | undefined;
}

export const REQUEST_LOG_MODES = ['off', 'pretty', 'json'] as const;
export type RequestLogMode = (typeof REQUEST_LOG_MODES)[number];

/** `12:00:01.250 POST /api/v1/open/balance/query 200 code=0 3ms account=demo-access-code` */
export function prettyRequestLine(e: RequestLogEntry): string {
  const time = new Date(e.time).toISOString().slice(11, 23);
  return [
    time,
    e.method,
    e.path,
    e.status === 0 ? 'dropped' : String(e.status),
    e.providerCode === undefined ? '' : `code=${e.providerCode}`,
    `${e.ms}ms`,
    `account=${e.account ?? '-'}`,
  ]
    .filter(Boolean)
    .join(' ');
}

/** One JSON object per line, every field present (null when unknown), `time` in ISO 8601. */
export function jsonRequestLine(e: RequestLogEntry): string {
  return JSON.stringify({
    time: new Date(e.time).toISOString(),
    method: e.method,
    path: e.path,
    status: e.status,
    providerCode: e.providerCode ?? null,
    ms: e.ms,
    account: e.account ?? null,
  });
}

/** The hook for `EmulatorOptions.requestLog`; undefined for `off` (the pipeline then does no extra work). */
export function requestLogger(
  mode: RequestLogMode,
  write: (line: string) => void,
): ((entry: RequestLogEntry) => void) | undefined {
  if (mode === 'off') return undefined;
  const format = mode === 'json' ? jsonRequestLine : prettyRequestLine;
  return (entry) => write(format(entry));
}
