/**
 * Cancellation: a profile never downloaded can be cancelled and its price comes back to the balance; once a
 * device has installed a profile, cancelling it is refused (200002) and nothing is refunded.
 */
import { usd } from '../src/format.js';
import { balanceStep, orderProfiles, pickPackage } from './flows.js';
import { check, defineScenario } from './steps.js';

export default defineScenario({
  name: 'esimaccess-cancellation',
  title: 'eSIM Access: cancel with refund, and cancellation refused after install',
  async run(ctx) {
    const esim = await ctx.esimaccess();
    const pkg = await pickPackage(ctx, esim);
    const { profiles } = await orderProfiles(ctx, esim, pkg, 2, `${esim.accessCode}-order-1`);
    const [fresh, installed] = [profiles[0]!.esimTranNo, profiles[1]!.esimTranNo];

    const before = await balanceStep(ctx, esim);
    await ctx.step(`cancel ${fresh} (never downloaded)`, () => esim.client.cancel({ esimTranNo: fresh }));
    await ctx.step('its price came back', async () => {
      const { balance } = await esim.client.getBalance();
      check(
        balance - before.balance === pkg.price,
        `refund was ${usd(balance - before.balance)}, expected ${usd(pkg.price)}`,
      );
      return `${usd(balance)} (+${usd(pkg.price)})`;
    });
    await ctx.step(`${fresh} is CANCEL`, async () => {
      const [profile] = (
        await esim.client.queryProfiles({ esimTranNo: fresh, pager: { pageNum: 1, pageSize: 10 } })
      ).esimList;
      check(profile?.esimStatus === 'CANCEL', `it is ${profile?.esimStatus}`);
      return profile.esimStatus;
    });

    await ctx.step(
      `a device installs ${installed}`,
      () => esim.control.install(installed),
      (p) => `${p.esimStatus}/${p.smdpStatus}`,
    );
    const afterRefund = await esim.client.getBalance();
    await ctx.expectError(
      `cancel ${installed} (installed)`,
      () => esim.client.cancel({ esimTranNo: installed }),
      '200002',
    );
    await ctx.step('no refund for it', async () => {
      const { balance } = await esim.client.getBalance();
      check(
        balance === afterRefund.balance,
        `balance moved from ${usd(afterRefund.balance)} to ${usd(balance)}`,
      );
      return usd(balance);
    });
  },
});
