/**
 * @module
 * Refusal of a wrong account state read back from JSON (a `restore` body, a state file at start): the fake names the
 * field, and nothing changes or starts half-broken. The provider gives the ways to break its own state.
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import type { Emulator } from '../types/emulator.js';

/** A provider state as parsed JSON: collections of records. */
export type StateRecords = Record<string, Record<string, Record<string, unknown>>>;

export interface StateBreak {
  /** Names the case, e.g. `an order without email`. */
  what: string;
  /** The field the refusal must name (from `state.`), read before `apply`. */
  field(state: StateRecords): string;
  apply(state: StateRecords): void;
}

export interface RestoreRefusal {
  emulator: Pick<Emulator<unknown, unknown>, 'request'>;
  account: { id: string; snapshot(): unknown };
  break: StateBreak;
}

/** `POST /_sandbox/accounts/:id/restore` of the account's own snapshot, broken: 400 naming the field, no change. */
export async function checkRestoreRefused({ emulator, account, break: b }: RestoreRefusal): Promise<void> {
  const snapshot = JSON.parse(JSON.stringify(account.snapshot())) as { state: StateRecords };
  const before = JSON.stringify(account.snapshot());
  const field = b.field(snapshot.state);
  b.apply(snapshot.state);
  const res = await emulator.request(`/_sandbox/accounts/${account.id}/restore`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(snapshot),
  });
  assert.equal(res.status, 400);
  const { error } = (await res.json()) as { error: { code: string; message: string } };
  assert.equal(error.code, 'INVALID_ARGUMENT');
  assert.ok(error.message.includes(field), `'${error.message}' does not name ${field}`);
  assert.equal(JSON.stringify(account.snapshot()), before, 'the refused restore changed the account');
}

/** Breaks the first account's state in `file` (written by the fake), then `start()` must throw naming the field. */
export async function checkStateFileRefused(
  file: string,
  b: StateBreak,
  start: () => unknown,
): Promise<void> {
  const content = JSON.parse(await readFile(file, 'utf8')) as { accounts: { state: StateRecords }[] };
  const state = content.accounts[0]?.state;
  assert.ok(state, `${file} holds no account`);
  const field = b.field(state);
  b.apply(state);
  await writeFile(file, JSON.stringify(content));
  assert.throws(start, (error: Error) => {
    assert.ok(
      error.message.includes(`accounts.0.${field}`),
      `'${error.message}' does not name accounts.0.${field}`,
    );
    return true;
  });
}
