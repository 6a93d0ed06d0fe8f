/**
 * iRoamly: buy redeem codes, query them, redeem one by email (the provider works on it, then mails the QR code),
 * fetch its QR image, and see a second redemption of the same code refused (code 7).
 */
import { creditToMinor } from '@esim-sandbox/iroamly-mock';
import { credits, formatTime } from '../src/format.js';
import { check, defineScenario } from './steps.js';

const EMAIL = 'traveller@example.com';

export default defineScenario({
  name: 'iroamly-redeem',
  title: 'iRoamly: purchase, query, redeem by email, QR query, code already redeemed',
  async run(ctx) {
    const iroamly = await ctx.iroamly();
    const plan = await ctx.step(
      'list the plans for Japan',
      async () => {
        const [first] = await iroamly.client.listPlans('JP');
        check(first, 'no plan for JP');
        return first;
      },
      (p) => `${p.productCode} "${p.plan}" at ${p.credit} credits`,
    );
    const balanceBefore = (await iroamly.control.call<{ balance: number }>('GET', '/balance')).balance;

    const { orderId } = await ctx.step(
      'purchase 2 codes',
      () =>
        iroamly.client.purchase({
          email: EMAIL,
          productList: [{ productCode: plan.productCode, quantity: 2 }],
        }),
      (o) => `orderId ${o.orderId}`,
    );
    const codes = await ctx.step(
      'query the order’s codes',
      async () => {
        const list = await iroamly.client.queryCodes(orderId);
        check(list.length === 2 && list.every((c) => c.status === 0), `codes: ${JSON.stringify(list)}`);
        return list;
      },
      (list) => list.map((c) => `${c.redeemCode} (status ${c.status}, redeem by ${c.expire_at})`).join(', '),
    );
    await ctx.step('the balance paid for both', async () => {
      const { balance } = await iroamly.control.call<{ balance: number }>('GET', '/balance');
      const expected = 2 * creditToMinor(plan.credit);
      check(
        balanceBefore - balance === expected,
        `paid ${credits(balanceBefore - balance)}, expected ${credits(expected)}`,
      );
      return `${credits(balanceBefore)} → ${credits(balance)}`;
    });

    const code = codes[0]!.redeemCode;
    await ctx.step(`redeem ${code} for ${EMAIL}`, () =>
      iroamly.client.redeemQrCode({ email: EMAIL, codeList: [{ redeemCode: code }] }),
    );
    await ctx.step('it is being redeemed', async () => {
      const status = (await iroamly.client.queryCodes(orderId)).find((c) => c.redeemCode === code)?.status;
      check(status === 1, `status is ${status}, expected 1 (redeeming)`);
      return 'status 1';
    });
    await ctx.step('advance the clock 1 minute', () => iroamly.control.advance(60_000), formatTime);
    await ctx.step('it is redeemed', async () => {
      const status = (await iroamly.client.queryCodes(orderId)).find((c) => c.redeemCode === code)?.status;
      check(status === 2, `status is ${status}, expected 2 (redeemed)`);
      return 'status 2';
    });

    await ctx.step('the provider mailed the QR code', async () => {
      const mail = (await iroamly.control.outbox(EMAIL)).find((m) => m.kind === 'qr_redeemed');
      check(mail, `no qr_redeemed mail to ${EMAIL}`);
      check(
        mail.codes.some((c) => c.redeemCode === code && c.qrcode),
        'the mail has no QR code for it',
      );
      return `"${mail.subject}" to ${mail.to}`;
    });

    const qr = await ctx.step(
      'query its QR code',
      () => iroamly.client.queryQrCode(code),
      (q) => q.qrcode,
    );
    await ctx.step('the QR image loads', async () => {
      const res = await fetch(qr.qrcode);
      const type = res.headers.get('content-type');
      check(res.ok && type === 'image/png', `GET ${qr.qrcode} answered ${res.status} ${type}`);
      return `${type}, ${(await res.arrayBuffer()).byteLength} bytes`;
    });

    await ctx.expectError(
      `redeem ${code} again`,
      () => iroamly.client.redeemQrCode({ email: EMAIL, codeList: [{ redeemCode: code }] }),
      '7',
    );
  },
});
