/**
 * Run as a child process by http.keep-alive.test.ts: a user script whose only pending work, between calls, is the
 * client's rate-limiter wait. The fetch is answered in process, so no socket keeps the event loop busy either.
 */
import { EsimAccessClient } from '../../src/esimaccess/client.js';

const calls = Number(process.argv[2] ?? '4');
const client = new EsimAccessClient({
  accessCode: 'ak_test_0001',
  secretKey: 'sk_test_secret',
  rateLimit: { limit: 1, windowMs: 40, marginMs: 0 },
  fetch: async () => Response.json({ success: true, errorCode: '0', errorMsg: null, obj: { balance: 1000 } }),
});
for (let i = 1; i <= calls; i++) {
  const { balance } = await client.getBalance();
  process.stdout.write(`call ${i}: balance ${balance}\n`);
}
process.stdout.write('done\n');
