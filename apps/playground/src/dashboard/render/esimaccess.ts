/**
 * @module
 * The eSIM Access panel's sections: account summary, profiles (with usage bars and device actions), orders,
 * ledger, webhook deliveries with their attempts, and the request journal.
 */

import type { JournalEntry, WebhookDelivery } from '@esim-sandbox/emulator';
import type { OrderRecord, ProfileRecord } from '@esim-sandbox/esimaccess-mock';
import { formatBytes, formatTime, percent, usd } from '../../format.js';
import type { EsimAccessView } from '../../views/esimaccess.js';
import type { Page } from '../../views/paging.js';
import { html, type Markup } from '../html.js';
import {
  actionButton,
  badge,
  card,
  clockBar,
  controlUrl,
  emptyRow,
  faultList,
  journalTable,
  listCard,
  payload,
} from './common.js';

const P = 'esimaccess' as const;

export interface SinkInfo {
  /** What the playground's sink answers this account with (200 = up). */
  status: number;
  received: number;
}

export function summary(view: EsimAccessView, sink: SinkInfo | undefined): Markup {
  const { info } = view;
  const url = view.info.webhookUrl;
  return html`<div class="summary">
    <div class="stat"><span class="label">account (access code)</span><strong class="mono" data-testid="esimaccess-account">${info.id}</strong>${
      info.default ? html` <span class="badge neutral">default</span>` : ''
    }</div>
    <div class="stat"><span class="label">balance</span><strong class="money" data-testid="esimaccess-balance">${usd(view.balance)}</strong></div>
    <div class="stat"><span class="label">profiles / orders</span><strong>${view.profiles.length} / ${view.orders.length}</strong></div>
    <div class="stat wide"><span class="label">webhook URL</span><span class="mono small">${url ?? 'none set'}</span>${
      sink
        ? html` ${badge(sink.status < 300 ? `sink up, ${sink.received} received` : `sink answers ${sink.status}`, sink.status < 300 ? 'good' : 'bad')}`
        : ''
    }</div>
    <div class="stat actions">${actionButton('Reset account', controlUrl(P, info.id, '/reset'), {
      kind: 'danger',
      confirm: `Reset ${info.id}? Its orders, profiles and webhook log are erased.`,
    })}</div>
  </div>
  ${clockBar(P, info)}
  ${faultList(P, info.id, view.faults)}`;
}

function expiry(p: ProfileRecord, now: number): Markup {
  if (p.esimStatus === 'UNUSED_EXPIRED')
    return html`<span class="bad-text">unused until ${formatTime(p.unusedExpiresAt)}</span>`;
  if (p.esimStatus === 'USED_EXPIRED')
    return html`<span class="bad-text">expired ${formatTime(p.expiresAt)}</span>`;
  if (p.esimStatus === 'GOT_RESOURCE') {
    return html`<span class="${p.unusedExpiresAt <= now ? 'bad-text' : ''}">use by ${formatTime(p.unusedExpiresAt)}</span>`;
  }
  return p.expiresAt === null ? html`` : html`until ${formatTime(p.expiresAt)}`;
}

function usageBar(p: ProfileRecord): Markup {
  const pct = percent(p.orderUsage, p.totalVolume);
  const tone = pct >= 90 ? 'bad' : pct >= 50 ? 'busy' : 'good';
  return html`<div class="usage" title="${pct}% used"><div class="bar"><span class="${tone}" style="width:${pct}%"></span></div>
    <span class="small">${formatBytes(p.orderUsage)} / ${formatBytes(p.totalVolume)}</span></div>`;
}

/** A profile on a device can use data: the first use activates one still GOT_RESOURCE. */
const USABLE = new Set(['GOT_RESOURCE', 'IN_USE']);
const EXPIRED = new Set(['USED_EXPIRED', 'UNUSED_EXPIRED', 'CANCEL', 'REVOKE', 'REVOKED']);

function profileActions(account: string, p: ProfileRecord): Markup {
  const url = (sub: string) => controlUrl(P, account, `/profiles/${encodeURIComponent(p.esimTranNo)}${sub}`);
  const quarter = Math.max(1, Math.ceil(p.totalVolume / 4));
  return html`${
    p.esimStatus === 'GOT_RESOURCE' && p.smdpStatus === 'RELEASED'
      ? actionButton('Install', url('/install'), {
          body: {},
          title: 'a device downloads, installs and enables it',
        })
      : ''
  }${
    USABLE.has(p.esimStatus) && p.smdpStatus === 'ENABLED'
      ? actionButton('+25% data', url('/usage'), { body: { bytes: quarter }, title: 'the device uses data' })
      : ''
  }${EXPIRED.has(p.esimStatus) ? '' : actionButton('Expire', url('/expire'), { title: 'end its unused period or validity now' })}`;
}

