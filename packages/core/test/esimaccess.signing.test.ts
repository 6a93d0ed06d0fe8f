import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isEsimAccessTimestampFresh,
  parseEsimAccessTimestamp,
  signEsimAccessRequest,
  verifyEsimAccessSignature,
} from '../src/esimaccess/signing.js';

/** The provider's published test vector (also used by Redtea and Simlessly). */
const VECTOR = {
  timestamp: '1628670421',
  requestId: '4ce9d9cdac9e4e17b3a2c66c358c1ce2',
  accessCode: '11111',
  secretKey: '1111',
  body: '{"imsi":"326543826"}',
};
const VECTOR_SIGNATURE = '7eb765e27df5373dea2dbc8c41a7d9557743e46c8054750f3d851b3fd01d0835';

describe('signEsimAccessRequest', () => {
  it('reproduces the documented test vector', () => {
    expect(signEsimAccessRequest(VECTOR)).toBe(VECTOR_SIGNATURE);
  });

  it('accepts a numeric timestamp as the same signed text', () => {
    expect(signEsimAccessRequest({ ...VECTOR, timestamp: 1628670421 })).toBe(VECTOR_SIGNATURE);
  });

  it('signs the body bytes exactly, so re-serialising with spaces changes the signature', () => {
    expect(signEsimAccessRequest({ ...VECTOR, body: '{ "imsi": "326543826" }' })).not.toBe(VECTOR_SIGNATURE);
  });
});

describe('verifyEsimAccessSignature', () => {
  it.each([
    { name: 'the exact lowercase signature', signature: VECTOR_SIGNATURE, valid: true },
    { name: 'the signature in uppercase', signature: VECTOR_SIGNATURE.toUpperCase(), valid: true },
    { name: 'one flipped hex digit', signature: `${VECTOR_SIGNATURE.slice(0, -1)}4`, valid: false },
    { name: 'a truncated signature', signature: VECTOR_SIGNATURE.slice(0, 62), valid: false },
    { name: 'non-hex text of the right length', signature: 'z'.repeat(64), valid: false },
    { name: 'an empty signature', signature: '', valid: false },
    { name: 'no signature', signature: undefined, valid: false },
  ])('returns $valid for $name', ({ signature, valid }) => {
    expect(verifyEsimAccessSignature({ ...VECTOR, signature })).toBe(valid);
  });

  it.each([
    { name: 'a tampered body', change: { body: '{"imsi":"326543827"}' } },
    { name: 'another request id', change: { requestId: '4ce9d9cdac9e4e17b3a2c66c358c1ce3' } },
    { name: 'another timestamp', change: { timestamp: '1628670422' } },
    { name: 'another access code', change: { accessCode: '11112' } },
    { name: 'the wrong secret', change: { secretKey: '1112' } },
  ])('rejects the vector signature for $name', ({ change }) => {
    expect(verifyEsimAccessSignature({ ...VECTOR, ...change, signature: VECTOR_SIGNATURE })).toBe(false);
  });

  it('verifies whatever it signed, for any body and credentials', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), fc.string(), (body, secretKey, requestId) => {
        const input = { timestamp: '1760000000000', requestId, accessCode: 'ak', body, secretKey };
        return verifyEsimAccessSignature({ ...input, signature: signEsimAccessRequest(input) });
      }),
    );
  });
});

describe('timestamps', () => {
  const NOW = 1_760_000_000_000;

  it.each([
    { value: '1760000000000', ms: 1_760_000_000_000 },
    { value: 1_760_000_000_123, ms: 1_760_000_000_123 },
    { value: '1628670421', ms: 1_628_670_421_000 },
    { value: '', ms: undefined },
    { value: '17600000000x0', ms: undefined },
    { value: '-1760000000000', ms: undefined },
    { value: null, ms: undefined },
  ])('parses $value as $ms ms', ({ value, ms }) => {
    expect(parseEsimAccessTimestamp(value)).toBe(ms);
  });

  it.each([
    { name: 'the same instant', timestamp: String(NOW), fresh: true },
    { name: '10 minutes old (the edge)', timestamp: String(NOW - 600_000), fresh: true },
    { name: '10 minutes and 1 ms old', timestamp: String(NOW - 600_001), fresh: false },
    { name: '9 minutes in the future', timestamp: String(NOW + 540_000), fresh: true },
    { name: '11 minutes in the future', timestamp: String(NOW + 660_000), fresh: false },
    { name: '10-digit seconds, 5 minutes old', timestamp: String((NOW - 300_000) / 1000), fresh: true },
    { name: '10-digit seconds, 1 hour old', timestamp: String((NOW - 3_600_000) / 1000), fresh: false },
    { name: 'garbage', timestamp: 'yesterday', fresh: false },
    { name: 'a missing header', timestamp: undefined, fresh: false },
  ])('with the default 10-minute window, $name is fresh: $fresh', ({ timestamp, fresh }) => {
    expect(isEsimAccessTimestampFresh({ timestamp, now: NOW })).toBe(fresh);
  });

  it('follows the clock it is given, such as a virtual one', () => {
    const timestamp = '1000000000000';
    expect(isEsimAccessTimestampFresh({ timestamp, now: 1_000_000_030_000, windowMs: 60_000 })).toBe(true);
    expect(isEsimAccessTimestampFresh({ timestamp, now: 1_000_000_090_000, windowMs: 60_000 })).toBe(false);
  });
});
