/**
 * The targets of figure group 1 (issue #20): 0.7x bare Hono for signed balance/query and for esim/query with the
 * larger number of profiles; the other HTTP rows are information.
 */
import { describe, expect, it } from 'vitest';
import { esimAccessScenarios, HTTP_TARGET } from '../src/groups/http.js';

const targeted = (small: number, large: number) =>
  esimAccessScenarios(small, large)
    .filter((scenario) => scenario.targeted)
    .map((scenario) => scenario.name);

describe('HTTP figure targets', () => {
  it('are 0.7x bare Hono', () => {
    expect(HTTP_TARGET).toEqual({ ratio: 0.7, text: '>= 0.7x bare Hono' });
  });

  it('apply to signed balance/query at both sizes and to esim/query at the larger size only', () => {
    expect(targeted(1_000, 10_000)).toEqual(['eSIM Access balance/query (signed), 1,000 profiles']);
    expect(targeted(10_000, 10_000)).toEqual([
      'eSIM Access balance/query (signed), 10,000 profiles',
      'eSIM Access esim/query, 50/page, 10,000 profiles',
    ]);
  });
});
