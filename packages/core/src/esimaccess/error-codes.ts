/**
 * The eSIM Access error-code table as data: the client classifies envelope errors with it and the fake answers
 * with it. Every error arrives inside an HTTP 200 envelope (no source shows a 4xx/5xx), hence `httpStatus: 200`.
 * @module
 */

export type EsimAccessErrorKind = 'auth' | 'validation' | 'state' | 'not_found' | 'rate_limit' | 'server';

export interface EsimAccessErrorCodeInfo {
  readonly code: string;
  /** English text; doubles as the `errorMsg` a fake sends when it has nothing more specific. */
  readonly meaning: string;
  /** Safe to retry as is (for requests that are safe to repeat at all). */
  readonly retryable: boolean;
  readonly httpStatus: 200;
  readonly kind: EsimAccessErrorKind;
  /** An `auth` refusal of the request's signature or its timestamp (a client's `SignatureError`). */
  readonly signature?: true;
  /** Not in the official table; seen in one open-source integration only. */
  readonly unofficial?: true;
}

const entry = (
  code: string,
  meaning: string,
  kind: EsimAccessErrorKind,
  extra: { retryable?: boolean; signature?: true; unofficial?: true } = {},
): EsimAccessErrorCodeInfo => ({
  code,
  meaning,
  kind,
  retryable: extra.retryable ?? false,
  httpStatus: 200,
  ...(extra.signature ? { signature: true as const } : {}),
  ...(extra.unofficial ? { unofficial: true as const } : {}),
});

export const esimAccessErrorCodes = {
  '000001': entry('000001', 'Server error', 'server', { retryable: true }),
  '000101': entry('000101', 'Missing mandatory header', 'auth'),
  '000102': entry('000102', 'Wrong header format', 'auth'),
  '000103': entry('000103', 'Unsupported HTTP method', 'validation'),
  '000104': entry('000104', 'Invalid JSON', 'validation'),
  '000105': entry('000105', 'Mandatory params missing', 'validation'),
  '000106': entry('000106', 'Mandatory param null', 'validation'),
  '000107': entry('000107', 'Invalid param length', 'validation'),
  '101001': entry('101001', 'Timestamp expired', 'auth', { signature: true }),
  '101002': entry('101002', 'IP blocked', 'auth'),
  '101003': entry('101003', 'Signature mismatch', 'auth', { signature: true }),
  '200002': entry('200002', 'Operation not allowed due to order status', 'state'),
  '200005': entry('200005', 'Package price error', 'validation'),
  '200006': entry('200006', 'Wrong total amount', 'validation'),
  '200007': entry('200007', 'Insufficient balance', 'state'),
  '200008': entry('200008', 'Order parameter error', 'validation'),
  '200009': entry('200009', 'Abnormal order status', 'state'),
  '200010': entry('200010', 'Profile not yet allocated', 'state', { retryable: true }),
  '200011': entry('200011', 'Insufficient available profiles', 'state'),
  '310201': entry('310201', 'bundle.code does not exist', 'not_found'),
  '310211': entry('310211', 'data_plan_location.id does not exist', 'not_found'),
  '310221': entry('310221', 'currencyId does not exist', 'not_found'),
  '310231': entry('310231', 'carrierId does not exist', 'not_found'),
  '310241': entry('310241', 'packageCode does not exist', 'not_found'),
  '310243': entry('310243', 'package does not exist', 'not_found'),
  '310251': entry('310251', 'vendor does not exist', 'not_found'),
  '310272': entry('310272', 'orderNo does not exist', 'not_found'),
  '310403': entry('310403', 'ICCID not in the order', 'not_found'),
  '900001': entry('900001', 'System busy', 'rate_limit', { retryable: true }),
  '310402': entry('310402', 'Duplicate transactionId', 'state', { unofficial: true }),
  '401001': entry('401001', 'Authentication failed', 'auth', { unofficial: true }),
  '400001': entry('400001', 'Validation failed', 'validation', { unofficial: true }),
} as const satisfies Record<string, EsimAccessErrorCodeInfo>;

export type EsimAccessErrorCode = keyof typeof esimAccessErrorCodes;

export function isEsimAccessErrorCode(code: string): code is EsimAccessErrorCode {
  return Object.hasOwn(esimAccessErrorCodes, code);
}

/** The table entry for a code, or undefined for a code the table does not know. */
export function getEsimAccessErrorCode(code: string): EsimAccessErrorCodeInfo | undefined {
  return isEsimAccessErrorCode(code) ? esimAccessErrorCodes[code] : undefined;
}

/** Unknown codes are not retried: repeating a request whose failure we cannot classify is not known to be safe. */
export function isRetryableEsimAccessCode(code: string): boolean {
  return getEsimAccessErrorCode(code)?.retryable ?? false;
}
