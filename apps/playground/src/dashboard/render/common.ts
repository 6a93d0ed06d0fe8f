/**
 * @module
 * Fragments both provider panels use: buttons that call the control API, status badges, the clock bar, the
 * request journal and the list of active faults.
 */
import type { FaultRule, JournalEntry } from '@esim-sandbox/emulator';
import { formatSpan, formatTime } from '../../format.js';
import type { AccountInfo } from '../../views/common.js';
import type { Page } from '../../views/paging.js';
import type { ProviderName } from '../../views/sources.js';
import { html, type Markup } from '../html.js';

/** URL of a control call through the dashboard's proxy, for the account shown. */
export function controlUrl(provider: ProviderName, account: string, subpath: string): string {
  return `/api/${provider}/sandbox/accounts/${encodeURIComponent(account)}${subpath}`;
}

export interface ButtonOptions {
  body?: unknown;
  method?: 'POST' | 'PUT' | 'DELETE';
  confirm?: string;
  kind?: 'primary' | 'danger' | 'plain';
  title?: string;
  testId?: string;
}

/** A button the client script turns into a fetch to `url`; the answer shows in the status line. */
export function actionButton(label: string, url: string, options: ButtonOptions = {}): Markup {
  return html`<button type="button" class="btn ${options.kind ?? 'plain'}" data-url="${url}" data-method="${
    options.method ?? 'POST'
  }" data-body="${options.body === undefined ? '' : JSON.stringify(options.body)}" data-confirm="${
    options.confirm ?? ''
  }" title="${options.title ?? ''}" data-testid="${options.testId ?? ''}">${label}</button>`;
}

const GOOD = new Set([
  'GOT_RESOURCE',
  'IN_USE',
  'ENABLED',
  'delivered',
  'redeemed',
  'ok',
  'order',
  'topup',
  'refund',
]);
const BUSY = new Set([
  'GETTING_RESOURCE',
  'pending',
  'DOWNLOAD',
  'INSTALLATION',
  'redeeming',
  'RELEASED',
  'not redeemed',
]);
const BAD = new Set([
  'failed',
  'dropped',
  'USED_UP',
  'USED_EXPIRED',
  'UNUSED_EXPIRED',
  'CANCEL',
  'REVOKE',
  'REVOKED',
  'SUSPENDED',
  'DELETED',
  'expired',
]);

export type Tone = 'good' | 'busy' | 'bad' | 'neutral';

/** A status pill; the tone follows the status name unless given. */
export function badge(status: string, tone?: Tone): Markup {
  const t =
    tone ?? (GOOD.has(status) ? 'good' : BUSY.has(status) ? 'busy' : BAD.has(status) ? 'bad' : 'neutral');
  return html`<span class="badge ${t}">${status}</span>`;
}

export function emptyRow(columns: number, text: string): Markup {
  return html`<tr class="empty"><td colspan="${columns}">${text}</td></tr>`;
}

const DAY = 86_400_000;
const STEPS: [string, number][] = [
  ['+1 h', 3_600_000],
  ['+1 day', DAY],
  ['+7 days', 7 * DAY],
  ['+30 days', 30 * DAY],
  ['+180 days', 180 * DAY],
];

/** The virtual clock of the account and the buttons that move it. */
export function clockBar(provider: ProviderName, info: AccountInfo): Markup {
  const advance = controlUrl(provider, info.id, '/clock/advance');
  const next = info.clock.nextTaskAt;
  return html`<div class="clock">
    <div class="clock-now" data-testid="${provider}-clock">
      <span class="label">virtual clock</span>
      <strong>${formatTime(info.clock.now)}</strong> UTC
      <span class="badge neutral">${info.clock.mode}</span>
      ${next === null ? html`<span class="muted">nothing scheduled</span>` : html`<span class="muted">next event in ${formatSpan(next - info.clock.now)}</span>`}
    </div>
    <div class="clock-actions">
      ${STEPS.map(([label, ms]) => actionButton(label, advance, { body: { ms }, title: `advance clock ${label}`, testId: `${provider}-advance-${ms}` }))}
      ${next === null ? '' : actionButton('next event', advance, { body: { to: next }, title: 'advance to the next scheduled event' })}
    </div>
  </div>`;
}

export function faultList(provider: ProviderName, account: string, faults: FaultRule[]): Markup {
  if (faults.length === 0) return html``;
  return html`<div class="faults"><span class="label">active faults</span>${faults.map(
    (f) =>
      html`<span class="fault">${f.method ?? '*'} ${f.path} → ${describeAction(f.action)}${
        f.times === undefined ? '' : ` (${f.times} left)`
      } ${actionButton('×', controlUrl(provider, account, `/faults/${encodeURIComponent(f.id)}`), {
        method: 'DELETE',
        title: 'remove this fault',
      })}</span>`,
  )}</div>`;
}

