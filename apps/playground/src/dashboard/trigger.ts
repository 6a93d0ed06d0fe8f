/**
 * @module
 * The "fire an event" form of each panel: it posts to the fake's own trigger control route
 * (`POST /_sandbox/accounts/:account/trigger`, what `esim-sandbox trigger` calls), so the form's field names are
 * that route's body fields and the page sends them as they are. The event types are the fakes' own lists.
 */
import { ESIMACCESS_TRIGGER_TYPES } from '@esim-sandbox/esimaccess-mock';
import { IROAMLY_TRIGGER_KINDS } from '@esim-sandbox/iroamly-mock';
import type { ProviderName } from '../views/sources.js';
import { html, type Markup } from './html.js';

interface TriggerForm {
  /** The body field naming the event, and its choices. */
  typeField: string;
  types: readonly string[];
  /** The body field naming what to act on; left empty, the fake orders (purchases) one first. */
  subjectField: string;
  subjectLabel: string;
}

const TRIGGER_FORMS: Record<ProviderName, TriggerForm> = {
  esimaccess: {
    typeField: 'notifyType',
    types: ESIMACCESS_TRIGGER_TYPES,
    subjectField: 'esimTranNo',
    subjectLabel: 'profile (esimTranNo)',
  },
  iroamly: {
    typeField: 'type',
    types: IROAMLY_TRIGGER_KINDS,
    subjectField: 'redeemCode',
    subjectLabel: 'redeem code',
  },
};

export function triggerForm(provider: ProviderName): Markup {
  const form = TRIGGER_FORMS[provider];
  return html`<form class="trigger-form" data-provider="${provider}" data-testid="${provider}-trigger">
    <span class="label">fire an event</span>
    <select name="${form.typeField}" aria-label="event type">${form.types.map((t) => html`<option>${t}</option>`)}</select>
    <input name="${form.subjectField}" placeholder="${form.subjectLabel}: optional, else a new one" aria-label="${form.subjectLabel}">
    <button type="submit" class="btn primary">Fire</button>
  </form>`;
}
