import { describe, expect, it } from 'vitest';
import { toIroamlyParameterError } from '../src/iroamly/codes.js';
import {
  IROAMLY_MAX_CODES_PER_PURCHASE,
  IROAMLY_MAX_QUANTITY_PER_LINE,
  iroamlyPurchaseCodeRequestSchema,
} from '../src/iroamly/schemas/requests.js';

const purchase = (...quantities: number[]) => ({
  email: 'shop@example.com',
  productList: quantities.map((quantity, i) => ({ productCode: `p${i}`, quantity })),
});

describe('codes per purchase', () => {
  it.each([
    ['one full line', [IROAMLY_MAX_QUANTITY_PER_LINE]],
    ['lines adding up to the limit', [60, 40]],
  ])('accepts %s', (_what, quantities) => {
    expect(iroamlyPurchaseCodeRequestSchema.safeParse(purchase(...quantities)).success).toBe(true);
  });

  it('refuses lines adding up to more than the limit with code 3 naming productList', () => {
    const result = iroamlyPurchaseCodeRequestSchema.safeParse(purchase(60, 41));
    expect(result.success).toBe(false);
    expect(toIroamlyParameterError(result.error!.issues)).toEqual({
      code: 3,
      msg: `productList: must not ask for more than ${IROAMLY_MAX_CODES_PER_PURCHASE} codes in all`,
    });
  });
});
