/**
 * @module
 * The engine's own control routes (`control/app.ts`) as data, with the very schemas those routes validate with.
 * A test compares this table with the routes the control app serves, both ways.
 */

import { chaosSettingSchema } from '../chaos/profile.js';
import { CONTROL_ERROR_STATUS } from '../control/http.js';
import {
  advanceSchema,
  clockModeSchema,
  createAccountSchema,
  journalQuerySchema,
  rateLimitSchema,
  restoreSchema,
  webhookConfigSchema,
} from '../control/schemas.js';
import { faultInputSchema, webhookFaultsSchema } from '../faults/schema.js';
import type { ControlRouteDoc } from '../types/openapi.js';

const ok = { description: '`{ ok: true }`' } as const;

/** Directly under `/_sandbox`. */
export const ENGINE_GLOBAL_ROUTES: readonly ControlRouteDoc[] = [
  {
    method: 'get',
    path: '/',
    tag: 'documentation',
    summary: 'Index of the control API',
    description:
      'JSON when `Accept` names `application/json`, else a small HTML page: links to the documents and every ' +
      'control route with its summary.',
    response: {
      description: '`{ name, links: { docs, openapi, sandbox, sandboxDocs, sandboxOpenapi }, routes }`',
    },
    public: true,
  },
  {
    method: 'get',
    path: '/openapi.json',
    tag: 'documentation',
    summary: 'This document',
    response: { description: 'The control API as OpenAPI 3.1 JSON.' },
    public: true,
  },
  {
    method: 'get',
    path: '/docs',
    tag: 'documentation',
    summary: 'This document as a web page',
    response: { description: 'HTML reference page, self-contained.' },
    public: true,
  },
  {
    method: 'get',
    path: '/health',
    tag: 'accounts',
    summary: 'Liveness and account count',
    response: { description: '`{ ok, provider, accounts }`' },
  },
  {
    method: 'get',
    path: '/accounts',
    tag: 'accounts',
    summary: 'List accounts',
    response: { description: '`{ accounts: [{ id, default }] }` (no secrets)' },
  },
  {
    method: 'post',
    path: '/accounts',
    tag: 'accounts',
    summary: 'Create an account',
    description: 'Omitted credentials are generated from the seed; `params` go to the provider.',
    body: createAccountSchema,
    response: { status: 201, description: '`{ id, key, secret }`' },
    errors: [{ status: CONTROL_ERROR_STATUS.conflict, description: 'The key is taken.' }],
  },
  {
    method: 'delete',
    path: '/accounts/:account',
    tag: 'accounts',
    summary: 'Delete an account (not the default one)',
    response: ok,
  },
];

