/**
 * eSIM Access happy path: check the balance, order a profile, see it allocated (ORDER_STATUS webhook), install it
 * on a device, use some data, top it up, and see the balance go down by exactly what was bought.
 */
import { usd } from '../src/format.js';
import { balanceStep, orderProfiles, pickPackage, receivedTypes } from './flows.js';
import { check, defineScenario } from './steps.js';

export default defineScenario({
  name: 'esimaccess-happy-path',
  title: 'eSIM Access: order, allocate, install, use and top up a profile',
  async run(ctx) {
    const esim = await ctx.esimaccess();
    const start = await balanceStep(ctx, esim);
    const pkg = await pickPackage(ctx, esim);
    const { profiles } = await orderProfiles(ctx, esim, pkg, 1, `${esim.accessCode}-order-1`);
    const profile = profiles[0]!;
    check(profile.esimStatus === 'GOT_RESOURCE', `new profile is ${profile.esimStatus}, not GOT_RESOURCE`);

    await ctx.step('the sink got ORDER_STATUS', async () => {
      const types = await receivedTypes(esim);
      check(types.includes('ORDER_STATUS'), `sink received ${types.join(', ') || 'nothing'}`);
      return types.join(', ');
    });

    await ctx.step(
      'a device installs the profile',
      () => esim.control.install(profile.esimTranNo),
      (p) => `${p.esimStatus}/${p.smdpStatus}`,
    );
    const used = await ctx.step(
      'the device uses a fifth of its data',
      async () => {
        const before = await esim.control.profile(profile.esimTranNo);
        return esim.control.addUsage(profile.esimTranNo, Math.floor(before.totalVolume / 5));
      },
      (p) => `${p.esimStatus}, ${p.orderUsage} of ${p.totalVolume} bytes used`,
    );
    check(used.esimStatus === 'IN_USE', `a profile in use is ${used.esimStatus}, not IN_USE`);

    const topUp = await ctx.step(
      'list the top-ups for this profile',
      async () => {
        const [first] = await esim.client.listPackages({ type: 'TOPUP', iccid: profile.iccid });
        check(first, 'no top-up package offered for the profile');
        return first;
      },
      (p) => `${p.packageCode} at ${usd(p.price)}`,
    );
    const result = await ctx.step(
      `top up with ${topUp.packageCode}`,
      () =>
        esim.client.topUp({
          esimTranNo: profile.esimTranNo,
          packageCode: topUp.packageCode,
          transactionId: `${esim.accessCode}-topup-1`,
          amount: String(topUp.price),
        }),
      (r) => `total volume ${r.totalVolume}, expires ${r.expiredTime}`,
    );
    check(result.totalVolume > used.totalVolume, 'the top-up did not add data');

    await ctx.step('the balance went down by the order and the top-up', async () => {
      const { balance } = await esim.client.getBalance();
      const spent = start.balance - balance;
      check(
        spent === pkg.price + topUp.price,
        `spent ${usd(spent)}, expected ${usd(pkg.price + topUp.price)}`,
      );
      return `${usd(balance)} (spent ${usd(spent)})`;
    });
  },
});
