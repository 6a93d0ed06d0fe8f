import { startServer } from '@esim-sandbox/emulator';
import { runContract, type Serve } from './contract.case.js';
import { runChaosContract } from './contract.chaos.case.js';
import { runFidelityContract } from './contract.fidelity.case.js';
import { runIndexContract } from './contract.index.case.js';
import { runLimitsContract } from './contract.limits.case.js';
import { runTriggerContract } from './contract.trigger.case.js';

const serve: Serve = async (mock) => {
  const server = await startServer({ emulator: mock.emulator, port: 0 });
  return { baseUrl: server.url, fetchUrl: (url) => fetch(url), close: () => server.close() };
};

runContract('HTTP', serve);
runFidelityContract('HTTP', serve);
runLimitsContract('HTTP', serve);
runIndexContract('HTTP', serve);
runTriggerContract('HTTP', serve);
runChaosContract('HTTP', serve);
