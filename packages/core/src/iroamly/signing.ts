/**
 * iRoamly's `Certification` header: SHA-256 of AuthKey+AuthSecret, hex. It is a static credential (no timestamp,
 * no body), so it must be treated as a secret just like AuthSecret and never logged.
 * @module
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { InvalidArgumentError } from '../errors.js';

export const IROAMLY_AUTH_KEY_MAX_LENGTH = 32;
export const IROAMLY_AUTH_SECRET_MAX_LENGTH = 50;

/** Printable ASCII without spaces: AuthKey travels in a header, where anything else breaks fetch or the server. */
const AUTH_KEY_PATTERN = /^[\x21-\x7e]+$/;

function authKeyProblem(authKey: unknown): string | undefined {
  if (typeof authKey !== 'string' || authKey.length === 0) return 'must be a non-empty string';
  if (authKey.length > IROAMLY_AUTH_KEY_MAX_LENGTH) {
    return `must be at most ${IROAMLY_AUTH_KEY_MAX_LENGTH} characters (got ${authKey.length})`;
  }
  if (!AUTH_KEY_PATTERN.test(authKey)) return 'must contain only printable ASCII characters without spaces';
  return undefined;
}

function authSecretProblem(authSecret: unknown): string | undefined {
  if (typeof authSecret !== 'string' || authSecret.length === 0) return 'must be a non-empty string';
  if (authSecret.length > IROAMLY_AUTH_SECRET_MAX_LENGTH) {
    // The length is safe to print; the value never is.
    return `must be at most ${IROAMLY_AUTH_SECRET_MAX_LENGTH} characters (got ${authSecret.length})`;
  }
  return undefined;
}

/** Throws InvalidArgumentError naming `authKey` or `authSecret` when a credential breaks the spec's limits. */
export function assertIroamlyCredentials(authKey: string, authSecret: string): void {
  const keyProblem = authKeyProblem(authKey);
  if (keyProblem) throw new InvalidArgumentError('authKey', keyProblem);
  const secretProblem = authSecretProblem(authSecret);
  if (secretProblem) throw new InvalidArgumentError('authSecret', secretProblem);
}

function sha256(authKey: string, authSecret: string): Buffer {
  return createHash('sha256').update(`${authKey}${authSecret}`, 'utf8').digest();
}

/**
 * The Certification header value: lowercase hex SHA-256 of AuthKey+AuthSecret.
 * @example iroamlyCertification('demo-key', 'demo-secret') // 64 lowercase hex chars
 */
export function iroamlyCertification(authKey: string, authSecret: string): string {
  assertIroamlyCredentials(authKey, authSecret);
  return sha256(authKey, authSecret).toString('hex');
}

const HEX_64 = /^[0-9a-f]{64}$/;

/**
 * Checks a received Certification in constant time. Hex case is ignored because the spec does not state it.
 * Never throws on wire input: a malformed value, or credentials outside the spec's limits, simply do not verify.
 */
export function verifyIroamlyCertification(authKey: string, authSecret: string, received: unknown): boolean {
  if (typeof received !== 'string') return false;
  if (authKeyProblem(authKey) || authSecretProblem(authSecret)) return false;
  const normalised = received.toLowerCase();
  if (!HEX_64.test(normalised)) return false;
  return timingSafeEqual(sha256(authKey, authSecret), Buffer.from(normalised, 'hex'));
}
