import { iroamlyCertification } from '@esim-sandbox/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { IroamlyMock } from '../src/index.js';
import { authHeaders, manualMock, post } from './http.builders.js';

const mocks: IroamlyMock[] = [];
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((m) => m.close()));
});

function mock(options = {}) {
  const m = manualMock(options);
  mocks.push(m);
  return m;
}

const ORDER = { orderId: 'abc-defg-hijklmnopqr' };

describe('authentication', () => {
  it.each([
    [
      'no AuthKey header',
      (h: Record<string, string>) => ({ Certification: h.Certification! }),
      'AuthKey header is missing',
    ],
    [
      'no Certification header',
      (h: Record<string, string>) => ({ AuthKey: h.AuthKey! }),
      'Certification header is missing',
    ],
    [
      'a wrong Certification',
      (h: Record<string, string>) => ({ ...h, Certification: 'a'.repeat(64) }),
      'does not match',
    ],
    [
      'a Certification that is not hex',
      (h: Record<string, string>) => ({ ...h, Certification: 'x' }),
      'does not match',
    ],
    ['an unknown AuthKey', (h: Record<string, string>) => ({ ...h, AuthKey: 'nobody' }), 'unknown AuthKey'],
    [
      'an AuthKey over 32 characters',
      (h: Record<string, string>) => ({ ...h, AuthKey: 'k'.repeat(33) }),
      'longer than 32',
    ],
  ])('answers %s with code 2', async (_, headers, msg) => {
    const m = mock();
    const res = await post(m, '/openapi/codeQuery', ORDER, headers(authHeaders(m)));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ code: 2, msg: expect.stringContaining(msg) });
  });

  it('accepts the Certification in upper-case hex', async () => {
    const m = mock();
    const headers = {
      AuthKey: m.authKey,
      Certification: iroamlyCertification(m.authKey, m.authSecret).toUpperCase(),
    };
    expect((await post(m, '/openapi/codeQuery', ORDER, headers)).json).toMatchObject({ code: 7 });
  });

  it('checks credentials before parameters', async () => {
    const m = mock();
    expect((await post(m, '/openapi/purchaseCode', '{not json', {})).json).toMatchObject({ code: 2 });
  });

  it('sends code 2 with the configured HTTP status', async () => {
    const m = mock({ http: { errorStatus: 401 } });
    expect((await post(m, '/openapi/codeQuery', ORDER, {})).status).toBe(401);
  });

  it('never writes the Certification into the journal', async () => {
    const m = mock();
    const headers = authHeaders(m);
    await post(m, '/openapi/codeQuery', ORDER, headers);
    const journal = JSON.stringify(m.control.account().tenant.journal.list());
    expect(journal).not.toContain(headers.Certification);
    expect(journal).not.toContain(m.authSecret);
  });

  it('serves the plan list without credentials', async () => {
    const m = mock();
    const res = await m.emulator.request('/common/getPlanItem?region=FR');
    expect(res.status).toBe(200);
    expect(Array.isArray(await res.json())).toBe(true);
  });
});
