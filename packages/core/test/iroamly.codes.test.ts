import { describe, expect, it } from 'vitest';
import { AuthenticationError, ProviderError } from '../src/errors.js';
import { IroamlyCode, iroamlyCodeInfo, iroamlyCodes } from '../src/iroamly/codes.js';
import { iroamlyErrorFromCode } from '../src/iroamly/decode.js';

describe('the iRoamly response-code table', () => {
  it('lists exactly the codes of spec v1.2 with their descriptions', () => {
    expect(iroamlyCodes.map(({ code, meaning }) => [code, meaning])).toEqual([
      [1, 'Success'],
      [2, 'Request parameter authentication failed'],
      [3, 'Parameters not filled as required'],
      [4, 'Product code does not exist'],
      [5, 'Insufficient balance'],
      [6, 'Insufficient balance'],
      [7, 'Redeem code has been redeemed or does not exist'],
      [-1, 'Request failed'],
    ]);
  });

  it('marks only -1 as retryable', () => {
    expect(iroamlyCodes.filter((info) => info.retryable).map((info) => info.code)).toEqual([-1]);
  });

  it('gives 5 and 6 the same kind, so callers handle both insufficient-balance codes alike', () => {
    expect(iroamlyCodeInfo(IroamlyCode.INSUFFICIENT_BALANCE)?.kind).toBe('insufficient_balance');
    expect(iroamlyCodeInfo(IroamlyCode.INSUFFICIENT_BALANCE_ALT)?.kind).toBe('insufficient_balance');
  });

  it('knows nothing about codes the spec does not list', () => {
    expect(iroamlyCodeInfo(8)).toBeUndefined();
  });
});

describe('iroamlyErrorFromCode', () => {
  it.each([
    { code: 2, type: AuthenticationError, retryable: false },
    { code: 3, type: ProviderError, retryable: false },
    { code: 4, type: ProviderError, retryable: false },
    { code: 5, type: ProviderError, retryable: false },
    { code: 6, type: ProviderError, retryable: false },
    { code: 7, type: ProviderError, retryable: false },
    { code: -1, type: ProviderError, retryable: true },
    { code: 99, type: ProviderError, retryable: false },
  ])('maps code $code to a $type.name with retryable $retryable', ({ code, type, retryable }) => {
    const error = iroamlyErrorFromCode(code, 'from provider', { httpStatus: 200, raw: { code } });
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({
      provider: 'iroamly',
      code: String(code),
      retryable,
      httpStatus: 200,
      raw: { code },
    });
    expect(error.message).toContain('from provider');
  });

  it('falls back to the spec description when the provider sends an empty msg', () => {
    expect(iroamlyErrorFromCode(4, '').message).toContain('Product code does not exist');
  });
});
