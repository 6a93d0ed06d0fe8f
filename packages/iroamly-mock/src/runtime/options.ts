/**
 * @module
 * Options of `createIroamlyMock`, their defaults, the demo credentials the playground prints, the HTTP switches,
 * and what a new account starts from (`POST /_sandbox/accounts {params: {...}}` or
 * `emulator.createAccount({params})`).
 */
import { InvalidArgumentError, parseArguments } from '@esim-sandbox/core';
import { type EmulatorOptions, parseOrThrow } from '@esim-sandbox/emulator';
import { z } from 'zod';
import type { Catalog } from '../catalog/catalog.js';
import type { GenerateCatalogOptions } from '../catalog/generate.js';
import { readCatalogFile } from '../catalog/load.js';
import type { IroamlyBehaviourOptions } from '../ops/behaviour.js';

export const balanceSchema = z
  .number({ error: 'must be a number' })
  .int({ error: 'must be an integer (1/100 credit)' })
  .min(0)
  .max(Number.MAX_SAFE_INTEGER);

export const accountParamsSchema = z.strictObject({ balance: balanceSchema.optional() });
export type IroamlyAccountParams = z.infer<typeof accountParamsSchema>;

const httpSchema = z.strictObject({
  /** HTTP status of every `{code != 1}` answer. The spec shows none; an envelope API most likely says 200. */
  errorStatus: z.number().int().min(200).max(599).default(200),
  /** getPlanItem for a region that matches nothing: HTTP 404 (with a code-3 body) or `[]` (NOTES §2: both seen). */
  unknownRegion: z.union([z.literal(404), z.literal('empty')]).default(404),
  /** Also accept GET on the openapi endpoints, parameters in the query string ("GET / POST" in the spec). */
  allowGet: z.boolean().default(true),
  /** Base of the QR image URLs when the request's own origin is not what clients should use (a proxy). */
  publicBaseUrl: z.url().optional(),
});

export type IroamlyHttpOptions = z.input<typeof httpSchema>;
export type IroamlyHttp = z.output<typeof httpSchema>;

export function resolveHttp(options: IroamlyHttpOptions = {}): IroamlyHttp {
  return parseArguments(httpSchema, options, 'http');
}

/** AuthKey of the default account unless `authKey` is given. Not a secret: it is printed by the playground. */
export const DEMO_AUTH_KEY = 'demo-auth-key';
/** AuthSecret of the default account unless `authSecret` is given. */
export const DEMO_AUTH_SECRET = 'demo-auth-secret';
/** Starting balance of a new account: 100 000 minor units = 1 000.00 credits. */
export const DEFAULT_BALANCE = 100_000;

export interface IroamlyMockOptions extends Omit<EmulatorOptions<IroamlyAccountParams>, 'account' | 'seed'> {
  /** Seeds account ids and the generated catalogue. Default `'iroamly'`. */
  seed?: string | number;
  /** Default account's AuthKey (≤ 32 characters). Default {@link DEMO_AUTH_KEY}. */
  authKey?: string;
  /** Default account's AuthSecret (≤ 50 characters). Default {@link DEMO_AUTH_SECRET}. */
  authSecret?: string;
  /** Default account's starting balance in 1/100 credit. Default {@link DEFAULT_BALANCE}. */
  balance?: number;
  /** A ready catalogue (`generateCatalog`, `loadCatalog`); otherwise one is generated from the seed. */
  catalog?: Catalog;
  /** A catalogue file (`capture-catalog` output, see catalog/load.ts), read at creation; instead of `catalog`. */
  catalogFile?: string;
  /** Options for the generated catalogue (ignored with `catalog`). */
  catalogOptions?: GenerateCatalogOptions;
  behaviour?: IroamlyBehaviourOptions;
  http?: IroamlyHttpOptions;
}

/** Checks a balance given as an option (InvalidArgumentError naming `balance`). */
export function resolveBalance(balance: unknown): number {
  return parseArguments(balanceSchema, balance ?? DEFAULT_BALANCE, 'balance');
}

/**
 * Account params from the control API (credential rules are the provider's validateCredentials): an engine error (HTTP 400 naming the field) rather than core's, since
 * it surfaces through `/_sandbox`.
 */
export function parseAccountParams(params: unknown): IroamlyAccountParams {
  return parseOrThrow(accountParamsSchema, params ?? {}, 'params');
}

/** The catalogue the options ask for: `catalog`, `catalogFile` (read now), or undefined (generate one). */
export function resolveCatalog(
  options: Pick<IroamlyMockOptions, 'catalog' | 'catalogFile'>,
): Catalog | undefined {
  if (options.catalog !== undefined && options.catalogFile !== undefined) {
    throw new InvalidArgumentError('catalogFile', 'give catalog or catalogFile, not both');
  }
  return options.catalogFile === undefined ? options.catalog : readCatalogFile(options.catalogFile);
}
