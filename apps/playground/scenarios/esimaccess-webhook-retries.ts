/**
 * Webhook receiver down: while the sink answers 503, the provider's ORDER_STATUS delivery fails and is
 * rescheduled; once the sink is back, the next attempt on the retry schedule delivers it.
 */
import { formatTime } from '../src/format.js';
import { orderProfiles, pickPackage } from './flows.js';
import { check, defineScenario } from './steps.js';

export default defineScenario({
  name: 'esimaccess-webhook-retries',
  title: 'eSIM Access: webhook receiver down, then recovering (retries)',
  async run(ctx) {
    const esim = await ctx.esimaccess();
    const pkg = await pickPackage(ctx, esim);
    await ctx.step('take the webhook receiver down (503)', () => esim.sink.setStatus(503));
    await orderProfiles(ctx, esim, pkg, 1, `${esim.accessCode}-order-1`);

    const failed = await ctx.step(
      'the ORDER_STATUS delivery failed and waits for a retry',
      async () => {
        const delivery = (await esim.control.deliveries()).find((d) => d.type === 'ORDER_STATUS');
        check(delivery, 'no ORDER_STATUS delivery');
        check(
          delivery.state === 'pending' && delivery.nextAttemptAt !== undefined,
          `delivery is ${delivery.state}`,
        );
        check(
          delivery.attempts.every((a) => a.status === 503),
          'an attempt did not get 503',
        );
        return delivery;
      },
      (d) => `${d.attempts.length} attempt(s) answered 503, next at ${formatTime(d.nextAttemptAt)}`,
    );

    await ctx.step('bring the receiver back (200)', () => esim.sink.setStatus(200));
    await ctx.step(
      'advance the clock to the next attempt',
      () => esim.control.advanceTo(failed.nextAttemptAt!),
      formatTime,
    );

    await ctx.step(
      'the retry delivered it',
      async () => {
        const delivery = (await esim.control.deliveries()).find((d) => d.id === failed.id);
        check(delivery?.state === 'delivered', `delivery is ${delivery?.state}`);
        return delivery;
      },
      (d) => `delivered after ${d.attempts.length} attempts (${d.attempts.map((a) => a.status).join(', ')})`,
    );
    await ctx.step('the sink saw the failed attempts and the good one', async () => {
      const statuses = (await esim.sink.received())
        .filter((m) => m.type === 'ORDER_STATUS')
        .map((m) => m.status);
      check(
        statuses.at(-1) === 200 && statuses.slice(0, -1).every((s) => s === 503),
        `sink answered ${statuses.join(', ')}`,
      );
      return statuses.join(', ');
    });
  },
});
