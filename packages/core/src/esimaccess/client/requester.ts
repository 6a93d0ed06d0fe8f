/**
 * The one path every eSIM Access call takes: validate arguments, serialise once, sign each attempt over those exact
 * bytes, send through the shared `HttpTransport`, then decode the envelope into data or a typed error.
 * @module
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { InvalidArgumentError, ResponseValidationError } from '../../errors.js';
import { HttpTransport, type TransportResponse } from '../../http/transport.js';
import { parseArguments, parseResponse } from '../../http/validate.js';
import {
  ESIM_ACCESS_DEFAULT_BASE_URL,
  type EsimAccessEndpointName,
  esimAccessEndpoints,
} from '../endpoints.js';
import { isRetryableEsimAccessCode } from '../error-codes.js';
import { createEsimAccessProviderError } from '../errors.js';
import { esimAccessEnvelopeSchema, readEsimAccessEnvelope } from '../schemas/envelope.js';
import { ESIM_ACCESS_HEADERS, esimAccessSignatureHeaders } from '../signing.js';
import {
  type EsimAccessClientOptions,
  type ResolvedEsimAccessOptions,
  resolveEsimAccessOptions,
} from './options.js';

/** Per-call options. */
export interface EsimAccessCallOptions {
  signal?: AbortSignal | undefined;
  /** Overrides the client's per-attempt timeout for this call. */
  timeoutMs?: number | undefined;
}

type Endpoints = typeof esimAccessEndpoints;
export type EsimAccessArgs<N extends EsimAccessEndpointName> = z.input<Endpoints[N]['request']>;
export type EsimAccessResult<N extends EsimAccessEndpointName> = z.output<Endpoints[N]['response']>;

/**
 * RT-RequestID: a UUID v4 without dashes, the form of the docs' test vector (and of Redtea's examples); the dashless
 * form also keeps the signed string free of characters some gateways normalise.
 */
export const defaultEsimAccessRequestId = (): string => randomUUID().replaceAll('-', '');

export class EsimAccessRequester {
  readonly transport: HttpTransport;
  private readonly resolved: ResolvedEsimAccessOptions;
  private readonly now: () => number;
  private readonly newRequestId: () => string;

  constructor(options: EsimAccessClientOptions) {
    this.resolved = resolveEsimAccessOptions(options);
    this.now = options.now ?? Date.now;
    this.newRequestId = options.requestId ?? defaultEsimAccessRequestId;
    try {
      this.transport = new HttpTransport({
        provider: 'esimaccess',
        baseUrl: options.baseUrl ?? ESIM_ACCESS_DEFAULT_BASE_URL,
        fetch: options.fetch,
        timeoutMs: options.timeoutMs,
        retry: options.retry,
        limiter: this.resolved.limiter,
        random: options.random,
        sleep: options.sleep,
      });
    } catch (error) {
      // resolveRetryPolicy rejects a bad retry option with a RangeError.
      throw new InvalidArgumentError('retry', error instanceof Error ? error.message : String(error));
    }
  }

  /** Headers of one attempt: a fresh timestamp, request id and signature over the exact body. */
  headersFor(body: string): Record<string, string> {
    const { accessCode, secretKey, signing } = this.resolved;
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      [ESIM_ACCESS_HEADERS.accessCode]: accessCode,
    };
    if (signing === 'access-code-only' || secretKey === undefined) return headers;
    const signed = { timestamp: this.now(), requestId: this.newRequestId(), accessCode, body, secretKey };
    return Object.assign(headers, esimAccessSignatureHeaders(signed));
  }

  async call<N extends EsimAccessEndpointName>(
    name: N,
    args: EsimAccessArgs<N>,
    options: EsimAccessCallOptions = {},
  ): Promise<EsimAccessResult<N>> {
    const endpoint = esimAccessEndpoints[name];
    const data = parseArguments(endpoint.request, args ?? {}, name);
    // Serialised once: every attempt (and so every signature) uses these exact bytes, and a retried order or
    // top-up repeats the same transactionId.
    const body = JSON.stringify(data);
    const response = await this.transport.send(
      {
        method: 'POST',
        path: endpoint.path,
        body,
        headers: () => this.headersFor(body),
        retrySafe: endpoint.retry !== 'unsafe',
        signal: options.signal,
        timeoutMs: options.timeoutMs,
      },
      isRetryableEsimAccessResponse,
    );
    const obj = decodeEsimAccessResponse(response, endpoint.path);
    const wrapped = parseResponse(
      z.object({ obj: endpoint.clientResponse }),
      { obj },
      `esimaccess ${endpoint.path} response`,
    );
    return wrapped.obj as EsimAccessResult<N>;
  }
}

/** Transient answers: HTTP 429/5xx, or an envelope whose code the table marks retryable. */
export function isRetryableEsimAccessResponse(response: TransportResponse): boolean {
  if (response.status === 429 || response.status >= 500) return true;
  const envelope = esimAccessEnvelopeSchema.safeParse(response.json);
  if (!envelope.success) return false;
  const outcome = readEsimAccessEnvelope(envelope.data);
  return !outcome.ok && isRetryableEsimAccessCode(outcome.code);
}

/** The envelope's `obj` on success; otherwise throws the matching typed error. */
function decodeEsimAccessResponse(response: TransportResponse, path: string): unknown {
  const requestId = response.requestHeaders[ESIM_ACCESS_HEADERS.requestId];
  const context = `esimaccess ${path} response`;
  const envelope = esimAccessEnvelopeSchema.safeParse(response.json);
  if (!envelope.success && (response.status < 200 || response.status >= 300)) {
    throw createEsimAccessProviderError({
      code: `HTTP_${response.status}`,
      message: response.text.slice(0, 200) || `HTTP ${response.status}`,
      requestId,
      httpStatus: response.status,
      raw: response.text,
    });
  }
  if (response.json === undefined) {
    throw new ResponseValidationError([{ path: '', message: 'body is not JSON' }], response.text, context);
  }
  // On a mismatch parseResponse throws ResponseValidationError with every issue path.
  const parsed = envelope.success
    ? envelope.data
    : parseResponse(esimAccessEnvelopeSchema, response.json, context);
  const outcome = readEsimAccessEnvelope(parsed);
  if (outcome.ok) return outcome.obj;
  throw createEsimAccessProviderError({
    code: outcome.code || 'UNKNOWN',
    message: outcome.message,
    requestId,
    httpStatus: response.status,
    raw: response.json,
  });
}
