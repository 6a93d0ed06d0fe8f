/**
 * The magic-value table against what it promises: together with the natural triggers it reaches every documented
 * code, the README lists exactly its rows, no catalogue package collides with it, and error faults keep to the
 * same documented table unless marked custom.
 */
import { readFileSync } from 'node:fs';
import { esimAccessErrorCodes } from '@esim-sandbox/core';
import { describe, expect, it } from 'vitest';
import { createEsimAccessMock } from '../src/index.js';
import { esimAccessMagicValues } from '../src/ops/magic.js';
import { cases } from './contract.errors.case.js';
import { naturalCases } from './contract.magic.case.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The rows of the README's "Magic values" table: value, field, code. */
function readmeRows(): { value: string; field: string; code: string }[] {
  const section = readme.split('## Magic values')[1]?.split('\n## ')[0] ?? '';
  return [...section.matchAll(/^\| `([^`]+)` +\| `([^`]+)` +\| (\d{6}) /gm)].map(
    ([, value, field, code]) => ({
      value: value!,
      field: field!,
      code: code!,
    }),
  );
}

describe('magic values', () => {
  it('reach, with the natural triggers, every code of the documented table', () => {
    const reached = new Set([
      ...cases.map((c) => c.code),
      ...naturalCases.map((c) => c.code),
      ...esimAccessMagicValues.map((m) => m.code),
    ]);
    expect([...reached].sort()).toEqual(Object.keys(esimAccessErrorCodes).sort());
  });

  it('are listed in the README exactly as in the table', () => {
    expect(readmeRows()).toEqual(
      esimAccessMagicValues.map(({ value, field, code }) => ({ value, field, code })),
    );
  });

  it('never name a package of the catalogue', () => {
    const mock = createEsimAccessMock({ clock: 'manual' });
    const names = new Set(mock.catalog.catalog.packages.flatMap((p) => [p.packageCode, p.slug]));
    expect(esimAccessMagicValues.filter((m) => names.has(m.value))).toEqual([]);
  });
});

describe('error faults', () => {
  const addFault = (mock: ReturnType<typeof createEsimAccessMock>, action: Record<string, unknown>) =>
    mock.request('/_sandbox/accounts/default/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ path: '/api/v1/open/balance/query', times: 1, action }),
    });

  it('refuse a code outside the error table with a 400 naming action.code', async () => {
    const mock = createEsimAccessMock({ clock: 'manual' });
    const res = await addFault(mock, { type: 'error', code: '123456' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { code: 'INVALID_ARGUMENT', field: 'action.code', message: expect.stringContaining('123456') },
    });
    expect(mock.control.account().tenant.faults.list()).toEqual([]);
  });

  it.each([
    ['a documented code', { type: 'error', code: '200009' }, 'Abnormal order status'],
    ['an undocumented one marked custom', { type: 'error', code: '123456', custom: true }, 'injected error'],
  ])('accept %s and answer it in the envelope', async (_what, action, errorMsg) => {
    const mock = createEsimAccessMock({ clock: 'manual', auth: { signature: 'access-code-only' } });
    expect((await addFault(mock, action)).status).toBe(201);
    const answer = await mock.request('/api/v1/open/balance/query', {
      method: 'POST',
      headers: { 'RT-AccessCode': mock.accessCode },
      body: '{}',
    });
    expect(await answer.json()).toMatchObject({ success: false, errorCode: action.code, errorMsg });
  });
});
