/**
 * Property: whatever arrives at any control route (`/_sandbox/...`, the engine's and this fake's own, enumerated from
 * the served control document so none is forgotten), with JavaScript built-in names as ids and bodies up to and
 * past the limit, the answer is never a 5xx nor a stack trace, and a refused request changes nothing.
 */
import { describeControlRoutes } from '@esim-sandbox/emulator/testing';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { clientOf, manualMock, purchaseFirstProduct } from './http.builders.js';

const BODY_LIMIT = 2_048;

describeControlRoutes(
  { describe, it, beforeAll, afterAll },
  {
    // Something to protect: an order, a redemption in progress, a webhook URL and a fault.
    start: async () => {
      // The rate limit explicitly off, so the suite does not depend on the default.
      const mock = manualMock({ rateLimit: null, maxControlBodyBytes: BODY_LIMIT });
      const [code] = await clientOf(mock).queryCodes(await purchaseFirstProduct(mock, 2));
      await clientOf(mock).redeemQrCode({ email: 'a@b.co', codeList: [{ redeemCode: code!.redeemCode }] });
      const tenant = mock.emulator.defaultAccount;
      tenant.webhooks.setUrl('http://127.0.0.1:9/hook');
      tenant.faults.add({ path: '/api/plans', action: { type: 'latency', ms: 1 } });
      const { orders, codes, redemptions, outbox } = tenant.state;
      const ids = [orders, codes, redemptions].flatMap((records) => Object.keys(records));
      return {
        emulator: mock.emulator,
        knownIds: [...ids, ...outbox.map((m) => m.id)],
        close: () => mock.close(),
      };
    },
    fieldNames: ['balance', 'count', 'reason', 'redeemCode', 'orderId', 'email', 'productCode', 'state'],
    bodyLimit: BODY_LIMIT,
    ownPaths: ['/redemptions/fail-next'],
  },
);
