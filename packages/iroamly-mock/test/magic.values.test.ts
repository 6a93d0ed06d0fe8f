/**
 * The magic-value table against the README, error faults against the spec's code table, and the account's id
 * tables staying null-prototype when state comes back from JSON.
 */
import { readFileSync } from 'node:fs';
import { iroamlyCodes } from '@esim-sandbox/core';
import { describe, expect, it } from 'vitest';
import { iroamlyMagicValues } from '../src/ops/magic.js';
import { authHeaders, manualMock, post } from './http.builders.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('magic values', () => {
  it('are listed in the README exactly as in the table', () => {
    const section = readme.split('## Magic values')[1]?.split('\n## ')[0] ?? '';
    const rows = [...section.matchAll(/^\| `([^`]+)` +\| `([^`]+)` +\| (-?\d+) /gm)].map(
      ([, value, field, code]) => ({
        value,
        field,
        code: Number(code),
      }),
    );
    expect(rows).toEqual(iroamlyMagicValues.map(({ value, field, code }) => ({ value, field, code })));
  });

  it('reach, with the natural triggers, every code of the spec table', () => {
    const natural = [1, 2, 3, 4, 5, 7, -1];
    const reached = new Set([...natural, ...iroamlyMagicValues.map((m) => m.code)]);
    expect([...reached].sort()).toEqual(iroamlyCodes.map((c) => c.code).sort());
  });
});

describe('error faults', () => {
  const addFault = (mock: ReturnType<typeof manualMock>, action: Record<string, unknown>) =>
    mock.emulator.request('/_sandbox/accounts/default/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: '/openapi/codeQuery', times: 1, action }),
    });

  it.each(['9', '1', 'oops'])(
    'refuse code %s (not an error of the table) with a 400 naming action.code',
    async (code) => {
      const mock = manualMock();
      const res = await addFault(mock, { type: 'error', code });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'INVALID_ARGUMENT', field: 'action.code' } });
      await mock.close();
    },
  );

  it.each([
    ['a code of the table', { type: 'error', code: '6' }, 6],
    ['another number marked custom', { type: 'error', code: '9', custom: true }, 9],
  ])('accept %s and answer it', async (_what, action, code) => {
    const mock = manualMock();
    expect((await addFault(mock, action)).status).toBe(201);
    expect((await post(mock, '/openapi/codeQuery', { orderId: 'x' }, authHeaders(mock))).json).toMatchObject({
      code,
    });
    await mock.close();
  });
});

describe('id tables', () => {
  it('are null-prototype in a new account and after restoring a snapshot sent as JSON', async () => {
    const mock = manualMock();
    const { tenant } = mock.control.account();
    const check = () => {
      for (const table of [
        tenant.state.orders,
        tenant.state.codes,
        tenant.state.redemptions,
        tenant.state.qrTokens,
      ]) {
        expect(Object.getPrototypeOf(table)).toBeNull();
      }
    };
    check();
    tenant.restore(JSON.parse(JSON.stringify(tenant.snapshot())));
    check();
    await mock.close();
  });
});
