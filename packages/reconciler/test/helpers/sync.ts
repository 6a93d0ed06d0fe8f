/** Real core clients pointed at the msw fakes, without retries or throttling unless a test asks. */
import { EsimAccessClient, type EsimAccessClientOptions, IroamlyClient } from '@esim-sandbox/core';
import { ACCESS_CODE, ESIM_ACCESS_URL, SECRET_KEY } from './fake-esimaccess.js';
import { AUTH_KEY, AUTH_SECRET, IROAMLY_URL } from './fake-iroamly.js';

export function esimAccessClient(options: Partial<EsimAccessClientOptions> = {}): EsimAccessClient {
  return new EsimAccessClient({
    accessCode: ACCESS_CODE,
    secretKey: SECRET_KEY,
    baseUrl: ESIM_ACCESS_URL,
    retry: false,
    rateLimit: false,
    ...options,
  });
}

export function iroamlyClient(): IroamlyClient {
  return new IroamlyClient({
    authKey: AUTH_KEY,
    authSecret: AUTH_SECRET,
    baseUrl: IROAMLY_URL,
    retry: false,
  });
}
