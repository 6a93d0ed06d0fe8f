/**
 * @module
 * The account registry: which accounts exist, which one is the default, lookup by id/key (`default` is an alias),
 * and the credentials of new accounts. It only keeps tenants; building them (runtime, fresh data) is the caller's.
 */
import { EmulatorError } from '../errors.js';
import type { Random } from '../random/random.js';
import type { Tenant } from '../tenants/tenant.js';
import type { AccountLookup } from '../types/provider.js';

/** What the registry needs to hand out credentials: the provider's rules and a generator. */
export interface CredentialRules {
  /** Unguessable (crypto) unless the user asked for a replayable sequence. */
  random: Random;
  generate?(random: Random): { key: string; secret: string };
  /** Throws INVALID_ARGUMENT naming the field when credentials break the provider's rules. */
  validate?(key: string, secret: string): void;
}

export class AccountRegistry<S, P> implements AccountLookup<S, P> {
  readonly #tenants = new Map<string, Tenant<S, P>>();
  readonly #rules: CredentialRules;
  /** Set once, when the default account is created or loaded. */
  defaultId = '';

  constructor(rules: CredentialRules) {
    this.#rules = rules;
  }

  account(id = 'default'): Tenant<S, P> {
    const t = this.#tenants.get(id === 'default' ? this.defaultId : id);
    if (!t) throw new EmulatorError('UNKNOWN_ACCOUNT', `no account '${id}'`, { field: 'account' });
    return t;
  }

  findAccount(key: string): Tenant<S, P> | undefined {
    return this.#tenants.get(key);
  }

  accounts(): Tenant<S, P>[] {
    return [...this.#tenants.values()];
  }

  ids(): IterableIterator<string> {
    return this.#tenants.keys();
  }

  add(tenant: Tenant<S, P>): Tenant<S, P> {
    this.#tenants.set(tenant.id, tenant);
    return tenant;
  }

  /** Removes a non-default account; throws UNKNOWN_ACCOUNT / INVALID_ARGUMENT (the default). */
  remove(id: string): void {
    const t = this.account(id);
    if (t.isDefault) {
      throw new EmulatorError('INVALID_ARGUMENT', 'the default account cannot be deleted', {
        field: 'account',
      });
    }
    this.#tenants.delete(t.id);
  }

  /** Drops the accounts not in `ids` (a rollback to a saved file). */
  keepOnly(ids: ReadonlySet<string>): void {
    for (const id of [...this.#tenants.keys()]) if (!ids.has(id)) this.#tenants.delete(id);
  }

  /** Generated credentials whose key is free (and never the alias `default`). */
  generate(): { key: string; secret: string } {
    const random = this.#rules.random;
    for (;;) {
      const c = this.#rules.generate?.(random) ?? { key: random.alnum(20), secret: random.alnum(32) };
      if (!this.#tenants.has(c.key) && c.key !== 'default') return c;
    }
  }

  /** Credentials for a new account: the given ones if free and valid, the rest generated. */
  credentialsFor(o: { key?: string | undefined; secret?: string | undefined }): {
    key: string;
    secret: string;
  } {
    if (o.key !== undefined && (this.#tenants.has(o.key) || (o.key === 'default' && this.defaultId !== ''))) {
      throw new EmulatorError('ACCOUNT_EXISTS', `an account with key '${o.key}' already exists`, {
        field: 'key',
      });
    }
    const generated = o.key === undefined || o.secret === undefined ? this.generate() : undefined;
    const key = o.key ?? generated?.key ?? '';
    const secret = o.secret ?? generated?.secret ?? '';
    // The provider's own credential rules (e.g. iRoamly's length limits) hold for every account, not just the CLI's.
    this.#rules.validate?.(key, secret);
    return { key, secret };
  }
}
