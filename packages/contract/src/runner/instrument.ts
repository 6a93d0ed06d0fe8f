/**
 * The fetch every check's requests go through: it refuses requests to spending endpoints unless the running check
 * declared a spend (so no check can spend by mistake, on any target), and validates every answer against core's
 * schemas, collecting the problems for the running check.
 * @module
 */
import type { FetchLike } from '@esim-sandbox/core';
import { SpendBlockedError } from '../errors.js';

/** Problems of one answer, as `path: message` lines; none when it matches the schemas (or is not an API call). */
export type ResponseValidator = (
  request: { method: string; path: string },
  response: { status: number; json: unknown },
) => string[];

function requestLine(input: string | URL | Request, init?: RequestInit): { method: string; url: URL } {
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  return { method, url };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export class InstrumentedFetch {
  readonly fetch: FetchLike;
  private spendAllowed = false;
  private problems: string[] = [];

  constructor(base: FetchLike, spendingPaths: ReadonlySet<string>, validate: ResponseValidator) {
    this.fetch = async (input, init) => {
      const { method, url } = requestLine(input, init);
      if (spendingPaths.has(url.pathname) && !this.spendAllowed) throw new SpendBlockedError(url.pathname);
      const response = await base(input, init);
      const type = response.headers.get('content-type') ?? '';
      if (type.includes('json')) {
        const json = parseJson(await response.clone().text());
        const found = validate({ method, path: url.pathname }, { status: response.status, json });
        this.problems.push(...found.map((p) => `${method} ${url.pathname}: ${p}`));
      }
      return response;
    };
  }

  /** Starts a check: its answers' problems are collected from here on; spending endpoints stay closed. */
  begin(): void {
    this.spendAllowed = false;
    this.problems = [];
  }

  /** Opens the spending endpoints for the running check (it declared a spend that passed the guard). */
  allowSpending(): void {
    this.spendAllowed = true;
  }

  /** Ends a check, returning the schema problems its answers had. */
  end(): string[] {
    this.spendAllowed = false;
    const found = this.problems;
    this.problems = [];
    return found;
  }
}
