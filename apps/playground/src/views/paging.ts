/**
 * @module
 * Search and paging of a dashboard list, done on the server: the page only ever receives one page of rows (50 by
 * default), however many the account has. The same query drives the JSON endpoint and the live sections.
 */

export interface PageQuery {
  /** Case-insensitive text every row's search text must contain; '' matches all. */
  q: string;
  /** 1-based. A page past the last one gives the last one. */
  page: number;
  limit: number;
}

export interface Page<T> {
  items: T[];
  /** Rows before the search. */
  total: number;
  /** Rows the search kept. */
  matched: number;
  page: number;
  /** At least 1, even when nothing matched. */
  pages: number;
  limit: number;
  q: string;
}

export const DEFAULT_PAGE_QUERY: PageQuery = { q: '', page: 1, limit: 50 };
export const MAX_LIMIT = 200;
const MAX_Q = 200;

export class PageQueryError extends Error {
  constructor(
    readonly field: 'q' | 'page' | 'limit',
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'PageQueryError';
  }
}

function positiveInt(
  field: 'page' | 'limit',
  text: string | undefined,
  fallback: number,
  max: number,
): number {
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) {
    throw new PageQueryError(field, `must be a whole number from 1 to ${max}, got ${JSON.stringify(text)}`);
  }
  return Number(text);
}

/**
 * Reads `q`, `page` and `limit` (each under `prefix`, e.g. `esimaccess.profiles.`); missing ones take the defaults,
 * bad ones throw a PageQueryError naming the field.
 * @example parsePageQuery((name) => url.searchParams.get(name) ?? undefined) // { q: '', page: 1, limit: 50 }
 */
export function parsePageQuery(get: (name: string) => string | undefined, prefix = ''): PageQuery {
  const q = (get(`${prefix}q`) ?? '').trim();
  if (q.length > MAX_Q) throw new PageQueryError('q', `at most ${MAX_Q} characters`);
  return {
    q,
    page: positiveInt('page', get(`${prefix}page`), DEFAULT_PAGE_QUERY.page, Number.MAX_SAFE_INTEGER),
    limit: positiveInt('limit', get(`${prefix}limit`), DEFAULT_PAGE_QUERY.limit, MAX_LIMIT),
  };
}

/** The rows of one page after the search; `text(row)` is what the search looks in. */
export function pageOf<T>(rows: readonly T[], query: PageQuery, text: (row: T) => string): Page<T> {
  const needle = query.q.toLowerCase();
  const kept = needle === '' ? rows : rows.filter((row) => text(row).toLowerCase().includes(needle));
  const pages = Math.max(1, Math.ceil(kept.length / query.limit));
  const page = Math.min(query.page, pages);
  const start = (page - 1) * query.limit;
  return {
    items: kept.slice(start, start + query.limit),
    total: rows.length,
    matched: kept.length,
    page,
    pages,
    limit: query.limit,
    q: query.q,
  };
}
