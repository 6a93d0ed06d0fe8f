/**
 * Every core error class types `code` as its own literal union, derived from the code tables (eSIM Access's
 * `esimAccessErrorCodes` keys, iRoamly's `IroamlyCode`): a mistyped code does not compile, and `instanceof`
 * narrows `err.code`. The type checks run under `tsc --noEmit -p .` (the package's typecheck); the table rows run here.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  AbortError,
  AuthenticationError,
  ConnectionError,
  EsimSandboxError,
  InvalidArgumentError,
  type IroamlyErrorCode,
  ProviderError,
  type ProviderErrorCode,
  RateLimitError,
  ResponseValidationError,
  SignatureError,
  TimeoutError,
  UsageError,
} from '../src/errors.js';
import { type EsimAccessErrorCode, esimAccessErrorCodes } from '../src/esimaccess/error-codes.js';
import { createEsimAccessProviderError, EsimAccessWebhookParseError } from '../src/esimaccess/errors.js';
import { IroamlyCode, iroamlyCodes } from '../src/iroamly/codes.js';
import { iroamlyErrorFromCode } from '../src/iroamly/decode.js';

/** Every error code of both tables, with how the client builds its error. */
const rows: [string, () => ProviderError][] = [
  ...Object.keys(esimAccessErrorCodes).map((code): [string, () => ProviderError] => [
    code,
    () => createEsimAccessProviderError({ code }),
  ]),
  ...iroamlyCodes
    .filter((info) => info.code !== IroamlyCode.SUCCESS)
    .map((info): [string, () => ProviderError] => [
      String(info.code),
      () => iroamlyErrorFromCode(info.code, ''),
    ]),
];

describe('error codes as literal unions', () => {
  it('types the code of each client-side error class as its one literal', () => {
    expectTypeOf(new InvalidArgumentError('f', 'm').code).toEqualTypeOf<'INVALID_ARGUMENT'>();
    expectTypeOf(new ConnectionError('refused').code).toEqualTypeOf<'CONNECTION_ERROR'>();
    expectTypeOf(new TimeoutError(5).code).toEqualTypeOf<'TIMEOUT'>();
    expectTypeOf(new AbortError().code).toEqualTypeOf<'ABORTED'>();
    expectTypeOf(new ResponseValidationError([], {}).code).toEqualTypeOf<'RESPONSE_VALIDATION'>();
    expectTypeOf(new UsageError('bad flag').code).toEqualTypeOf<'USAGE'>();
    expectTypeOf(new EsimAccessWebhookParseError([]).code).toEqualTypeOf<'WEBHOOK_INVALID'>();
  });

  it('types a provider error code as the two code tables plus HTTP_<status>', () => {
    expectTypeOf<ProviderErrorCode>().toEqualTypeOf<
      EsimAccessErrorCode | IroamlyErrorCode | `HTTP_${number}`
    >();
    expectTypeOf<IroamlyErrorCode>().toEqualTypeOf<'2' | '3' | '4' | '5' | '6' | '7' | '-1'>();
    for (const Class of [ProviderError, AuthenticationError, SignatureError, RateLimitError]) {
      expectTypeOf<InstanceType<typeof Class>['code']>().toEqualTypeOf<ProviderErrorCode>();
    }
  });

  it('does not compile a code that is in no table', () => {
    const error = createEsimAccessProviderError({ code: '200010' });
    // @ts-expect-error '20010' (a typo of 200010) is in no code table
    expect(error.code === '20010').toBe(false);
    // @ts-expect-error iRoamly's 1 is its success code, never an error's
    const success: ProviderErrorCode = '1';
    // @ts-expect-error a client-side class has only its own code
    const timeout: TimeoutError['code'] = 'ABORTED';
    expect([success, timeout]).toEqual(['1', 'ABORTED']);
  });

  it('narrows err.code with instanceof, under the one root', () => {
    const caught: unknown = new TimeoutError(5);
    if (caught instanceof ProviderError) expectTypeOf(caught.code).toEqualTypeOf<ProviderErrorCode>();
    if (caught instanceof TimeoutError) expectTypeOf(caught.code).toEqualTypeOf<'TIMEOUT'>();
    expect(caught instanceof EsimSandboxError && caught instanceof TimeoutError && caught.code).toBe(
      'TIMEOUT',
    );
  });

  it.each(rows)('gives a provider error with code %s of its table as that code', (code, build) => {
    expect(build().code).toBe(code);
  });
});
