/**
 * Every answer is checked against core's schemas: a provider that answers off-schema fails the check, with the
 * field named. The "provider" is a mock whose answers a fake fetch bends.
 */
import type { FetchLike } from '@esim-sandbox/core';
import { createEsimAccessMock } from '@esim-sandbox/esimaccess-mock';
import { createIroamlyMock } from '@esim-sandbox/iroamly-mock';
import { describe, expect, it } from 'vitest';
import { esimAccessSuite } from '../src/checks/esimaccess.js';
import { iroamlySuite } from '../src/checks/iroamly.js';
import { runSuite } from '../src/runner/run.js';
import { createEsimAccessTarget } from '../src/targets/esimaccess.js';
import { createIroamlyTarget } from '../src/targets/iroamly.js';

/** Passes requests to `handle`, rewriting the JSON answers of one path. */
function bending(
  handle: (r: Request) => Promise<Response>,
  path: string,
  bend: (json: never) => unknown,
): FetchLike {
  return async (input, init) => {
    const request = new Request(input, init);
    const response = await handle(request);
    if (new URL(request.url).pathname !== path) return response;
    return Response.json(bend((await response.json()) as never), { status: response.status });
  };
}

describe('answers that break core schemas', () => {
  it('make an eSIM Access read fail, naming the field', async () => {
    const mock = createEsimAccessMock();
    const fetch = bending(mock.fetch, '/api/v1/open/balance/query', (json: { obj: { balance: number } }) => ({
      ...json,
      obj: { balance: json.obj.balance + 0.5 },
    }));
    const env = { ESIMACCESS_ACCESS_CODE: mock.accessCode, ESIMACCESS_SECRET_KEY: mock.secretKey };
    const target = await createEsimAccessTarget('live', { env, fetch });
    if ('skipped' in target) throw new Error(target.skipped);
    const checks = esimAccessSuite.checks.filter((c) => c.id === 'balance.read');
    const [result] = (await runSuite({ ...esimAccessSuite, checks }, target)).results;
    expect(result).toMatchObject({ status: 'error', reason: expect.stringMatching(/^RESPONSE_VALIDATION/) });
    expect(result?.problems).toEqual([
      expect.stringMatching(/^POST \/api\/v1\/open\/balance\/query: obj\.balance: /),
    ]);
    await mock.close();
  });

  it('make an eSIM Access auth check fail when the error code is not six digits', async () => {
    const mock = createEsimAccessMock();
    const fetch = bending(mock.fetch, '/api/v1/open/balance/query', (json: { errorCode: string | null }) => ({
      ...json,
      errorCode: json.errorCode ? `E${json.errorCode}` : null,
    }));
    const env = { ESIMACCESS_ACCESS_CODE: mock.accessCode, ESIMACCESS_SECRET_KEY: mock.secretKey };
    const target = await createEsimAccessTarget('live', { env, fetch });
    if ('skipped' in target) throw new Error(target.skipped);
    const checks = esimAccessSuite.checks.filter((c) => c.id === 'auth.wrong-signature');
    const [result] = (await runSuite({ ...esimAccessSuite, checks }, target)).results;
    expect(result?.status).toBe('fail');
    expect(result?.problems).toEqual([
      'errorCode: expected "101003", got "E101003"',
      "POST /api/v1/open/balance/query: errorCode: expected 6 digits, got 'E101003'",
    ]);
    await mock.close();
  });

  it('make the iRoamly plan check fail, naming the plan field', async () => {
    const mock = createIroamlyMock();
    const fetch = bending(mock.fetch, '/common/getPlanItem', (plans: { credit: number }[]) =>
      plans.map((p) => ({ ...p, credit: String(p.credit) })),
    );
    const env = { IROAMLY_AUTH_KEY: mock.authKey, IROAMLY_AUTH_SECRET: mock.authSecret };
    const target = await createIroamlyTarget('live', { env, fetch });
    if ('skipped' in target) throw new Error(target.skipped);
    const checks = iroamlySuite.checks.filter((c) => c.id === 'plans.list');
    const [result] = (await runSuite({ ...iroamlySuite, checks }, target)).results;
    expect(result?.status).toBe('error');
    expect(result?.problems?.[0]).toMatch(/^GET \/common\/getPlanItem: plans\[0\]\.credit: /);
    await mock.close();
  });
});
