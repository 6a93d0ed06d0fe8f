/**
 * The error class a client throws for an eSIM Access code comes from the code table (its `signature` column, else
 * its `kind`), never from a list of literal codes: a code added to the table gets its class with it.
 */
import { describe, expect, it } from 'vitest';
import { AuthenticationError, ProviderError, RateLimitError, SignatureError } from '../src/errors.js';
import { esimAccessErrorCodes } from '../src/esimaccess/error-codes.js';
import { createEsimAccessProviderError } from '../src/esimaccess/errors.js';

const BY_KIND = {
  auth: AuthenticationError,
  rate_limit: RateLimitError,
  validation: ProviderError,
  state: ProviderError,
  not_found: ProviderError,
  server: ProviderError,
} as const;

describe('error class per code of the table', () => {
  it.each(Object.values(esimAccessErrorCodes).map((info) => [info.code, info] as const))(
    '%s builds the class its table row names',
    (code, info) => {
      const error = createEsimAccessProviderError({ code });
      const expected = 'signature' in info && info.signature ? SignatureError : BY_KIND[info.kind];
      expect(error.constructor).toBe(expected);
    },
  );

  it('marks exactly the timestamp and signature refusals as signature errors', () => {
    const signature = Object.values(esimAccessErrorCodes)
      .filter((info) => 'signature' in info && info.signature)
      .map((info) => info.code);
    expect(signature).toEqual(['101001', '101003']);
  });
});
