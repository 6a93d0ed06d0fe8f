/**
 * The contract suite over real HTTP: the engine's server on 127.0.0.1, port 0.
 */
import { runAuthContract } from './contract.auth.case.js';
import { runEndpointContract } from './contract.endpoints.case.js';
import { runErrorContract } from './contract.errors.case.js';
import { runLifecycleContract } from './contract.lifecycle.case.js';
import { overHttp } from './support/harness.js';

runEndpointContract('HTTP', overHttp);
runErrorContract('HTTP', overHttp);
runLifecycleContract('HTTP', overHttp);
runAuthContract('HTTP', overHttp);