/** Under `/_sandbox/accounts/:account` (`default` names the default account). */
export const ENGINE_ACCOUNT_ROUTES: readonly ControlRouteDoc[] = [
  {
    method: 'get',
    path: '/',
    tag: 'accounts',
    summary: 'One account',
    response: { description: '`{ id, default, clock, rateLimit, webhookUrl }`' },
  },
  {
    method: 'post',
    path: '/reset',
    tag: 'state',
    summary: 'Reset the account to its initial state',
    response: ok,
  },
  {
    method: 'get',
    path: '/snapshot',
    tag: 'state',
    summary: 'Snapshot of the account (secret redacted)',
    response: { description: 'The account data; POST it to /restore.' },
  },
  {
    method: 'post',
    path: '/restore',
    tag: 'state',
    summary: 'Restore a snapshot',
    body: restoreSchema,
    response: ok,
  },
  {
    method: 'get',
    path: '/clock',
    tag: 'clock',
    summary: 'Virtual clock and scheduled tasks',
    response: { description: '`{ mode, now, iso, nextTaskAt, tasks }`' },
  },
  {
    method: 'put',
    path: '/clock',
    tag: 'clock',
    summary: 'Switch between the real and the manual clock',
    body: clockModeSchema,
    response: { description: '`{ mode, now, iso, nextTaskAt }`' },
  },
  {
    method: 'post',
    path: '/clock/advance',
    tag: 'clock',
    summary: 'Move the virtual clock, running every task due on the way',
    description: 'Answers once the fired tasks (webhook attempts included) have finished.',
    body: advanceSchema,
    response: { description: '`{ mode, now, iso, nextTaskAt }`' },
  },
  {
    method: 'get',
    path: '/journal',
    tag: 'journal',
    summary: 'Requests and answers, secrets redacted',
    query: journalQuerySchema,
    response: { description: '`{ entries }`, newest last' },
  },
  { method: 'delete', path: '/journal', tag: 'journal', summary: 'Clear the journal', response: ok },
  {
    method: 'get',
    path: '/faults',
    tag: 'faults',
    summary: 'Fault rules',
    response: { description: '`{ faults }`' },
  },
  {
    method: 'post',
    path: '/faults',
    tag: 'faults',
    summary: 'Add a fault rule',
    description: 'An error code, latency, a dropped connection or a raw HTTP answer for matching requests.',
    body: faultInputSchema,
    response: { status: 201, description: 'The rule, with its id.' },
  },
  { method: 'delete', path: '/faults', tag: 'faults', summary: 'Remove every fault rule', response: ok },
  {
    method: 'delete',
    path: '/faults/:id',
    tag: 'faults',
    summary: 'Remove one fault rule',
    response: ok,
    errors: [{ status: CONTROL_ERROR_STATUS.not_found, description: 'No such rule.' }],
  },
  {
    method: 'get',
    path: '/rate-limit',
    tag: 'rate limit',
    summary: 'Rate limit of the account',
    response: { description: '`{ rateLimit }` (null = off)' },
  },
  {
    method: 'put',
    path: '/rate-limit',
    tag: 'rate limit',
    summary: 'Set or turn off the rate limit',
    body: rateLimitSchema,
    response: { description: '`{ rateLimit }`' },
  },
  {
    method: 'get',
    path: '/webhooks',
    tag: 'webhooks',
    summary: 'Webhook URL, faults and delivery log',
    response: { description: '`{ url, faults, deliveries }`' },
  },
  {
    method: 'put',
    path: '/webhooks',
    tag: 'webhooks',
    summary: 'Set the webhook URL directly',
    body: webhookConfigSchema,
    response: { description: '`{ url }`' },
  },
  {
    method: 'put',
    path: '/webhooks/faults',
    tag: 'webhooks',
    summary: 'Webhook faults: drop, duplicate, delay, reorder, late after poll',
    body: webhookFaultsSchema,
    response: { description: '`{ faults }`' },
  },
  {
    method: 'post',
    path: '/webhooks/:id/redeliver',
    tag: 'webhooks',
    summary: 'Deliver one webhook again, now',
    response: { description: '`{ attempt, delivery }`' },
    errors: [{ status: CONTROL_ERROR_STATUS.not_found, description: 'No such delivery.' }],
  },
  {
    method: 'get',
    path: '/chaos',
    tag: 'chaos',
    summary: 'Seeded chaos of the account',
    response: {
      description: '`{ chaos: null }` or `{ chaos: { profile, seed, injected } }` (the profile resolved)',
    },
  },
  {
    method: 'put',
    path: '/chaos',
    tag: 'chaos',
    summary: 'Turn seeded chaos on: a profile and a seed',
    description:
      '`profile` is `gentle`, `realistic`, `hostile` or a whole profile object. Sequence numbers start again, so ' +
      'the same seed and the same calls from here give the same faults.',
    body: chaosSettingSchema,
    response: { description: '`{ chaos: { profile, seed, injected } }`' },
  },
  {
    method: 'delete',
    path: '/chaos',
    tag: 'chaos',
    summary: 'Turn seeded chaos off',
    response: { description: '`{ chaos: null }`' },
  },
];
