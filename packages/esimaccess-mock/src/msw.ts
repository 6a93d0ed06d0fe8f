/**
 * msw mode: the mock on the provider's real base URL, in process, through the engine's msw glue.
 * @module
 */
import { ESIM_ACCESS_DEFAULT_BASE_URL } from '@esim-sandbox/core';
import { createMswHandlers } from '@esim-sandbox/emulator';
import type { HttpHandler } from 'msw';
import type { EsimAccessMock } from './mock/create.js';

/**
 * @example
 * const server = setupServer(...esimAccessHandlers(mock));
 * server.listen({ onUnhandledRequest: 'bypass' });
 */
export function esimAccessHandlers(
  mock: Pick<EsimAccessMock, 'fetch'>,
  baseUrl: string | readonly string[] = ESIM_ACCESS_DEFAULT_BASE_URL,
): HttpHandler[] {
  return createMswHandlers(mock.fetch, baseUrl);
}
