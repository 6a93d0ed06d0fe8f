/**
 * The endpoint table: one row per eSIM Access endpoint, shared by the client (what to send, how to parse, whether a
 * retry is safe) and the fake (which schema validates a path's body, which builds its answer).
 * @module
 */
import type { z } from 'zod';
import type { EsimAccessErrorCode } from './error-codes.js';
import { esimAccessBalanceObjSchema, esimAccessBalanceRequestSchema } from './schemas/balance.js';
import { esimAccessEmptyObjSchema } from './schemas/common.js';
import { esimAccessLocationListObjSchema, esimAccessLocationListRequestSchema } from './schemas/locations.js';
import { esimAccessOrderObjSchema, esimAccessOrderRequestSchema } from './schemas/orders.js';
import { esimAccessPackageListObjSchema, esimAccessPackageListRequestSchema } from './schemas/packages.js';
import {
  esimAccessCancelRequestSchema,
  esimAccessRevokeRequestSchema,
  esimAccessSendSmsRequestSchema,
  esimAccessSuspendRequestSchema,
  esimAccessUnsuspendRequestSchema,
} from './schemas/profile-actions.js';
import { esimAccessProfileQueryObjSchema, esimAccessProfileQueryRequestSchema } from './schemas/profiles.js';
import { esimAccessTopUpObjSchema, esimAccessTopUpRequestSchema } from './schemas/topup.js';
import {
  esimAccessUsageQueryObjLenientSchema,
  esimAccessUsageQueryObjSchema,
  esimAccessUsageQueryRequestSchema,
} from './schemas/usage.js';
import {
  esimAccessWebhookQueryObjSchema,
  esimAccessWebhookQueryRequestSchema,
  esimAccessWebhookSaveRequestSchema,
} from './schemas/webhook-config.js';

export const ESIM_ACCESS_DEFAULT_BASE_URL = 'https://api.esimaccess.com';
export const ESIM_ACCESS_API_PREFIX = '/api/v1/open';

/**
 * - `read`: no side effect, always safe to retry.
 * - `idempotent-by-transaction-id`: has a side effect, but the provider treats a repeated transactionId as the same
 *   request, so a retry that repeats the exact transactionId is safe.
 * - `idempotent`: has a side effect, but sending the same request again leaves the same state (webhook/save keeps
 *   the one URL it was given; the CHECK_HEALTH test it sends each time changes nothing), so it is retried like a read.
 * - `unsafe`: never retried once the request may have reached the server.
 */
export type EsimAccessRetrySafety = 'read' | 'idempotent-by-transaction-id' | 'idempotent' | 'unsafe';

export interface EsimAccessEndpoint<Req extends z.ZodType = z.ZodType, Obj extends z.ZodType = z.ZodType> {
  /** Full path below the base URL; every endpoint is a POST with a JSON body. */
  readonly path: string;
  readonly request: Req;
  /** Canonical `obj` schema: what a fake sends. */
  readonly response: Obj;
  /** What a client parses `obj` with: the canonical schema or a superset that normalises to it. */
  readonly clientResponse: z.ZodType<z.output<Obj>>;
  readonly retry: EsimAccessRetrySafety;
  /** Provider code for a malformed (present, non-null, right length) value: see `mapEsimAccessRequestIssue`. */
  readonly malformedValueCode: EsimAccessErrorCode;
}

function endpoint<Req extends z.ZodType, Obj extends z.ZodType>(
  path: string,
  request: Req,
  response: Obj,
  retry: EsimAccessRetrySafety,
  extra: { clientResponse?: z.ZodType<z.output<Obj>>; malformedValueCode?: EsimAccessErrorCode } = {},
): EsimAccessEndpoint<Req, Obj> {
  return {
    path: `${ESIM_ACCESS_API_PREFIX}${path}`,
    request,
    response,
    // A schema always satisfies the type of its own output; TypeScript cannot see that through the generic.
    clientResponse: extra.clientResponse ?? (response as unknown as z.ZodType<z.output<Obj>>),
    retry,
    malformedValueCode: extra.malformedValueCode ?? '000105',
  };
}

export const esimAccessEndpoints = {
  listPackages: endpoint(
    '/package/list',
    esimAccessPackageListRequestSchema,
    esimAccessPackageListObjSchema,
    'read',
  ),
  order: endpoint(
    '/esim/order',
    esimAccessOrderRequestSchema,
    esimAccessOrderObjSchema,
    'idempotent-by-transaction-id',
    { malformedValueCode: '200008' },
  ),
  queryProfiles: endpoint(
    '/esim/query',
    esimAccessProfileQueryRequestSchema,
    esimAccessProfileQueryObjSchema,
    'read',
  ),
  cancel: endpoint('/esim/cancel', esimAccessCancelRequestSchema, esimAccessEmptyObjSchema, 'unsafe'),
  suspend: endpoint('/esim/suspend', esimAccessSuspendRequestSchema, esimAccessEmptyObjSchema, 'unsafe'),
  unsuspend: endpoint(
    '/esim/unsuspend',
    esimAccessUnsuspendRequestSchema,
    esimAccessEmptyObjSchema,
    'unsafe',
  ),
  revoke: endpoint('/esim/revoke', esimAccessRevokeRequestSchema, esimAccessEmptyObjSchema, 'unsafe'),
  getBalance: endpoint('/balance/query', esimAccessBalanceRequestSchema, esimAccessBalanceObjSchema, 'read'),
  topUp: endpoint(
    '/esim/topup',
    esimAccessTopUpRequestSchema,
    esimAccessTopUpObjSchema,
    'idempotent-by-transaction-id',
    { malformedValueCode: '200008' },
  ),
  listLocations: endpoint(
    '/location/list',
    esimAccessLocationListRequestSchema,
    esimAccessLocationListObjSchema,
    'read',
  ),
  sendSms: endpoint('/esim/sendSms', esimAccessSendSmsRequestSchema, esimAccessEmptyObjSchema, 'unsafe'),
  queryUsage: endpoint(
    '/esim/usage/query',
    esimAccessUsageQueryRequestSchema,
    esimAccessUsageQueryObjSchema,
    'read',
    { clientResponse: esimAccessUsageQueryObjLenientSchema },
  ),
  saveWebhook: endpoint(
    '/webhook/save',
    esimAccessWebhookSaveRequestSchema,
    esimAccessEmptyObjSchema,
    'idempotent',
  ),
  queryWebhook: endpoint(
    '/webhook/query',
    esimAccessWebhookQueryRequestSchema,
    esimAccessWebhookQueryObjSchema,
    'read',
  ),
} as const;

export type EsimAccessEndpointName = keyof typeof esimAccessEndpoints;

const byPath = new Map<string, EsimAccessEndpointName>(
  (Object.keys(esimAccessEndpoints) as EsimAccessEndpointName[]).map((name) => [
    esimAccessEndpoints[name].path,
    name,
  ]),
);

/** The endpoint name for a request path (`/api/v1/open/esim/order` -> `order`), for servers routing by path. */
export function findEsimAccessEndpointByPath(path: string): EsimAccessEndpointName | undefined {
  return byPath.get(path);
}
