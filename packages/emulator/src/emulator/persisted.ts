/**
 * @module
 * Persistence loading: the accounts of a state file (or a fresh default account), what a save writes, and the
 * rollback to the last saved file. Building a tenant from its data is the caller's (`build`).
 */
import { EmulatorError } from '../errors.js';
import {
  encodeStateFile,
  loadStateFile,
  prepareStateFile,
  STATE_FILE_FORMAT,
  STATE_FILE_VERSION,
  type StateFileContent,
} from '../persistence/state-file.js';
import type { Random } from '../random/random.js';
import type { TenantData } from '../tenants/data.js';
import type { Tenant } from '../tenants/tenant.js';
import type { ProviderDefinition } from '../types/provider.js';
import type { AccountRegistry } from './accounts.js';

/** What a save writes from. */
export interface SavedAccounts<S, P> {
  provider: ProviderDefinition<S, P>;
  registry: AccountRegistry<S, P>;
  /** The engine's own generator (seeded credentials), saved with the accounts. */
  engineRandom: Random;
  realNow(): number;
}

/** What loading and rollback need besides: how to build a tenant. */
export interface PersistedAccounts<S, P> extends SavedAccounts<S, P> {
  /** A tenant for data read back from JSON or freshly built (not yet in the registry). */
  build(data: TenantData<S, P>, isDefault: boolean): Tenant<S, P>;
  fresh(identity: { id: string; key: string; secret: string; params: P | undefined }): TenantData<S, P>;
  /** Data read back from JSON made whole again by the provider. */
  revive(data: TenantData<S, P>): TenantData<S, P>;
}

/** What a save writes: live data, not snapshots (the writer encodes it before `write` returns). */
export function serializeAccounts<S, P>(p: SavedAccounts<S, P>): StateFileContent {
  return {
    format: STATE_FILE_FORMAT,
    formatVersion: STATE_FILE_VERSION,
    provider: p.provider.name,
    stateVersion: p.provider.stateVersion ?? 1,
    savedAt: new Date(p.realNow()).toISOString(),
    defaultAccount: p.registry.defaultId,
    random: p.engineRandom.state,
    accounts: p.registry.accounts().map((t) => t.liveData() as TenantData<unknown, unknown>),
  };
}

/** Adds accounts read back from JSON: the provider rebuilds what JSON cannot carry (null-prototype id tables). */
export function addLoaded<S, P>(
  p: PersistedAccounts<S, P>,
  accounts: readonly TenantData<unknown, unknown>[],
) {
  for (const a of accounts) {
    p.registry.add(p.build(p.revive(a as TenantData<S, P>), a.id === p.registry.defaultId));
  }
}

/**
 * Fills the registry from the state file, or with a fresh default account; then prepares the file (written at once
 * when new). Returns the bytes the file holds, and whether anything is unsaved.
 */
export function loadAccounts<S, P>(
  p: PersistedAccounts<S, P>,
  stateFile: string | undefined,
  account: { key?: string | undefined; secret?: string | undefined; params?: P | undefined } = {},
): { saved: Buffer | undefined; dirty: boolean } {
  const loaded = stateFile
    ? loadStateFile(stateFile, {
        provider: p.provider.name,
        stateVersion: p.provider.stateVersion ?? 1,
        stateSchema: p.provider.stateSchema,
      })
    : undefined;
  if (loaded) {
    p.registry.defaultId = loaded.defaultAccount;
    p.engineRandom.state = loaded.random;
    addLoaded(p, loaded.accounts);
    const d = p.registry.account();
    // A different key would silently serve another account's data: refuse. A new secret is taken (the flag changed).
    if (account.key && account.key !== loaded.defaultAccount) {
      throw new EmulatorError(
        'STATE_FILE_MISMATCH',
        `state file ${stateFile} belongs to account '${loaded.defaultAccount}', not '${account.key}'`,
        { field: stateFile },
      );
    }
    if (account.secret && account.secret !== d.secret) d.setCredentials(account.secret);
  } else {
    const c = p.registry.generate();
    const id = account.key ?? c.key;
    p.registry.defaultId = id;
    const data = p.fresh({ id, key: id, secret: account.secret ?? c.secret, params: account.params });
    p.registry.add(p.build(data, true));
  }
  if (!stateFile) return { saved: undefined, dirty: !loaded };
  const saved = encodeStateFile(serializeAccounts(p));
  prepareStateFile(stateFile, loaded ? undefined : saved);
  return { saved, dirty: !loaded };
}

/** Puts every account (and the engine generator) back to a saved file's content. */
export function restoreAccounts<S, P>(p: PersistedAccounts<S, P>, saved: StateFileContent): void {
  p.engineRandom.state = saved.random;
  p.registry.keepOnly(new Set(saved.accounts.map((a) => a.id)));
  for (const a of saved.accounts) {
    const t = p.registry.findAccount(a.id);
    if (t) t.reload(a as TenantData<S, P>);
    else addLoaded(p, [a]);
  }
}
