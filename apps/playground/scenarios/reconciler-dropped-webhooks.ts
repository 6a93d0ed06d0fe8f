/**
 * The reconciler catching dropped webhooks: the account's webhooks go to the reconciler's receiver, which keeps the
 * reseller's database in step. Then the provider loses every webhook (a fault) while a device installs and uses
 * the profile; the database falls behind, and the next sync finds and corrects exactly that drift.
 */
import {
  buildReport,
  createWebhookReceiver,
  openStore,
  recordDeposit,
  recordOrder,
  syncAccount,
} from '@esim-sandbox/reconciler';
import { Hono } from 'hono';
import { listen } from '../src/listen.js';
import { ALLOCATION_WAIT_MS, pickPackage, settleSockets } from './flows.js';
import { check, defineScenario } from './steps.js';

const findingsText = (findings: Record<string, number | undefined>) =>
  Object.entries(findings)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ') || 'no drift';

export default defineScenario({
  name: 'reconciler-dropped-webhooks',
  title: 'Reconciler: a sync catches the webhooks the provider dropped',
  async run(ctx) {
    const store = await ctx.step(
      'open the reconciler’s store (PGlite in memory)',
      async () => {
        const opened = await openStore({ env: {} });
        await settleSockets();
        return opened;
      },
      (s) => s.kind,
    );
    const cleanup: (() => Promise<unknown>)[] = [() => store.close()];
    try {
      const esim = await ctx.esimaccess();
      const accountId = esim.accessCode;
      const receiver = createWebhookReceiver(store, { accountId, onError: () => {} });
      cleanup.unshift(() => receiver.close());
      const server = await listen(new Hono().route('/webhooks/esimaccess', receiver.app).fetch, {
        host: '127.0.0.1',
        port: 0,
        flag: 'receiver',
      });
      cleanup.unshift(() => server.close());
      // Leave the account as the playground set it up: no webhook faults, deliveries to the sink.
      cleanup.unshift(
        () => esim.control.setWebhookUrl(esim.sink.url),
        () => esim.control.setWebhookFaults({}),
      );
      const sync = () => syncAccount(store, { provider: 'esimaccess', accountId, client: esim.client });
      await ctx.step('send the account’s webhooks to the reconciler', () =>
        esim.control.setWebhookUrl(`${server.url}/webhooks/esimaccess`),
      );
      const { balance } = await esim.client.getBalance();
      await ctx.step('record the opening deposit', () =>
        recordDeposit(store, { accountId, provider: 'esimaccess', depositId: 'opening', amount: balance }),
      );

      const pkg = await pickPackage(ctx, esim);
      const transactionId = `${accountId}-order-1`;
      const { orderNo } = await ctx.step(
        'order a profile and record it',
        async () => {
          const order = await esim.client.order({
            transactionId,
            packageInfoList: [{ packageCode: pkg.packageCode, count: 1, price: pkg.price }],
          });
          const line = { packageCode: pkg.packageCode, count: 1, price: pkg.price };
          await recordOrder(store, {
            accountId,
            provider: 'esimaccess',
            orderNo: order.orderNo,
            transactionId,
            amount: pkg.price,
            lines: [line],
          });
          return order;
        },
        (o) => `orderNo ${o.orderNo}`,
      );
      await ctx.step('allocation: ORDER_STATUS reaches the reconciler', async () => {
        await esim.control.advance(ALLOCATION_WAIT_MS);
        await receiver.drain();
      });
      const first = await ctx.step('first sync', sync, (r) => findingsText(r.findings));

      await ctx.step('the provider now drops every webhook', () =>
        esim.control.setWebhookFaults({ drop: {} }),
      );
      const [profile] = (await esim.client.queryProfiles({ orderNo, pager: { pageNum: 1, pageSize: 10 } }))
        .esimList;
      check(profile, 'the order has no profile');
      await ctx.step(
        'a device installs the profile and uses data',
        async () => {
          await esim.control.install(profile.esimTranNo);
          return esim.control.addUsage(profile.esimTranNo, 50 * 1024 * 1024);
        },
        (p) => `${p.esimStatus}/${p.smdpStatus}, ${p.orderUsage} bytes used`,
      );
      await ctx.step('those webhooks were dropped', async () => {
        await esim.control.advance(0);
        const dropped = (await esim.control.deliveries()).filter((d) => d.state === 'dropped');
        check(dropped.length > 0, 'no delivery was dropped');
        return dropped.map((d) => d.type).join(', ');
      });

      const second = await ctx.step('second sync', sync, (r) => findingsText(r.findings));
      check((second.findings.missed_webhook ?? 0) > 0, 'the sync did not report the missed webhooks');
      check((second.findings.usage_mismatch ?? 0) > 0, 'the sync did not report the data used');
      await ctx.step('the report lists the drift', async () => {
        const report = await buildReport(store, { accountId });
        const findings = report.accounts[0]?.findings.items ?? [];
        check(
          findings.some((f) => f.kind === 'missed_webhook'),
          'no missed_webhook in the report',
        );
        return findings
          .map(
            (f) =>
              `${f.kind} ${f.subjectType} ${f.field}: ${f.storeValue ?? '∅'} → ${f.providerValue ?? '∅'}`,
          )
          .join('; ');
      });

      const third = await ctx.step('a third sync finds nothing left', sync, (r) => findingsText(r.findings));
      check(
        Object.values(third.findings).every((n) => !n),
        `still drifting: ${findingsText(third.findings)}`,
      );
      ctx.note(`first sync had found: ${findingsText(first.findings)}`);
    } finally {
      for (const close of cleanup) await close();
    }
  },
});
