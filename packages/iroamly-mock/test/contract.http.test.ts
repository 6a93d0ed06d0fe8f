import { startServer } from '@esim-sandbox/emulator';
import { runContract } from './contract.case.js';

runContract('HTTP', async (mock) => {
  const server = await startServer({ emulator: mock.emulator, port: 0 });
  return { baseUrl: server.url, fetchUrl: (url) => fetch(url), close: () => server.close() };
});
