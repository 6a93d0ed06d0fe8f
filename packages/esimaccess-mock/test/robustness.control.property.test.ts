/**
 * Property: whatever arrives at any control route (`/_sandbox/...`, the engine's and this fake's own, enumerated from
 * the served control document so none is forgotten), with JavaScript built-in names as ids and bodies up to and
 * past the limit, the answer is never a 5xx nor a stack trace, and a refused request changes nothing.
 */
import { describeControlRoutes } from '@esim-sandbox/emulator/testing';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createEsimAccessMock } from '../src/index.js';
import { orderFirstPackage } from './support/mocks.js';

const BODY_LIMIT = 2_048;

/** Something to protect: an allocated order with profiles, a webhook URL and a fault. */
async function start() {
  // The rate limit explicitly off, so the suite does not depend on the default.
  const mock = createEsimAccessMock({
    clock: 'manual',
    startTime: '2025-06-01T12:00:00Z',
    seed: 'control-property',
    rateLimit: null,
    maxControlBodyBytes: BODY_LIMIT,
  });
  const tenant = mock.emulator.defaultAccount;
  await orderFirstPackage(mock, 'seed', 2);
  tenant.webhooks.setUrl('http://127.0.0.1:9/hook');
  tenant.faults.add({ path: '/api/v1/open/balance/query', action: { type: 'latency', ms: 1 } });
  await tenant.advance(10_000);
  const { orders, profiles } = tenant.state;
  const iccids = Object.values(profiles).map((p) => p.iccid);
  return {
    emulator: mock.emulator,
    knownIds: [...Object.keys(orders), ...Object.keys(profiles), ...iccids],
    close: () => mock.close(),
  };
}

describeControlRoutes(
  { describe, it, beforeAll, afterAll },
  {
    start,
    fieldNames: ['balance', 'esimTranNo', 'iccid', 'count', 'bytes', 'packageCode', 'state', 'stock'],
    bodyLimit: BODY_LIMIT,
    ownPaths: ['/profiles/{esimTranNo}/install'],
  },
);
