/**
 * The prose of the eSIM Access document: a summary, tag and notes per endpoint and per webhook type. Keyed by the
 * endpoint table's names and the webhook union's types, so a new endpoint or webhook cannot be left undocumented.
 * Shapes, codes and paths come from the schemas and tables, never from here.
 * @module
 */
import type { EsimAccessEndpointName } from '../esimaccess/endpoints.js';
import type { EsimAccessWebhookType } from '../esimaccess/schemas/webhook-payloads.js';

export interface OperationText {
  readonly tag: 'catalog' | 'orders' | 'profiles' | 'account';
  readonly summary: string;
  /** Rules the schema cannot carry (refinements, state), in words. */
  readonly description?: string;
}

export const ESIM_ACCESS_TAGS = [
  { name: 'catalog', description: 'Packages and locations.' },
  { name: 'orders', description: 'Buying profiles and finding them again; allocation is asynchronous.' },
  { name: 'profiles', description: 'Actions on one allocated profile (eSIM).' },
  { name: 'account', description: 'Balance and webhook settings.' },
  { name: 'webhooks', description: 'Calls eSIM Access makes to your webhook URL.' },
] as const;

const ONE_PROFILE =
  'At least one of `iccid` or `esimTranNo` is required (esimTranNo recommended: ICCIDs are reused).';

export const ESIM_ACCESS_OPERATION_TEXT: Readonly<Record<EsimAccessEndpointName, OperationText>> = {
  listPackages: {
    tag: 'catalog',
    summary: 'List data packages and top-ups',
    description:
      'Every filter is optional; unused filters may be sent as "". `iccid` with `type: TOPUP` lists the top-ups ' +
      'available to a profile.',
  },
  listLocations: { tag: 'catalog', summary: 'List supported countries and regions' },
  order: {
    tag: 'orders',
    summary: 'Order profiles',
    description:
      'Each line needs `packageCode` or `slug`; at most 30 eSIMs per order in total. `amount`, when sent, must ' +
      'equal the sum of price x count. Allocation is asynchronous: an ORDER_STATUS webhook follows, and ' +
      'esim/query answers 200010 until then. Repeating a transactionId repeats the same order.',
  },
  queryProfiles: {
    tag: 'orders',
    summary: 'Query allocated profiles',
    description:
      'One of `orderNo`, `iccid`, `esimTranNo`, or both `startTime` and `endTime`, is required; `pager` always is.',
  },
  cancel: {
    tag: 'profiles',
    summary: 'Cancel an unused profile (refund)',
    description: `${ONE_PROFILE} Only a profile that is GOT_RESOURCE and RELEASED can be cancelled.`,
  },
  suspend: { tag: 'profiles', summary: 'Suspend a profile', description: ONE_PROFILE },
  unsuspend: { tag: 'profiles', summary: 'Unsuspend a profile', description: ONE_PROFILE },
  revoke: { tag: 'profiles', summary: 'Revoke a profile (no refund)', description: ONE_PROFILE },
  sendSms: { tag: 'profiles', summary: 'Send an SMS to a profile', description: ONE_PROFILE },
  topUp: {
    tag: 'profiles',
    summary: 'Top up a profile',
    description:
      `${ONE_PROFILE} \`packageCode\` is a TOPUP_ code or a slug. Not after expiry; no ORDER_STATUS webhook. ` +
      'Repeating a transactionId repeats the same top-up.',
  },
  queryUsage: { tag: 'profiles', summary: 'Data usage of up to 10 profiles' },
  getBalance: { tag: 'account', summary: 'Account balance' },
  saveWebhook: {
    tag: 'account',
    summary: 'Set the webhook URL',
    description: 'A CHECK_HEALTH test delivery is sent first; the URL is refused when it fails.',
  },
  queryWebhook: { tag: 'account', summary: 'Show the webhook URL' },
};

export const ESIM_ACCESS_WEBHOOK_TEXT: Readonly<Record<EsimAccessWebhookType, string>> = {
  CHECK_HEALTH: 'Test delivery sent when a webhook URL is saved',
  ORDER_STATUS: 'The profiles of an order are allocated',
  SMDP_EVENT: 'SM-DP+ event: download, installation, enable, activation',
  ESIM_STATUS: 'Lifecycle change of a profile',
  DATA_USAGE: 'Data use crossed 50, 80 or 90 %',
  VALIDITY_USAGE: 'One day of validity remains',
};
