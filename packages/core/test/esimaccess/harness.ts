/**
 * msw harness for eSIM Access client tests: answers endpoints with scripted responses and records exactly what
 * arrived on the wire, so tests can recompute the signature over the received bytes.
 */
import { HttpResponse, http, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { EsimAccessClientOptions } from '../../src/esimaccess/client/options.js';
import { EsimAccessClient } from '../../src/esimaccess/client.js';
import { ESIM_ACCESS_API_PREFIX } from '../../src/esimaccess/endpoints.js';
import { signEsimAccessRequest } from '../../src/esimaccess/signing.js';

export const BASE = 'https://api.esimaccess.com';
export const ACCESS_CODE = 'ak_test_0001';
export const SECRET_KEY = 'sk_test_secret';
export const START_MS = 1_760_000_000_000;

export interface WireRequest {
  method: string;
  path: string;
  accessCode: string | null;
  timestamp: string | null;
  requestId: string | null;
  signature: string | null;
  contentType: string | null;
  rawBody: string;
}

/** A scripted answer: a JSON body (HTTP 200), or a function building any Response. */
export type Scripted = JsonBodyType | (() => Response | Promise<Response>);

export function useEsimAccessServer() {
  const server = setupServer();
  const seen: WireRequest[] = [];
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    seen.length = 0;
  });
  afterAll(() => server.close());

  /** Answers POST `endpointPath` with `answers` in order; the last one repeats. */
  function answer(endpointPath: string, ...answers: Scripted[]): void {
    let calls = 0;
    server.use(
      http.post(`${BASE}${ESIM_ACCESS_API_PREFIX}${endpointPath}`, async ({ request }) => {
        const url = new URL(request.url);
        seen.push({
          method: request.method,
          path: url.pathname,
          accessCode: request.headers.get('RT-AccessCode'),
          timestamp: request.headers.get('RT-Timestamp'),
          requestId: request.headers.get('RT-RequestID'),
          signature: request.headers.get('RT-Signature'),
          contentType: request.headers.get('Content-Type'),
          rawBody: await request.text(),
        });
        const scripted = answers[Math.min(calls, answers.length - 1)];
        calls += 1;
        return typeof scripted === 'function' ? scripted() : HttpResponse.json(scripted ?? null);
      }),
    );
  }

  return { server, seen, answer };
}

/** A clock that moves 1 s per reading, so every attempt gets a different timestamp. */
export function steppingClock(start = START_MS): () => number {
  let now = start - 1000;
  return () => {
    now += 1000;
    return now;
  };
}

export function makeClient(extra: Partial<EsimAccessClientOptions> = {}): EsimAccessClient {
  return new EsimAccessClient({
    accessCode: ACCESS_CODE,
    secretKey: SECRET_KEY,
    now: steppingClock(),
    rateLimit: false,
    sleep: async () => {},
    ...extra,
  });
}

export const ok = (obj: unknown) => ({ success: true, errorCode: null, errorMsg: null, obj });
export const fail = (code: string, message = `failure ${code}`) => ({
  success: false,
  errorCode: code,
  errorMsg: message,
  obj: null,
});

/**
 * Asserts the wire request of one signed call: POST to the path, JSON content type, the access code, a 13-digit ms
 * timestamp, a dashless UUID v4 request id, a signature recomputed over the received raw body, and the body itself.
 */
export function expectSignedRequest(
  wire: WireRequest | undefined,
  endpointPath: string,
  body: unknown,
): void {
  expect(wire).toBeDefined();
  const request = wire!;
  expect(request.method).toBe('POST');
  expect(request.path).toBe(`${ESIM_ACCESS_API_PREFIX}${endpointPath}`);
  expect(request.contentType).toBe('application/json');
  expect(request.accessCode).toBe(ACCESS_CODE);
  expect(request.timestamp).toMatch(/^\d{13}$/);
  expect(request.requestId).toMatch(/^[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$/);
  expect(request.signature).toBe(
    signEsimAccessRequest({
      timestamp: request.timestamp!,
      requestId: request.requestId!,
      accessCode: ACCESS_CODE,
      body: request.rawBody,
      secretKey: SECRET_KEY,
    }),
  );
  expect(JSON.parse(request.rawBody)).toEqual(body);
}
