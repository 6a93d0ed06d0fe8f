/**
 * @module
 * Every scenario, in the order `pnpm scenario all` runs them.
 */
import esimaccessBalanceAndStock from './esimaccess-balance-and-stock.js';
import esimaccessCancellation from './esimaccess-cancellation.js';
import esimaccessExpiry from './esimaccess-expiry.js';
import esimaccessHappyPath from './esimaccess-happy-path.js';
import esimaccessRateLimit from './esimaccess-rate-limit.js';
import esimaccessUsageWebhooks from './esimaccess-usage-webhooks.js';
import esimaccessWebhookRetries from './esimaccess-webhook-retries.js';
import iroamlyRedeem from './iroamly-redeem.js';
import reconcilerDroppedWebhooks from './reconciler-dropped-webhooks.js';
import type { Scenario } from './steps.js';

export const scenarios: Scenario[] = [
  esimaccessHappyPath,
  esimaccessUsageWebhooks,
  esimaccessExpiry,
  esimaccessCancellation,
  esimaccessBalanceAndStock,
  esimaccessRateLimit,
  esimaccessWebhookRetries,
  iroamlyRedeem,
  reconcilerDroppedWebhooks,
];
