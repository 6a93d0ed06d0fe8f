/**
 * @module
 * The iRoamly panel's sections: account summary, redeem codes with their status, orders, the email outbox with
 * the QR images, and the request journal.
 */
import type { JournalEntry } from '@esim-sandbox/emulator';
import type { Order, RedeemCodeRecord, RenderedMessage } from '@esim-sandbox/iroamly-mock';
import { credits, formatTime } from '../../format.js';
import type { IroamlyView } from '../../views/iroamly.js';
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
} from './common.js';

const P = 'iroamly' as const;

/** Redeem code status numbers (spec) as words. */
export const CODE_STATUS: Record<number, string> = {
  0: 'not redeemed',
  1: 'redeeming',
  2: 'redeemed',
  3: 'failed',
};

export function summary(view: IroamlyView): Markup {
  const { info } = view;
  return html`<div class="summary">
    <div class="stat"><span class="label">account (AuthKey)</span><strong class="mono" data-testid="iroamly-account">${info.id}</strong>${
      info.default ? html` <span class="badge neutral">default</span>` : ''
    }</div>
    <div class="stat"><span class="label">balance</span><strong class="money" data-testid="iroamly-balance">${credits(view.balance)}</strong></div>
    <div class="stat"><span class="label">codes / orders / mails</span><strong>${view.codes.length} / ${view.orders.length} / ${view.outbox.length}</strong></div>
    <div class="stat actions">${actionButton(
      'Fail next redemption',
      controlUrl(P, info.id, '/redemptions/fail-next'),
      {
        body: { count: 1 },
        title: 'the next accepted redeemQRcode ends in status 3 (failed) with a failure mail',
      },
    )}${actionButton('Reset account', controlUrl(P, info.id, '/reset'), {
      kind: 'danger',
      confirm: `Reset ${info.id}? Its orders, codes and outbox are erased.`,
    })}</div>
  </div>
  ${clockBar(P, info)}
  ${faultList(P, info.id, view.faults)}`;
}

export function codes(page: Page<RedeemCodeRecord>): Markup {
  const rows = page.items.map((c) => {
    const status = CODE_STATUS[c.status] ?? String(c.status);
    return html`<tr class="code-row" data-status="${status}"><td class="mono">${c.redeemCode}</td><td class="mono small">${c.productCode}</td>
      <td>${badge(status)}${c.failureReason ? html` <span class="small muted">${c.failureReason}</span>` : ''}</td>
      <td class="small">${c.email ?? ''}</td><td class="small nowrap">${c.expire_at}</td><td class="mono small">${c.orderId}</td></tr>`;
  });
  const none = page.q ? 'No code matches.' : 'No codes yet: purchase some with the client or run a scenario.';
  return listCard(
    'Redeem codes',
    `${P}.codes`,
    page,
    html`<table class="grid"><thead><tr><th>redeem code</th><th>product</th><th>status</th><th>emailed to</th><th>redeem by</th><th>order</th></tr></thead>
    <tbody>${rows.length ? rows : emptyRow(6, none)}</tbody></table>`,
  );
}

export function orders(page: Page<Order>): Markup {
  const rows = page.items.map(
    (o) => html`<tr><td class="mono">${o.orderId}</td><td class="small">${o.email}</td>
      <td class="small">${o.lines.map((l) => `${l.quantity} × ${l.productCode}`).join(', ')}</td>
      <td class="num">${credits(o.total)}</td><td class="small nowrap">${formatTime(o.createdAt)}</td></tr>`,
  );
  return listCard(
    'Orders',
    `${P}.orders`,
    page,
    html`<table class="grid"><thead><tr><th>orderId</th><th>email</th><th>products</th><th>total</th><th>created</th></tr></thead>
    <tbody>${rows.length ? rows : emptyRow(5, page.q ? 'No order matches.' : 'No orders yet.')}</tbody></table>`,
  );
}

/** QR links point at the fake; the dashboard serves them through its own proxy so they load from one origin. */
function proxied(url: string): string {
  const { pathname } = new URL(url);
  return `/api/${P}/public${pathname}`;
}

function message(m: RenderedMessage): Markup {
  return html`<article class="mail" data-kind="${m.kind}">
    <header><strong>${m.subject}</strong><span class="small muted">to ${m.to} · ${m.createdAt.replace('T', ' ').replace(/\.\d+Z$/, '')}</span></header>
    <ul class="mail-codes">${m.codes.map(
      (c) =>
        html`<li><div><span class="mono">${c.redeemCode}</span> <span class="small">${c.plan}</span>${
          c.lpa ? html`<br><span class="mono small muted">${c.lpa}</span>` : ''
        }</div>${c.qrcode ? html`<img class="qr" src="${proxied(c.qrcode)}" alt="QR code for ${c.redeemCode}" width="132" height="132">` : ''}</li>`,
    )}</ul>
  </article>`;
}

export function outbox(view: IroamlyView): Markup {
  return card(
    'Email outbox',
    view.outbox.length
      ? html`<div class="mails">${view.outbox.slice(0, 30).map(message)}</div>`
      : html`<p class="muted empty">No mails yet.</p>`,
    view.outbox.length,
  );
}

export function journal(page: Page<JournalEntry>): Markup {
  return listCard(
    'Request journal',
    `${P}.journal`,
    page,
    journalTable(P, page, (code) => code === '1'),
  );
}
