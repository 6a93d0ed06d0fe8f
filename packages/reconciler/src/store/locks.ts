/**
 * "Exactly one process syncs a given account at a time."
 *
 * - PostgreSQL: a session-level advisory lock held on a dedicated connection for the whole sync. If the process
 *   dies, the server drops the connection and with it the lock: a killed sync never blocks the next one.
 * - PGlite: one process owns the data folder (see `data-dir-lock.ts`), so an in-process set is enough.
 * @module
 */
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';

/** Releases a held lock; safe to call twice. */
export type ReleaseLock = () => Promise<void>;

export interface LockManager {
  /** The lock's release function, or null when another holder has it. Never waits. */
  tryAcquire(name: string): Promise<ReleaseLock | null>;
}

/** 32-bit FNV-1a, as a signed int4: the two keys of `pg_try_advisory_lock(int, int)`. */
export function lockKey(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

export class InProcessLocks implements LockManager {
  private readonly held = new Set<string>();

  async tryAcquire(name: string): Promise<ReleaseLock | null> {
    if (this.held.has(name)) return null;
    this.held.add(name);
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      this.held.delete(name);
    };
  }
}

export class AdvisoryLocks implements LockManager {
  /** The first key scopes locks to one store (one PostgreSQL schema), the second names the lock. */
  private readonly namespace: number;

  constructor(
    private readonly pool: pg.Pool,
    schema: string,
  ) {
    this.namespace = lockKey(`esim-reconciler:${schema}`);
  }

  async tryAcquire(name: string): Promise<ReleaseLock | null> {
    const client = await this.pool.connect();
    // A dropped connection already freed the lock on the server; only keep the process from crashing.
    const onError = () => {};
    client.on('error', onError);
    const db = drizzle({ client });
    const key = lockKey(name);
    try {
      const result = await db.execute<{ locked: boolean }>(
        sql`select pg_try_advisory_lock(${this.namespace}::int4, ${key}::int4) as locked`,
      );
      if (result.rows[0]?.locked === true) {
        let released = false;
        return async () => {
          if (released) return;
          released = true;
          try {
            await db.execute(sql`select pg_advisory_unlock(${this.namespace}::int4, ${key}::int4)`);
            client.off('error', onError);
            client.release();
          } catch (error) {
            // Destroy rather than return a connection whose lock state we no longer know.
            client.release(error instanceof Error ? error : true);
          }
        };
      }
    } catch (error) {
      client.off('error', onError);
      client.release(error instanceof Error ? error : true);
      throw error;
    }
    client.off('error', onError);
    client.release();
    return null;
  }
}
