import { describe, expect, it } from 'vitest';
import { nextAttempt } from '../src/dashboard/render/esimaccess.js';

const AT = Date.UTC(2026, 0, 1, 12, 0, 0);

describe('the next-attempt column of a webhook delivery', () => {
  it.each([
    {
      name: 'never attempted',
      attempts: [],
      next: AT,
      text: 'not attempted yet, first attempt at 2026-01-01 12:00:00',
    },
    {
      name: 'attempted and failing',
      attempts: [{ at: AT - 1000, status: 500 }],
      next: AT,
      text: 'retry at 2026-01-01 12:00:00',
    },
    { name: 'nothing scheduled', attempts: [{ at: AT, status: 200 }], next: undefined, text: '' },
  ])('$name: "$text"', ({ attempts, next, text }) => {
    expect(nextAttempt({ attempts, nextAttemptAt: next } as Parameters<typeof nextAttempt>[0])).toBe(text);
  });
});
