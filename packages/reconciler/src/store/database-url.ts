/**
 * Checks DATABASE_URL before anything connects, so a typo gives a message naming the variable, never a driver
 * stack. Passwords never appear in messages.
 * @module
 */
import { StoreConfigError } from '../errors.js';

export interface ParsedDatabaseUrl {
  url: string;
  /** `host:port/database` with no credentials, for messages and reports. */
  display: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function parseDatabaseUrl(raw: string, field = 'DATABASE_URL'): ParsedDatabaseUrl {
  const value = raw.trim();
  if (value === '') throw new StoreConfigError(field, 'is empty; unset it to use the embedded PGlite store');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new StoreConfigError(field, 'is not a URL; expected postgres://user:password@host:5432/database');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new StoreConfigError(
      field,
      `must start with postgres:// or postgresql:// (got ${url.protocol}//); for the embedded store use --data-dir`,
    );
  }
  if (url.hostname === '' && !url.searchParams.has('host')) {
    throw new StoreConfigError(field, 'has no host; expected postgres://user:password@host:5432/database');
  }
  const host = url.hostname || url.searchParams.get('host') || '';
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || '(default database)';
  return { url: value, display: `${host}:${url.port || '5432'}/${database}` };
}

/** PostgreSQL schema names the store accepts: plain lowercase identifiers, so no quoting surprises. */
export function checkSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new StoreConfigError(
      'schema',
      `must be a lowercase identifier (a-z, 0-9, _), got ${JSON.stringify(schema)}`,
    );
  }
  return schema;
}
