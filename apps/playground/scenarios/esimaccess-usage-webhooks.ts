/**
 * Usage thresholds: as a device uses 50 %, 80 % and 90 % of its data, the provider sends one DATA_USAGE webhook per
 * threshold (remainThreshold 0.5, 0.2, 0.1), and each reaches the sink; using it all up makes it USED_UP.
 */
import { USAGE_THRESHOLDS } from '@esim-sandbox/esimaccess-mock';
import { orderProfiles, pickPackage } from './flows.js';
import { check, defineScenario } from './steps.js';

export default defineScenario({
  name: 'esimaccess-usage-webhooks',
  title: 'eSIM Access: data usage thresholds send DATA_USAGE webhooks',
  async run(ctx) {
    const esim = await ctx.esimaccess();
    const pkg = await pickPackage(ctx, esim);
    const { profiles } = await orderProfiles(ctx, esim, pkg, 1, `${esim.accessCode}-order-1`);
    const { esimTranNo } = profiles[0]!;
    const installed = await ctx.step(
      'a device installs the profile',
      () => esim.control.install(esimTranNo),
      (p) => `${p.esimStatus}/${p.smdpStatus}`,
    );
    const total = installed.totalVolume;

    let used = 0;
    for (const { usedPercent, remainThreshold } of USAGE_THRESHOLDS) {
      const target = Math.ceil((total * usedPercent) / 100);
      await ctx.step(
        `use data up to ${usedPercent} %`,
        () => esim.control.addUsage(esimTranNo, target - used),
        (p) => `${p.orderUsage} of ${total} bytes`,
      );
      used = target;
      await ctx.step(`deliver webhooks: DATA_USAGE with remainThreshold ${remainThreshold}`, async () => {
        await esim.control.advance(0);
        const thresholds = (await esim.sink.received())
          .filter((m) => m.type === 'DATA_USAGE')
          .map((m) => (m.body as { content: { remainThreshold: number } }).content.remainThreshold);
        check(
          thresholds.at(-1) === remainThreshold,
          `last DATA_USAGE thresholds seen: ${thresholds.join(', ')}`,
        );
        return `sink has ${thresholds.length} DATA_USAGE: ${thresholds.join(', ')}`;
      });
    }

    const usedUp = await ctx.step(
      'use the rest',
      () => esim.control.addUsage(esimTranNo, total - used),
      (p) => p.esimStatus,
    );
    check(usedUp.esimStatus === 'USED_UP', `a profile with no data left is ${usedUp.esimStatus}`);

    await ctx.step('the usage query agrees', async () => {
      const [usage] = await esim.client.queryUsage({ esimTranNoList: [esimTranNo] });
      check(usage?.dataUsage === total, `usage query says ${usage?.dataUsage}, expected ${total}`);
      return `${usage.dataUsage} of ${usage.totalData} bytes`;
    });

    await ctx.step('no threshold was reported twice', async () => {
      await esim.control.advance(0);
      const count = (await esim.sink.received()).filter((m) => m.type === 'DATA_USAGE').length;
      check(
        count === USAGE_THRESHOLDS.length,
        `${count} DATA_USAGE webhooks, expected ${USAGE_THRESHOLDS.length}`,
      );
      return `${count} DATA_USAGE webhooks`;
    });
  },
});
