import { describeOwnMswServer } from '@esim-sandbox/emulator/testing';
import * as vitest from 'vitest';
import { useIroamlyFake } from '../src/testing/index.js';

const API = 'https://api.iroamly.shop';
const EMAIL = 'shop@reseller.test';

describeOwnMswServer(vitest, useIroamlyFake, {
  read: {
    call: (account) => account.client().listPlans('united-states'),
    fromFake: (plans) => Array.isArray(plans) && plans.length > 0,
    method: 'get',
    url: `${API}/common/getPlanItem`,
    body: [],
    gives: [],
  },
  write: {
    url: `${API}/openapi/purchaseCode`,
    call: async (account) => {
      const client = account.client();
      const [plan] = await client.listPlans('united-states');
      const productList = [{ productCode: plan!.productCode, quantity: 1 }];
      return (await client.purchase({ email: EMAIL, productList })).orderId;
    },
    sent: { email: EMAIL },
  },
});