export function profiles(view: EsimAccessView, page: Page<ProfileRecord>): Markup {
  const now = view.info.clock.now;
  const rows = page.items.map(
    (
      p,
    ) => html`<tr class="profile-row" data-esim-status="${p.esimStatus}" data-smdp-status="${p.smdpStatus}" data-esim-tran-no="${p.esimTranNo}">
      <td><span class="mono">${p.esimTranNo}</span><br><span class="mono small muted">${p.iccid}</span></td>
      <td>${p.packages[0]?.packageName ?? p.basePackageCode}${p.packages.length > 1 ? html` <span class="badge neutral">+${p.packages.length - 1} top-up</span>` : ''}</td>
      <td>${badge(p.esimStatus)} ${badge(p.smdpStatus)}</td>
      <td>${usageBar(p)}</td>
      <td class="small nowrap">${expiry(p, now)}</td>
      <td class="nowrap">${profileActions(view.info.id, p)}</td></tr>`,
  );
  const none = page.q
    ? 'No profile matches.'
    : 'No profiles yet: order one with the client or run a scenario.';
  return listCard(
    'Profiles',
    `${P}.profiles`,
    page,
    html`<table class="grid"><thead><tr><th>esimTranNo / ICCID</th><th>package</th><th>status</th><th>data usage</th><th>validity</th><th></th></tr></thead>
    <tbody>${rows.length ? rows : emptyRow(6, none)}</tbody></table>`,
  );
}

export function orders(view: EsimAccessView, page: Page<OrderRecord>): Markup {
  const rows = page.items.map(
    (
      o,
    ) => html`<tr><td class="mono">${o.orderNo}</td><td class="mono small">${o.transactionId}</td><td>${badge(o.status)}</td>
      <td class="small">${o.items.map((i) => `${i.count} × ${i.packageCode}`).join(', ')}</td><td class="num">${usd(o.amount)}</td>
      <td class="small nowrap">${formatTime(o.createdAt)}</td></tr>`,
  );
  const ledger = view.ledger.slice(0, 8).map(
    (
      l,
    ) => html`<tr><td>${badge(l.kind)}</td><td class="num">${usd(l.amount)}</td><td class="num">${usd(l.balance)}</td>
      <td class="mono small">${l.ref}</td><td class="small nowrap">${formatTime(l.at)}</td></tr>`,
  );
  return html`${listCard(
    'Orders',
    `${P}.orders`,
    page,
    html`<table class="grid"><thead><tr><th>orderNo</th><th>transactionId</th><th>status</th><th>items</th><th>amount</th><th>created</th></tr></thead>
    <tbody>${rows.length ? rows : emptyRow(6, page.q ? 'No order matches.' : 'No orders yet.')}</tbody></table>`,
  )}${card(
    'Ledger',
    html`<table class="grid"><thead><tr><th>kind</th><th>amount</th><th>balance after</th><th>ref</th><th>when</th></tr></thead>
    <tbody>${ledger.length ? ledger : emptyRow(5, 'No balance changes yet.')}</tbody></table>`,
    view.ledger.length,
  )}`;
}

function attempts(d: WebhookDelivery): Markup {
  if (d.attempts.length === 0)
    return html`<span class="muted small">${d.held ? `held (${d.held})` : 'not sent yet'}</span>`;
  return html`<ol class="attempts">${d.attempts.map(
    (a) =>
      html`<li>${formatTime(a.at).slice(5)} → ${
        a.status === undefined
          ? badge(a.error ?? 'error', 'bad')
          : badge(String(a.status), a.status < 300 ? 'good' : 'bad')
      }${a.manual ? ' (manual)' : ''}</li>`,
  )}</ol>`;
}

/** When the next attempt is due: a delivery never attempted says so rather than "retry". */
export function nextAttempt(d: Pick<WebhookDelivery, 'attempts' | 'nextAttemptAt'>): string {
  if (d.nextAttemptAt === undefined) return '';
  return d.attempts.length === 0
    ? `not attempted yet, first attempt at ${formatTime(d.nextAttemptAt)}`
    : `retry at ${formatTime(d.nextAttemptAt)}`;
}

export function deliveries(view: EsimAccessView, page: Page<WebhookDelivery>): Markup {
  const rows = page.items.map(
    (d) => html`<tr class="delivery-row" data-state="${d.state}" data-type="${d.type}" data-id="${d.id}">
      <td class="small nowrap">${formatTime(d.createdAt)}</td><td class="mono">${d.type}</td><td>${badge(d.state)}${
        d.faults?.length ? html` <span class="badge bad">${d.faults.join(', ')}</span>` : ''
      }${
        d.chaos
          ? html` <span class="badge bad" title="seed ${d.chaos.seed}, profile ${d.chaos.profile}, webhook seq ${d.chaos.seq}">chaos seed ${d.chaos.seed}</span>`
          : ''
      }</td><td>${attempts(d)}</td>
      <td class="small nowrap">${nextAttempt(d)}</td>
      <td>${d.state === 'failed' || d.state === 'dropped' ? actionButton('Redeliver', controlUrl(P, view.info.id, `/webhooks/${encodeURIComponent(d.id)}/redeliver`)) : ''}</td>
      <td>${payload(`${P}-delivery-${d.id}`, [
        ['payload', d.payload],
        ['delivery', { id: d.id, eventId: d.eventId, url: d.url, attempts: d.attempts }],
      ])}</td></tr>`,
  );
  return listCard(
    'Webhook deliveries',
    `${P}.deliveries`,
    page,
    html`<table class="grid"><thead><tr><th>emitted</th><th>type</th><th>state</th><th>attempts</th><th>next</th><th></th><th>payload</th></tr></thead>
    <tbody>${rows.length ? rows : emptyRow(7, page.q ? 'No webhook matches.' : 'No webhooks yet.')}</tbody></table>`,
  );
}

export function journal(page: Page<JournalEntry>): Markup {
  return listCard(
    'Request journal',
    `${P}.journal`,
    page,
    journalTable(P, page, (code) => code === '000000' || code === '0'),
  );
}
