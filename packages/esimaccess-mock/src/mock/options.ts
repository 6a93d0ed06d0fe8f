/**
 * Options of `createEsimAccessMock`, their defaults, and the demo credentials the playground prints.
 * @module
 */
import type { EsimAccessErrorCode } from '@esim-sandbox/core';
import { ESIM_ACCESS_DEFAULT_TIMESTAMP_WINDOW_MS } from '@esim-sandbox/core';
import { EmulatorError, type EmulatorOptions, parseOrThrow } from '@esim-sandbox/emulator';
import { z } from 'zod';
import type { EsimAccessCatalog } from '../catalog/catalog.js';
import { loadCatalog, readCatalogFile } from '../catalog/load.js';
import type { EsimAccessBehaviour } from '../ops/context.js';

/** RT-AccessCode of the default account unless `accessCode` is given. Not a secret: the playground prints it. */
export const DEMO_ACCESS_CODE = 'demo-access-code';
/** SecretKey of the default account unless `secretKey` is given. */
export const DEMO_SECRET_KEY = 'demo-secret-key';
/** Starting balance of a new account: 10,000,000 x 1/10,000 USD = $1,000.00. */
export const DEFAULT_BALANCE = 10_000_000;

const balanceSchema = z
  .number({ error: 'must be a number' })
  .int({ error: 'must be an integer in 1/10,000 USD' })
  .min(0, { error: 'must not be negative' })
  .max(Number.MAX_SAFE_INTEGER);

/** Per-account options (`POST /_sandbox/accounts {params: {...}}`, `control.createAccount({params})`). */
export const accountParamsSchema = z.strictObject({
  balance: balanceSchema.optional(),
  /** Profiles left per packageCode; packages not named are unlimited. */
  stock: z.record(z.string(), z.number().int().min(0)).optional(),
});
export type EsimAccessAccountParams = z.infer<typeof accountParamsSchema>;

/**
 * - `hmac` (default): RT-AccessCode, RT-Timestamp, RT-RequestID and RT-Signature are required and checked.
 * - `access-code-only`: RT-AccessCode alone is enough (the documented "key in header" mode, which the live API also
 *   accepts); a signature that is sent anyway is still checked.
 */
export type EsimAccessSignatureMode = 'hmac' | 'access-code-only';

export interface EsimAccessAuthOptions {
  signature: EsimAccessSignatureMode;
  /** Allowed distance of RT-Timestamp from the VIRTUAL clock, both ways. Default 10 minutes (sister platforms). */
  timestampWindowMs: number;
  /** A repeated RT-RequestID within the window is refused with 101001 (Redtea's rule). Default true. */
  singleUseRequestId: boolean;
  /** Client addresses allowed (exact match); null = everyone (default). Others get 101002. */
  ipAllowlist: readonly string[] | null;
  /** Answer for an RT-AccessCode no account has. Default 401001, the only code an integration recorded for it. */
  unknownAccessCode: EsimAccessErrorCode;
}

export const DEFAULT_AUTH: EsimAccessAuthOptions = {
  signature: 'hmac',
  timestampWindowMs: ESIM_ACCESS_DEFAULT_TIMESTAMP_WINDOW_MS,
  singleUseRequestId: true,
  ipAllowlist: null,
  unknownAccessCode: '401001',
};

export interface EsimAccessEnvelopeOptions {
  /** `true`/`false` as the official examples (default), or the strings "true"/"false" as the doc tables say. */
  success: 'boolean' | 'string';
}

export interface EsimAccessMockOptions extends Omit<EmulatorOptions<EsimAccessAccountParams>, 'account'> {
  accessCode?: string;
  secretKey?: string;
  /** Default account's starting balance in 1/10,000 USD. Default {@link DEFAULT_BALANCE}. */
  balance?: number;
  /** Default account's stock per packageCode. */
  stock?: Record<string, number>;
  /** A catalogue object (what package/list + location/list answer); default one generated from the seed. */
  catalog?: EsimAccessCatalog;
  /** A catalogue file (`capture-catalog` output, see catalog/load.ts), read at creation; instead of `catalog`. */
  catalogFile?: string;
  behaviour?: Partial<EsimAccessBehaviour>;
  auth?: Partial<EsimAccessAuthOptions>;
  envelope?: Partial<EsimAccessEnvelopeOptions>;
  /** The default account's webhook URL at start (saved without the CHECK_HEALTH test). */
  webhookUrl?: string;
  /** Base of qrCodeUrl/shortUrl; default the origin each request came to (right for HTTP and msw alike). */
  publicBaseUrl?: string;
}

/** Parses account params; the engine maps the thrown EmulatorError to a 400 naming the field. */
export function parseAccountParams(params: unknown): EsimAccessAccountParams {
  return parseOrThrow(accountParamsSchema, params ?? {}, 'params');
}

export function resolveAuth(auth: Partial<EsimAccessAuthOptions> | undefined): EsimAccessAuthOptions {
  const resolved = { ...DEFAULT_AUTH, ...auth };
  if (resolved.signature !== 'hmac' && resolved.signature !== 'access-code-only') {
    throw new EmulatorError('INVALID_ARGUMENT', `auth.signature: must be 'hmac' or 'access-code-only'`, {
      field: 'auth.signature',
    });
  }
  if (!Number.isFinite(resolved.timestampWindowMs) || resolved.timestampWindowMs < 0) {
    throw new EmulatorError('INVALID_ARGUMENT', 'auth.timestampWindowMs: must be a number >= 0', {
      field: 'auth.timestampWindowMs',
    });
  }
  return resolved;
}

/**
 * The catalogue the options ask for: `catalog` (validated), `catalogFile` (read now), or undefined (generate one
 * from the seed). Errors name the field and, for a file, the file.
 */
export function resolveCatalog(
  options: Pick<EsimAccessMockOptions, 'catalog' | 'catalogFile'>,
): EsimAccessCatalog | undefined {
  if (options.catalog !== undefined && options.catalogFile !== undefined) {
    throw new EmulatorError('INVALID_ARGUMENT', 'catalogFile: give catalog or catalogFile, not both', {
      field: 'catalogFile',
    });
  }
  if (options.catalogFile !== undefined) return readCatalogFile(options.catalogFile);
  return options.catalog === undefined ? undefined : loadCatalog(options.catalog);
}
