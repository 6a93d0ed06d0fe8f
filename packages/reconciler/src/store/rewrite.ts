/**
 * Writing many locked rows back in one statement: `insert ... on conflict (key) do update` with each row whole.
 * The caller read every row `FOR UPDATE` in its transaction, so the conflict is certain and no other writer
 * changed a column in between: writing the unchanged columns back is a no-op.
 * @module
 */
import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgInsertValue, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './open.js';

export interface RowChange<T extends PgTable> {
  /** The row as locked by the caller's transaction. */
  before: T['$inferSelect'];
  patch: Partial<T['$inferInsert']>;
}

/** The row with the patch's values; an undefined value changes nothing (as in an update's `set`). */
export function withPatch<Row extends object>(before: Row, patch: Partial<Row>): Row {
  const row: Row = { ...before };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) (row as Record<string, unknown>)[key] = value;
  }
  return row;
}

/**
 * The multi-row version of an update of `table` by its primary key `key`: writes each change (one per row) in
 * one statement. Every column but the key and `createdAt` takes the row's new value; `updatedAt` is now.
 */
export function rowRewriter<T extends PgTable>(table: T, key: readonly PgColumn[]) {
  const set: Record<string, SQL> = {};
  for (const [field, column] of Object.entries(getTableColumns(table))) {
    if (key.includes(column) || field === 'createdAt') continue;
    set[field] = field === 'updatedAt' ? sql`now()` : sql`excluded.${sql.identifier(column.name)}`;
  }
  return async (db: Db, changes: readonly RowChange<T>[]): Promise<void> => {
    if (changes.length === 0) return;
    await db
      .insert(table)
      .values(changes.map(({ before, patch }) => withPatch(before, patch) as PgInsertValue<T>))
      .onConflictDoUpdate({ target: [...key], set });
  };
}