function describeAction(action: FaultRule['action']): string {
  switch (action.type) {
    case 'error':
      return `error ${action.code}`;
    case 'latency':
      return `+${action.ms} ms`;
    case 'drop':
      return 'drop connection';
    case 'http':
      return `HTTP ${action.status}`;
  }
}

/** The provider's code of a journal entry, red unless `isSuccess` says it is the provider's "OK". */
function codeBadge(code: string | undefined, isSuccess: (code: string) => boolean): Markup | string {
  if (code === undefined) return '';
  return badge(code, isSuccess(code) ? 'good' : 'bad');
}

/** Pretty JSON (or the text itself) of a request, response or webhook body. */
export function pretty(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value ?? null, null, 2);
}

/**
 * A row's full payload, folded: opens in place (the live updates keep it open, by its id) with a copy button per
 * part. Rendered only for the rows of the page shown.
 */
export function payload(id: string, parts: [label: string, value: unknown][]): Markup {
  return html`<details class="payload" id="${id}"><summary>open</summary>${parts.map(
    ([label, value]) =>
      html`<div class="payload-part"><div class="payload-head"><span class="label">${label}</span><button type="button" class="btn plain" data-copy title="copy ${label}">Copy</button></div><pre class="mono">${pretty(value)}</pre></div>`,
  )}</details>`;
}

/**
 * A list card with the server's search box and pager. `list` (`esimaccess.profiles`) names the list in the event
 * stream's query, which the script changes and the server pages by.
 */
export function listCard(title: string, list: string, page: Page<unknown>, table: Markup): Markup {
  const count = page.matched === page.total ? `${page.total}` : `${page.matched} of ${page.total}`;
  const pager = (label: string, to: number, disabled: boolean) =>
    html`<button type="button" class="btn plain" data-list-page="${list}" data-page="${to}" ${disabled ? 'disabled' : ''}>${label}</button>`;
  return html`<section class="card" data-list="${list}"><header><h3>${title} <span class="count">${count}</span></h3>
    <div class="list-tools"><input type="search" class="list-search" data-list="${list}" value="${page.q}" placeholder="search" aria-label="search ${title.toLowerCase()}">
    ${page.pages > 1 ? html`${pager('‹ prev', page.page - 1, page.page <= 1)}<span class="small pager-at" data-testid="${list}-page">page ${page.page} of ${page.pages}</span>${pager('next ›', page.page + 1, page.page >= page.pages)}` : ''}</div></header>${table}</section>`;
}

export function journalTable(
  provider: ProviderName,
  page: Page<JournalEntry>,
  isSuccess: (code: string) => boolean,
): Markup {
  const entries = page.items;
  return html`<table class="grid journal">
    <thead><tr><th>virtual time</th><th>method</th><th>path</th><th>HTTP</th><th>code</th><th>latency</th><th></th><th>payload</th></tr></thead>
    <tbody>${
      entries.length === 0
        ? emptyRow(8, page.q ? 'No request matches.' : 'No requests yet.')
        : entries.map(
            (e) => html`<tr class="journal-row" data-id="${e.id}">
      <td class="nowrap">${formatTime(e.at)}</td><td>${e.method}</td><td class="mono">${e.path}</td>
      <td>${badge(e.status === 0 ? 'dropped' : String(e.status), e.status >= 400 || e.status === 0 ? 'bad' : 'good')}</td>
      <td class="mono">${codeBadge(e.providerCode, isSuccess)}</td><td class="num">${e.latencyMs} ms</td>
      <td>${e.faultId ? html`<span class="badge bad">fault</span>` : ''}${
        e.chaos
          ? html`<span class="badge bad" title="seed ${e.chaos.seed}, profile ${e.chaos.profile}, api seq ${e.chaos.seq}">chaos: ${e.chaos.rule}</span>`
          : ''
      }${e.rateLimited ? html`<span class="badge bad">rate limited</span>` : ''}${
        e.authenticated ? '' : html`<span class="badge bad">auth</span>`
      }</td><td>${payload(`${provider}-journal-${e.id}`, [
        [
          'request',
          { method: e.method, path: e.path, query: e.query, headers: e.requestHeaders, body: e.requestBody },
        ],
        ['response', { status: e.status, providerCode: e.providerCode, body: e.responseBody }],
      ])}</td></tr>`,
          )
    }</tbody></table>`;
}

/** A titled card; `count` shows beside the title. */
export function card(title: string, body: Markup, count?: number, extra?: Markup): Markup {
  return html`<section class="card"><header><h3>${title}${
    count === undefined ? '' : html` <span class="count">${count}</span>`
  }</h3>${extra ?? ''}</header>${body}</section>`;
}
