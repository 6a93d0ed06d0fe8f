import { describe, expect, it } from 'vitest';
import { canTransition, transition } from '../src/state/transitions.js';
import type { RedeemCodeRecord } from '../src/state/types.js';

type Status = RedeemCodeRecord['status'];

function record(status: Status): RedeemCodeRecord {
  return { redeemCode: 'abcdefghijklm', productCode: 'p', orderId: 'o', expire_at: '2030-01-01', status };
}

const allowed: [Status, Status][] = [
  [0, 1],
  [1, 2],
  [1, 3],
  [3, 1],
];
const statuses: Status[] = [0, 1, 2, 3];
const pairs = statuses.flatMap((from) => statuses.map((to) => [from, to] as [Status, Status]));

describe('redeem code transitions', () => {
  it.each(pairs)('from %i to %i follows the table', (from, to) => {
    const expected = allowed.some(([a, b]) => a === from && b === to);
    expect(canTransition(from, to)).toBe(expected);
    const r = record(from);
    const result = transition(r, to);
    expect(result.ok).toBe(expected);
    expect(r.status).toBe(expected ? to : from);
    if (!result.ok) {
      expect(result.error.code).toBe(7);
      expect(result.error.msg).toContain('abcdefghijklm');
    }
  });
});
