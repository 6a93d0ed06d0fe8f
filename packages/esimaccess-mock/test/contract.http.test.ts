/**
 * The contract suite over real HTTP: the engine's server on 127.0.0.1, port 0.
 */
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
import { overHttp } from './support/harness.js';

runEndpointContract('HTTP', overHttp);
runErrorContract('HTTP', overHttp);
runLifecycleContract('HTTP', overHttp);
runInputContract('HTTP', overHttp);
runListingContract('HTTP', overHttp);
runLifecycle2Contract('HTTP', overHttp);
runMagicContract('HTTP', overHttp);
runBuiltInIdContract('HTTP', overHttp);
runLimitsContract('HTTP', overHttp);
runAuthContract('HTTP', overHttp);
runIndexContract('HTTP', overHttp);
runTriggerContract('HTTP', overHttp);
runChaosContract('HTTP', overHttp);
runQueryPageContract('HTTP', overHttp);
