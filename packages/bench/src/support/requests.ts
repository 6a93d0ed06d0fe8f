/**
 * @module
 * The requests every figure group sends: the same path and body to the fake and to its baseline, eSIM Access ones
 * signed per request exactly as a client signs them.
 */
import { randomUUID } from 'node:crypto';
import { ESIM_ACCESS_HEADERS, esimAccessSignatureHeaders, iroamlyCertification } from '@esim-sandbox/core';

export const ESIM_ACCESS_API = '/api/v1/open';

export interface Scenario {
  /** Row name in the table. */
  name: string;
  provider: 'esimaccess' | 'iroamly';
  path: string;
  body: string;
  /** A substring every successful answer contains. */
  expect: string;
}

export function esimAccessScenario(name: string, endpoint: string, body: unknown): Scenario {
  return {
    name,
    provider: 'esimaccess',
    path: `${ESIM_ACCESS_API}/${endpoint}`,
    body: JSON.stringify(body),
    expect: '"success":true',
  };
}

export function iroamlyScenario(name: string, path: string, body: unknown): Scenario {
  return { name, provider: 'iroamly', path, body: JSON.stringify(body), expect: '"code":1' };
}

export interface Credentials {
  key: string;
  secret: string;
}

/** Headers for one request: eSIM Access gets a fresh timestamp, request id and signature every time. */
export function requestHeaders(scenario: Scenario, credentials: Credentials): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (scenario.provider === 'iroamly') {
    headers.AuthKey = credentials.key;
    headers.Certification = iroamlyCertification(credentials.key, credentials.secret);
    return headers;
  }
  // The fake checks RT-Timestamp against the caller's clock by default, as the live API does.
  headers[ESIM_ACCESS_HEADERS.accessCode] = credentials.key;
  return Object.assign(
    headers,
    esimAccessSignatureHeaders({
      timestamp: Date.now(),
      requestId: randomUUID(),
      accessCode: credentials.key,
      body: scenario.body,
      secretKey: credentials.secret,
    }),
  );
}

export function requestInit(scenario: Scenario, credentials: Credentials): RequestInit {
  return { method: 'POST', headers: requestHeaders(scenario, credentials), body: scenario.body };
}
