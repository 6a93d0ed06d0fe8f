export { type RateLimiter, SlidingWindowLimiter, type SlidingWindowLimiterOptions } from './rate-limiter.js';
export {
  backoffMs,
  defaultRetryPolicy,
  type RetryPolicy,
  resolveRetryPolicy,
  retryAfterMs,
} from './retry.js';
export {
  type FetchLike,
  HttpTransport,
  type RetryClassifier,
  sleep,
  type TransportConfig,
  type TransportRequest,
  type TransportResponse,
} from './transport.js';
export { formatIssuePath, parseArguments, parseResponse, toValidationIssues } from './validate.js';
