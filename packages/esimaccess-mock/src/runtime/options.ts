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
import {
  DEFAULT_FIDELITY,
  ESIM_ACCESS_FIDELITY_PROFILES,
  ESIM_ACCESS_SIGNATURE_MODES,
  ESIM_ACCESS_TIMESTAMP_CLOCKS,
  type EsimAccessFidelity,
  type EsimAccessSignatureMode,
  type EsimAccessTimestampClock,
  FIDELITY_DEFAULTS,
  isFidelity,
} from './fidelity.js';

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

export type { EsimAccessSignatureMode, EsimAccessTimestampClock } from './fidelity.js';

export interface EsimAccessAuthOptions {
  /** What a request must carry (see {@link EsimAccessSignatureMode}). Default: the fidelity profile's. */
  signature: EsimAccessSignatureMode;
  /** What RT-Timestamp is checked against. Default `caller` (the fidelity profile's). */
  timestampClock: EsimAccessTimestampClock;
  /** Allowed distance of RT-Timestamp from `timestampClock`, both ways. Default 10 minutes (sister platforms). */
  timestampWindowMs: number;
  /** A repeated RT-RequestID within the window is refused with 101001 (Redtea's rule). Default true. */
  singleUseRequestId: boolean;
  /** Client addresses allowed (exact match); null = everyone (default). Others get 101002. */
  ipAllowlist: readonly string[] | null;
  /** Answer for an RT-AccessCode no account has. Default 401001, the only code an integration recorded for it. */
  unknownAccessCode: EsimAccessErrorCode;
}

function authDefaults(fidelity: EsimAccessFidelity): EsimAccessAuthOptions {
  const profile = FIDELITY_DEFAULTS[fidelity];
  return {
    signature: profile.signature,
    timestampClock: profile.timestampClock,
    timestampWindowMs: ESIM_ACCESS_DEFAULT_TIMESTAMP_WINDOW_MS,
    singleUseRequestId: true,
    ipAllowlist: null,
    unknownAccessCode: '401001',
  };
}

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
  /**
   * `live` (default): what the live API is known to do; `documented`: the provider's documents read strictly (every
   * signature header required). Sets the defaults of `auth.signature`, `auth.timestampClock` and `rateLimit`.
   */
  fidelity?: EsimAccessFidelity;
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

export function resolveFidelity(fidelity: unknown): EsimAccessFidelity {
  if (fidelity === undefined) return DEFAULT_FIDELITY;
  if (isFidelity(fidelity)) return fidelity;
  throw new EmulatorError(
    'INVALID_ARGUMENT',
    `fidelity: must be one of ${ESIM_ACCESS_FIDELITY_PROFILES.join(', ')}, got '${String(fidelity)}'`,
    { field: 'fidelity' },
  );
}

/** The profile's defaults, then `auth` over them; throws INVALID_ARGUMENT naming the field. */
export function resolveAuth(
  auth: Partial<EsimAccessAuthOptions> | undefined,
  fidelity: EsimAccessFidelity = DEFAULT_FIDELITY,
): EsimAccessAuthOptions {
  return checkAuth({ ...authDefaults(fidelity), ...auth });
}

function invalid(field: string, message: string): EmulatorError {
  return new EmulatorError('INVALID_ARGUMENT', `auth.${field}: ${message}`, { field: `auth.${field}` });
}

export function checkAuth(resolved: EsimAccessAuthOptions): EsimAccessAuthOptions {
  if (!(ESIM_ACCESS_SIGNATURE_MODES as readonly string[]).includes(resolved.signature)) {
    throw invalid('signature', `must be one of ${ESIM_ACCESS_SIGNATURE_MODES.join(', ')}`);
  }
  if (!(ESIM_ACCESS_TIMESTAMP_CLOCKS as readonly string[]).includes(resolved.timestampClock)) {
    throw invalid('timestampClock', `must be one of ${ESIM_ACCESS_TIMESTAMP_CLOCKS.join(', ')}`);
  }
  if (!Number.isFinite(resolved.timestampWindowMs) || resolved.timestampWindowMs < 0) {
    throw invalid('timestampWindowMs', 'must be a number >= 0');
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
