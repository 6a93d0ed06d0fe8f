import { IROAMLY_DEFAULT_BASE_URL } from '@esim-sandbox/core';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import { iroamlyHandlers } from '../src/index.js';
import { runContract } from './contract.case.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

runContract('msw', async (mock) => {
  server.resetHandlers(...iroamlyHandlers(mock));
  return {
    baseUrl: IROAMLY_DEFAULT_BASE_URL,
    fetchUrl: (url) => fetch(url),
    close: async () => {
      server.resetHandlers();
      await mock.close();
    },
  };
});
