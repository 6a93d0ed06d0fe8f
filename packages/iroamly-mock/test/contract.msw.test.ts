import { IROAMLY_DEFAULT_BASE_URL } from '@esim-sandbox/core';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import { iroamlyHandlers } from '../src/index.js';
import { runContract, type Serve } from './contract.case.js';
import { runChaosContract } from './contract.chaos.case.js';
import { runFidelityContract } from './contract.fidelity.case.js';
import { runIndexContract } from './contract.index.case.js';
import { runLimitsContract } from './contract.limits.case.js';
import { runTriggerContract } from './contract.trigger.case.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const serve: Serve = async (mock) => {
  server.resetHandlers(...iroamlyHandlers(mock));
  return {
    baseUrl: IROAMLY_DEFAULT_BASE_URL,
    fetchUrl: (url) => fetch(url),
    close: async () => {
      server.resetHandlers();
      await mock.close();
    },
  };
};

runContract('msw', serve);
runFidelityContract('msw', serve);
runLimitsContract('msw', serve);
runIndexContract('msw', serve);
runTriggerContract('msw', serve);
runChaosContract('msw', serve);
