/**
 * The same contract suite through msw on https://api.esimaccess.com, in process.
 */
import { setupServer } from 'msw/node';
import { afterAll, beforeAll } from 'vitest';
import { runAuthContract } from './contract.auth.case.js';
import { runChaosContract } from './contract.chaos.case.js';
import { runEndpointContract } from './contract.endpoints.case.js';
import { runErrorContract } from './contract.errors.case.js';
import { runBuiltInIdContract } from './contract.ids.case.js';
import { runIndexContract } from './contract.index.case.js';
import { runInputContract } from './contract.input.case.js';
import { runLifecycleContract } from './contract.lifecycle.case.js';
import { runLifecycle2Contract } from './contract.lifecycle2.case.js';
import { runLimitsContract } from './contract.limits.case.js';
import { runListingContract } from './contract.listing.case.js';
import { runMagicContract } from './contract.magic.case.js';
import { runQueryPageContract } from './contract.query-page.case.js';
import { runTriggerContract } from './contract.trigger.case.js';
import { overMsw } from './support/harness.js';

// Webhook receivers are real local servers: let those requests through.
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
afterAll(() => server.close());

runEndpointContract('msw', overMsw(server));
runErrorContract('msw', overMsw(server));
runLifecycleContract('msw', overMsw(server));
runInputContract('msw', overMsw(server));
runListingContract('msw', overMsw(server));
runLifecycle2Contract('msw', overMsw(server));
runMagicContract('msw', overMsw(server));
runBuiltInIdContract('msw', overMsw(server));
runLimitsContract('msw', overMsw(server));
runAuthContract('msw', overMsw(server));
runIndexContract('msw', overMsw(server));
runTriggerContract('msw', overMsw(server));
runChaosContract('msw', overMsw(server));
runQueryPageContract('msw', overMsw(server));
