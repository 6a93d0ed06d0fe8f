import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clientOf, manualMock } from './http.builders.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('state file', () => {
  it('keeps orders, balance and a pending redemption across a restart, which then completes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'iroamly-mock-'));
    dirs.push(dir);
    const stateFile = join(dir, 'state.json');
    const first = manualMock({ stateFile });
    const productCode = first.catalog.products[0]!.item.productCode;
    const { orderId } = await clientOf(first).purchase({
      email: 'a@b.co',
      productList: [{ productCode, quantity: 1 }],
    });
    const [code] = await clientOf(first).queryCodes(orderId);
    await clientOf(first).redeemQrCode({ email: 'a@b.co', codeList: [{ redeemCode: code!.redeemCode }] });
    const balance = first.control.account().balance();
    await first.close();

    const second = manualMock({ stateFile });
    try {
      expect(second.control.account().balance()).toBe(balance);
      expect((await clientOf(second).queryCodes(orderId))[0]?.status).toBe(1);
      await second.control.account().advance(3_000);
      expect((await clientOf(second).queryCodes(orderId))[0]?.status).toBe(2);
      expect(
        second.control
          .account()
          .outbox()
          .map((m) => m.kind),
      ).toEqual(['codes_purchased', 'qr_redeemed']);
    } finally {
      await second.close();
    }
  });
});
