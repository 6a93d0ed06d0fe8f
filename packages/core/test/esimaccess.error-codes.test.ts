import { describe, expect, it } from 'vitest';
import { AuthenticationError, ProviderError, RateLimitError, SignatureError } from '../src/errors.js';
import {
  esimAccessErrorCodes,
  getEsimAccessErrorCode,
  isRetryableEsimAccessCode,
} from '../src/esimaccess/error-codes.js';
import { createEsimAccessProviderError } from '../src/esimaccess/errors.js';

/** The official table of the spec (section 3), code and text. */
const SPEC_TABLE: [string, string][] = [
  ['000001', 'Server error'],
  ['000101', 'Missing mandatory header'],
  ['000102', 'Wrong header format'],
  ['000103', 'Unsupported HTTP method'],
  ['000104', 'Invalid JSON'],
  ['000105', 'Mandatory params missing'],
  ['000106', 'Mandatory param null'],
  ['000107', 'Invalid param length'],
  ['101001', 'Timestamp expired'],
  ['101002', 'IP blocked'],
  ['101003', 'Signature mismatch'],
  ['200002', 'Operation not allowed due to order status'],
  ['200005', 'Package price error'],
  ['200006', 'Wrong total amount'],
  ['200007', 'Insufficient balance'],
  ['200008', 'Order parameter error'],
  ['200009', 'Abnormal order status'],
  ['200010', 'Profile not yet allocated'],
  ['200011', 'Insufficient available profiles'],
  ['310201', 'bundle.code does not exist'],
  ['310211', 'data_plan_location.id does not exist'],
  ['310221', 'currencyId does not exist'],
  ['310231', 'carrierId does not exist'],
  ['310241', 'packageCode does not exist'],
  ['310243', 'package does not exist'],
  ['310251', 'vendor does not exist'],
  ['310272', 'orderNo does not exist'],
  ['310403', 'ICCID not in the order'],
  ['900001', 'System busy'],
];

describe('esimAccessErrorCodes', () => {
  it.each(SPEC_TABLE)('holds official code %s ("%s")', (code, meaning) => {
    expect(getEsimAccessErrorCode(code)).toMatchObject({ code, meaning, httpStatus: 200 });
    expect(getEsimAccessErrorCode(code)).not.toHaveProperty('unofficial');
  });

  it('marks exactly the NOTES extras as unofficial', () => {
    const unofficial = Object.values(esimAccessErrorCodes)
      .filter((info) => 'unofficial' in info && info.unofficial)
      .map((info) => info.code)
      .sort();
    expect(unofficial).toEqual(['310402', '400001', '401001']);
    expect(Object.keys(esimAccessErrorCodes)).toHaveLength(SPEC_TABLE.length + 3);
  });

  it('retries only server error, system busy and still allocating', () => {
    const retryable = Object.values(esimAccessErrorCodes)
      .filter((info) => info.retryable)
      .map((info) => info.code)
      .sort();
    expect(retryable).toEqual(['000001', '200010', '900001']);
    expect(isRetryableEsimAccessCode('123456')).toBe(false);
  });

  it.each([
    ['000105', 'validation'],
    ['101003', 'auth'],
    ['200007', 'state'],
    ['310272', 'not_found'],
    ['900001', 'rate_limit'],
    ['000001', 'server'],
  ])('classifies %s as %s', (code, kind) => {
    expect(getEsimAccessErrorCode(code)?.kind).toBe(kind);
  });

  it('keys every entry by its own code', () => {
    for (const [key, info] of Object.entries(esimAccessErrorCodes)) expect(info.code).toBe(key);
  });
});

describe('createEsimAccessProviderError', () => {
  it.each([
    ['101001', SignatureError],
    ['101003', SignatureError],
    ['000101', AuthenticationError],
    ['000102', AuthenticationError],
    ['101002', AuthenticationError],
    ['401001', AuthenticationError],
    ['900001', RateLimitError],
    ['200011', ProviderError],
  ])('builds %s as %o', (code, cls) => {
    const error = createEsimAccessProviderError({ code, requestId: 'r1', httpStatus: 200 });
    expect(error.constructor).toBe(cls);
    expect(error).toMatchObject({ provider: 'esimaccess', code, requestId: 'r1' });
    expect(error.message).toContain(getEsimAccessErrorCode(code)?.meaning);
  });
});
