/**
 * What the provider layer shares between routes, tasks and the control handle, and the one bridge from a domain
 * operation to the engine kit's `runOp`: the context built from a tenant, and how payloads become webhook events.
 * @module
 */
import type { EsimAccessWebhookPayload } from '@esim-sandbox/core';
import {
  dispatchEffects,
  type Emulator,
  runOp as runKitOp,
  type Tenant,
  type WebhookEvent,
} from '@esim-sandbox/emulator';
import type { CatalogIndex } from '../catalog/catalog.js';
import {
  type Effects,
  type EsimAccessBehaviour,
  emptyEffects,
  type OpContext,
  type OpResult,
  type ProfileLinks,
} from '../ops/context.js';
import type { EsimAccessAccountState } from '../state/types.js';
import type { EsimAccessFidelity } from './fidelity.js';
import type { EsimAccessAccountParams, EsimAccessAuthOptions, EsimAccessEnvelopeOptions } from './options.js';
import type { ProfileTexts } from './profile-texts.js';

export type EsimAccessTenant = Tenant<EsimAccessAccountState, EsimAccessAccountParams>;
export type EsimAccessEmulator = Emulator<EsimAccessAccountState, EsimAccessAccountParams>;

export interface EsimAccessRuntime {
  readonly catalog: CatalogIndex;
  readonly behaviour: EsimAccessBehaviour;
  readonly fidelity: EsimAccessFidelity;
  /** Replaced (never edited in place) by `setAuth`, which the control route and handle share. */
  auth: EsimAccessAuthOptions;
  readonly envelope: EsimAccessEnvelopeOptions;
  readonly publicBaseUrl: string | undefined;
  /**
   * RT-RequestIDs used per account (id -> time of use on `auth.timestampClock`), for single-use checking; memory
   * only, like the window.
   */
  readonly requestIds: Map<string, Map<string, number>>;
  /** esim/query's kept profile texts (memory only). */
  readonly profileTexts: ProfileTexts;
}

/** The QR image route; `/qr/<id>` without the extension is the short "install page". */
export const QR_PATH = '/qr';

export function linksFor(base: string): ProfileLinks {
  const root = base.replace(/\/+$/, '');
  return {
    qrCodeUrl: (qrId) => `${root}${QR_PATH}/${qrId}.png`,
    shortUrl: (qrId) => `${root}${QR_PATH}/${qrId}`,
  };
}

/** Links for work outside a request (tasks, control calls), whose profile renderings are never sent anywhere. */
export function backgroundLinks(rt: EsimAccessRuntime): ProfileLinks {
  return linksFor(rt.publicBaseUrl ?? 'http://127.0.0.1');
}

/** Links per base URL: a request asks for them every time, and a server sees one or two bases. */
const linksByBase = new Map<string, ProfileLinks>();

/** Links for a request: the configured public base, else the origin the request was sent to. */
export function linksForRequest(rt: EsimAccessRuntime, requestUrl: string): ProfileLinks {
  const base = rt.publicBaseUrl ?? originOf(requestUrl);
  let links = linksByBase.get(base);
  if (!links) {
    if (linksByBase.size >= 64) linksByBase.clear();
    links = linksFor(base);
    linksByBase.set(base, links);
  }
  return links;
}

/**
 * The origin of a request's URL (absolute and normalised by the Request, so it always has a path and never
 * credentials): what `new URL(url).origin` answers, without parsing the URL again.
 */
function originOf(url: string): string {
  const path = url.indexOf('/', url.indexOf('//') + 2);
  return path < 0 ? url : url.slice(0, path);
}

export function contextFor(rt: EsimAccessRuntime, tenant: EsimAccessTenant, links: ProfileLinks): OpContext {
  return {
    state: tenant.state,
    catalog: rt.catalog,
    behaviour: rt.behaviour,
    now: tenant.clock.now(),
    rng: tenant.random,
    links,
    effects: emptyEffects(),
    chaosDelay: (stream, baseMs) => tenant.chaos.delay(stream, baseMs),
  };
}

/**
 * How a payload goes out: the notifyId doubles as the engine's event id, so a duplicated delivery carries the same
 * notifyId. Events of one order are sent in order, so a profile's too (its events carry its order's orderNo); other
 * orders' concurrently.
 */
export function webhookEvent(payload: EsimAccessWebhookPayload): WebhookEvent {
  const content = payload.content as { iccid?: string; orderNo?: string };
  const eventId = payload.notifyId ?? undefined;
  const orderKey = content.orderNo || content.iccid || undefined;
  return {
    type: payload.notifyType,
    payload,
    ...(eventId === undefined ? {} : { eventId }),
    ...(orderKey === undefined ? {} : { orderKey }),
  };
}

export function dispatch(tenant: EsimAccessTenant, effects: Effects): void {
  dispatchEffects(tenant, effects, webhookEvent);
}

/**
 * Runs an operation against a tenant through the engine kit's `runOp`; `persist` for work outside a provider
 * request (control actions), which the pipeline does not save by itself.
 */
export function runOp<T>(
  rt: EsimAccessRuntime,
  tenant: EsimAccessTenant,
  links: ProfileLinks,
  op: (ctx: OpContext) => OpResult<T>,
  persist = false,
): OpResult<T> {
  return runKitOp(tenant, contextFor(rt, tenant, links), op, { webhook: webhookEvent, persist });
}
