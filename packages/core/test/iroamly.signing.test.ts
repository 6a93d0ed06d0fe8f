import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../src/errors.js';
import { iroamlyCertification, verifyIroamlyCertification } from '../src/iroamly/signing.js';

/**
 * FIPS 180-2 SHA-256 test vectors, split into AuthKey + AuthSecret: Certification hashes the concatenation,
 * so the published digest of the whole message is the expected header value.
 */
const abc = {
  authKey: 'ab',
  authSecret: 'c',
  digest: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
};
const twoBlock = {
  authKey: 'abcdbcdecdefdefgefghfghighijhijk', // exactly 32 characters, the spec's maximum
  authSecret: 'ijkljklmklmnlmnomnopnopq',
  digest: '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
};

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

describe('iroamlyCertification', () => {
  it.each([abc, twoBlock])('is the lowercase hex SHA-256 of AuthKey+AuthSecret ($authKey)', (vector) => {
    expect(iroamlyCertification(vector.authKey, vector.authSecret)).toBe(vector.digest);
  });

  it('accepts a 50-character AuthSecret, the spec maximum', () => {
    expect(iroamlyCertification('key', 's'.repeat(50))).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    { name: 'an empty AuthKey', authKey: '', authSecret: 'secret', field: 'authKey', text: 'non-empty' },
    {
      name: 'a 33-character AuthKey',
      authKey: 'k'.repeat(33),
      authSecret: 'secret',
      field: 'authKey',
      text: '32',
    },
    {
      name: 'an AuthKey with a space',
      authKey: 'my key',
      authSecret: 'secret',
      field: 'authKey',
      text: 'ASCII',
    },
    { name: 'a non-ASCII AuthKey', authKey: 'clé', authSecret: 'secret', field: 'authKey', text: 'ASCII' },
    { name: 'an empty AuthSecret', authKey: 'key', authSecret: '', field: 'authSecret', text: 'non-empty' },
    {
      name: 'a 51-character AuthSecret',
      authKey: 'key',
      authSecret: 's'.repeat(51),
      field: 'authSecret',
      text: '50',
    },
  ])('rejects $name with an InvalidArgumentError naming $field', ({ authKey, authSecret, field, text }) => {
    const error = caught(() => iroamlyCertification(authKey, authSecret));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', field });
    expect((error as Error).message).toContain(text);
  });

  it('never puts the secret into the error message', () => {
    const secret = `${'x'.repeat(40)}TOPSECRET`.padEnd(51, 'y');
    const error = caught(() => iroamlyCertification('key', secret)) as Error;
    expect(error.message).not.toContain('TOPSECRET');
  });
});

describe('verifyIroamlyCertification', () => {
  it('accepts the right value in lowercase and in uppercase hex', () => {
    const { authKey, authSecret, digest } = twoBlock;
    expect(verifyIroamlyCertification(authKey, authSecret, digest)).toBe(true);
    expect(verifyIroamlyCertification(authKey, authSecret, digest.toUpperCase())).toBe(true);
  });

  it.each([
    { name: 'the digest of another secret', received: abc.digest },
    { name: 'a truncated digest', received: twoBlock.digest.slice(0, 63) },
    { name: 'a digest with a non-hex character', received: `${twoBlock.digest.slice(0, 63)}g` },
    { name: 'an empty string', received: '' },
    { name: 'a missing header', received: undefined },
    { name: 'a number', received: 42 },
  ])('rejects $name without throwing', ({ received }) => {
    expect(verifyIroamlyCertification(twoBlock.authKey, twoBlock.authSecret, received)).toBe(false);
  });

  it('rejects, rather than throws, when the AuthKey from the wire is longer than the spec allows', () => {
    const longKey = 'k'.repeat(33);
    expect(verifyIroamlyCertification(longKey, 'secret', '0'.repeat(64))).toBe(false);
  });
});
