/**
 * What the eSIM Access checks work with: core's client on the target, raw requests with headers made wrong on
 * purpose (signed with core's signer), and a memo of what earlier checks found (the package list, the order).
 * @module
 */
import {
  defaultEsimAccessRequestId,
  ESIM_ACCESS_HEADERS,
  EsimAccessClient,
  type EsimAccessPackage,
  type EsimAccessProfile,
  esimAccessEndpoints,
  esimAccessEnvelopeSchema,
  esimAccessSignatureHeaders,
  findEsimAccessEndpointByPath,
  readEsimAccessEnvelope,
} from '@esim-sandbox/core';
import type { ResponseValidator } from '../runner/instrument.js';
import type { SuiteEnv } from '../runner/run.js';
import type { Facts } from '../runner/types.js';
import type { EsimAccessCredentials } from '../targets/esimaccess.js';
import { type RawAnswer, rawRequest, schemaIssues } from './observe.js';

export interface EsimAccessOrderMemo {
  orderNo: string;
  packageCode: string;
  price: number;
  count: number;
  profiles: EsimAccessProfile[];
}

export interface EsimAccessMemo {
  basePackages?: EsimAccessPackage[];
  /** The package order.buy buys, chosen when its spend is planned. */
  purchase?: { pkg: EsimAccessPackage; count: number };
  order?: EsimAccessOrderMemo;
  /** Any profile of the account (from the pagination walk), for read checks when nothing was bought. */
  someEsimTranNo?: string;
}

export interface EsimAccessContext extends SuiteEnv<EsimAccessCredentials> {
  client: EsimAccessClient;
  memo: EsimAccessMemo;
  /** BASE packages, listed once per run. */
  basePackages(): Promise<EsimAccessPackage[]>;
  /** A POST with exactly these headers: for requests the client would never send (bad signatures). */
  raw(path: string, body: string, headers: Record<string, string>): Promise<RawAnswer>;
  /** Headers signed as the client signs them, unless an override makes them wrong. */
  signedHeaders(
    body: string,
    overrides?: { accessCode?: string; secretKey?: string; timestamp?: number },
  ): Record<string, string>;
}

/** Endpoints that spend money or change the account for good: only checks that declared a spend may call them. */
export const ESIMACCESS_GUARDED_PATHS: ReadonlySet<string> = new Set(
  (['order', 'topUp', 'cancel', 'suspend', 'unsuspend', 'revoke', 'sendSms', 'saveWebhook'] as const).map(
    (name) => esimAccessEndpoints[name].path,
  ),
);

export function createEsimAccessContext(env: SuiteEnv<EsimAccessCredentials>): EsimAccessContext {
  const { target } = env;
  const client = new EsimAccessClient({ ...target.credentials, baseUrl: target.baseUrl, fetch: env.fetch });
  const memo: EsimAccessMemo = {};
  return {
    ...env,
    client,
    memo,
    basePackages: async () => {
      memo.basePackages ??= await client.listPackages({ type: 'BASE' });
      return memo.basePackages;
    },
    raw: (path, body, headers) =>
      rawRequest(env.fetch, `${target.baseUrl}${path}`, { method: 'POST', headers, body }),
    signedHeaders: (body, overrides = {}) => {
      const accessCode = overrides.accessCode ?? target.credentials.accessCode;
      return {
        'Content-Type': 'application/json',
        [ESIM_ACCESS_HEADERS.accessCode]: accessCode,
        ...esimAccessSignatureHeaders({
          timestamp: overrides.timestamp ?? Date.now(),
          requestId: defaultEsimAccessRequestId(),
          accessCode,
          body,
          secretKey: overrides.secretKey ?? target.credentials.secretKey,
        }),
      };
    },
  };
}

/** `{ success, errorCode }` of a raw answer (success normalised to a boolean, the code as the client reads it). */
export function envelopeFacts(json: unknown): Facts {
  const envelope = esimAccessEnvelopeSchema.safeParse(json);
  if (!envelope.success) return { envelope: false };
  const outcome = readEsimAccessEnvelope(envelope.data);
  return outcome.ok ? { success: true, errorCode: null } : { success: false, errorCode: outcome.code };
}

/** Every answer of an API path against core's envelope and the endpoint's `obj` schema. */
export const validateEsimAccessResponse: ResponseValidator = (request, response) => {
  const name = findEsimAccessEndpointByPath(request.path);
  if (!name) return [];
  const envelope = esimAccessEnvelopeSchema.safeParse(response.json);
  if (!envelope.success) return schemaIssues('envelope', envelope.error);
  const outcome = readEsimAccessEnvelope(envelope.data);
  if (!outcome.ok) {
    return /^\d{6}$/.test(outcome.code) ? [] : [`errorCode: expected 6 digits, got '${outcome.code}'`];
  }
  const obj = esimAccessEndpoints[name].clientResponse.safeParse(outcome.obj);
  return obj.success ? [] : schemaIssues('obj', obj.error);
};
