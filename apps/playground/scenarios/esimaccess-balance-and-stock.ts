/**
 * Refusals before any money moves: an order the balance cannot pay is refused (200007), and so is an order for
 * more profiles than are left in stock (200011). The balance is untouched by both.
 */
import { usd } from '../src/format.js';
import { pickPackage } from './flows.js';
import { check, defineScenario } from './steps.js';

export default defineScenario({
  name: 'esimaccess-balance-and-stock',
  title: 'eSIM Access: insufficient balance and out of stock',
  async run(ctx) {
    const esim = await ctx.esimaccess();
    const pkg = await pickPackage(ctx, esim);
    const order = (n: number, count: number) =>
      esim.client.order({
        transactionId: `${esim.accessCode}-order-${n}`,
        packageInfoList: [{ packageCode: pkg.packageCode, count, price: pkg.price }],
      });

    const low = pkg.price - 1;
    await ctx.step(`set the balance to ${usd(low)}`, () => esim.control.setBalance(low));
    await ctx.expectError('order one profile', () => order(1, 1), '200007');

    await ctx.step('set the balance back to $1,000', () => esim.control.setBalance(10_000_000));
    await ctx.step(`leave 1 ${pkg.packageCode} in stock`, () => esim.control.setStock(pkg.packageCode, 1));
    await ctx.expectError('order two profiles', () => order(2, 2), '200011');

    await ctx.step('nothing was charged', async () => {
      const { balance } = await esim.client.getBalance();
      check(balance === 10_000_000, `balance is ${usd(balance)}`);
      return usd(balance);
    });
    await ctx.step(
      'the last one can still be bought',
      () => order(3, 1),
      (o) => `orderNo ${o.orderNo}`,
    );
    await ctx.expectError('and then it is sold out', () => order(4, 1), '200011');
  },
});
