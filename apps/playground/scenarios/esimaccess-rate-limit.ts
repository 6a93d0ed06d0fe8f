/**
 * Rate limit: the provider allows 8 requests per second per account (the fake's limit is switched on for this
 * account). A burst of 20 calls from a client without a limiter gets throttled (900001); the same burst from a
 * client with core's sliding-window limiter is paced to 8 per second and every call is answered.
 */
import { RateLimitError, SlidingWindowLimiter } from '@esim-sandbox/core';
import { check, defineScenario } from './steps.js';

const BURST = 20;
const PATH = '/api/v1/open/balance/query';

export default defineScenario({
  name: 'esimaccess-rate-limit',
  title: 'eSIM Access: a burst is throttled without the client limiter, and paced with it',
  async run(ctx) {
    const esim = await ctx.esimaccess();
    await ctx.step('switch on the provider’s limit: 8 requests per second', () =>
      esim.control.setRateLimit({ limit: 8, windowMs: 1000 }),
    );

    const unlimited = esim.newClient({ rateLimit: false, retry: false });
    await ctx.step(`${BURST} balance queries at once, no client limiter`, async () => {
      const results = await Promise.allSettled(Array.from({ length: BURST }, () => unlimited.getBalance()));
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      const other = rejected.filter((r) => !(r.reason instanceof RateLimitError));
      check(other.length === 0, `unexpected errors: ${other.map((r) => String(r.reason)).join('; ')}`);
      check(rejected.length > 0, 'no request was throttled');
      return `${BURST - rejected.length} answered, ${rejected.length} throttled with 900001`;
    });

    await ctx.step('wait for the provider’s window to pass', () => new Promise((r) => setTimeout(r, 1100)));

    // A margin on the window: requests reach the provider a little after they leave, in no fixed order.
    const limited = esim.newClient({
      rateLimit: new SlidingWindowLimiter({ limit: 8, windowMs: 1000, marginMs: 250 }),
    });
    const before = (await esim.control.journal({ path: PATH })).length;
    await ctx.step(`${BURST} balance queries at once, through the client’s limiter`, async () => {
      const results = await Promise.all(Array.from({ length: BURST }, () => limited.getBalance()));
      return `all ${results.length} answered`;
    });
    await ctx.step('what the provider saw', async () => {
      const entries = (await esim.control.journal({ path: PATH })).slice(before);
      const throttled = entries.filter((e) => e.rateLimited).length;
      check(
        entries.length - throttled === BURST,
        `${entries.length - throttled} answered requests, expected ${BURST}`,
      );
      return `${entries.length} requests, ${throttled} throttled${throttled ? ' and retried by the client' : ''}`;
    });
  },
});
