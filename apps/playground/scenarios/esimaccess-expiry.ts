/**
 * Expiry: of two profiles, one is never used and runs out its unused period (UNUSED_EXPIRED); the other is
 * installed and used, and expires at the end of its validity (USED_EXPIRED). The virtual clock gets there.
 */
import { formatTime } from '../src/format.js';
import { orderProfiles, pickPackage } from './flows.js';
import { check, defineScenario } from './steps.js';

export default defineScenario({
  name: 'esimaccess-expiry',
  title: 'eSIM Access: unused and used profiles expire on the virtual clock',
  async run(ctx) {
    const esim = await ctx.esimaccess();
    const pkg = await pickPackage(ctx, esim);
    const { profiles } = await orderProfiles(ctx, esim, pkg, 2, `${esim.accessCode}-order-1`);
    const [unused, used] = [profiles[0]!.esimTranNo, profiles[1]!.esimTranNo];

    await ctx.step(`install and use ${used}`, async () => {
      await esim.control.install(used);
      return (await esim.control.addUsage(used, 1024 * 1024)).esimStatus;
    });

    const deadlines = await ctx.step(
      'read both deadlines',
      async () => ({
        unused: (await esim.control.profile(unused)).unusedExpiresAt,
        used: (await esim.control.profile(used)).expiresAt,
      }),
      (d) => `unused by ${formatTime(d.unused)}, used until ${formatTime(d.used)}`,
    );
    check(deadlines.used !== null, 'a profile in use has no expiry time');

    const expected = [
      { esimTranNo: unused, at: deadlines.unused, status: 'UNUSED_EXPIRED' },
      { esimTranNo: used, at: deadlines.used, status: 'USED_EXPIRED' },
    ].sort((a, b) => a.at - b.at);

    for (const { esimTranNo, at, status } of expected) {
      await ctx.step(`advance the clock to ${formatTime(at)}`, () => esim.control.advanceTo(at), formatTime);
      await ctx.step(`${esimTranNo} is ${status}`, async () => {
        const [profile] = (
          await esim.client.queryProfiles({ esimTranNo, pager: { pageNum: 1, pageSize: 10 } })
        ).esimList;
        check(profile?.esimStatus === status, `it is ${profile?.esimStatus}`);
        return profile.esimStatus;
      });
    }

    await ctx.step('the sink got an ESIM_STATUS webhook for each expiry', async () => {
      const statuses = (await esim.sink.received())
        .filter((m) => m.type === 'ESIM_STATUS')
        .map((m) => (m.body as { content: { esimStatus: string } }).content.esimStatus);
      check(
        statuses.includes('UNUSED_EXPIRED') && statuses.includes('USED_EXPIRED'),
        `ESIM_STATUS seen: ${statuses.join(', ')}`,
      );
      return statuses.join(', ');
    });
  },
});
