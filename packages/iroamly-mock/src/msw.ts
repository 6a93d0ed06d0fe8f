/**
 * @module
 * msw mode: the mock answers on iRoamly's real base URL in process, sharing state with any HTTP server of the
 * same mock.
 */
import { IROAMLY_DEFAULT_BASE_URL } from '@esim-sandbox/core';
import { createMswHandlers } from '@esim-sandbox/emulator';
import type { HttpHandler } from 'msw';
import type { IroamlyMock } from './mock/create.js';

/**
 * @example
 * const mock = createIroamlyMock();
 * const server = setupServer(...iroamlyHandlers(mock));
 * server.listen(); // new IroamlyClient({ authKey: mock.authKey, authSecret: mock.authSecret }) now hits the mock
 */
export function iroamlyHandlers(
  mock: Pick<IroamlyMock, 'fetch'>,
  baseUrl = IROAMLY_DEFAULT_BASE_URL,
): HttpHandler[] {
  return createMswHandlers(mock.fetch, baseUrl);
}
