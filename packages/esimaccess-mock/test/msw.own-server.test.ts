import { describeOwnMswServer } from '@esim-sandbox/emulator/testing';
import * as vitest from 'vitest';
import { DEFAULT_BALANCE } from '../src/runtime/options.js';
import { useEsimAccessFake } from '../src/testing/index.js';

const API = 'https://api.esimaccess.com/api/v1/open';

describeOwnMswServer(vitest, useEsimAccessFake, {
  read: {
    call: async (account) => (await account.client().getBalance()).balance,
    fromFake: (balance) => balance === DEFAULT_BALANCE,
    method: 'post',
    url: `${API}/balance/query`,
    body: { success: true, errorCode: '0', obj: { balance: 7 } },
    gives: 7,
  },
  write: {
    url: `${API}/package/list`,
    call: async (account) => (await account.client().listPackages({ locationCode: 'JP' })).length > 0,
    sent: { locationCode: 'JP' },
  },
});
