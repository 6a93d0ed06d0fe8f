/**
 * @module
 * The page shell, rendered once: connection details, and per provider an account picker, the trigger and fault
 * forms and empty containers that the event stream fills (`data-live`).
 */
import { PROVIDER_LABELS, type ProviderName } from '../views/sources.js';
import { FAULT_MENUS } from './faults.js';
import { html, type Markup } from './html.js';
import { triggerForm } from './trigger.js';

export interface ConnectionRow {
  provider: ProviderName;
  baseUrl: string;
  credentials: { keyName: string; key: string; secretName: string; secret: string } | undefined;
}

export interface PageInfo {
  connections: ConnectionRow[];
  sinkUrl: string;
}

/** How to run a scenario against this dashboard from another terminal (from the repository root). */
export function scenarioCommand(dashboardUrl: string): string {
  return `PLAYGROUND_URL=${dashboardUrl} npx --yes pnpm@10.34.8 --filter @esim-sandbox/playground scenario <name>`;
}

const SECTIONS: Record<ProviderName, string[]> = {
  esimaccess: ['profiles', 'webhooks', 'orders', 'journal', 'catalog'],
  iroamly: ['codes', 'outbox', 'orders', 'journal', 'catalog'],
};

function faultForm(provider: ProviderName): Markup {
  const menu = FAULT_MENUS[provider];
  return html`<form class="fault-form" data-provider="${provider}">
    <span class="label">inject a fault</span>
    <select name="path" aria-label="endpoint">${menu.paths.map((p) => html`<option>${p}</option>`)}</select>
    <select name="action" aria-label="fault">${menu.actions.map(
      (a) => html`<option value="${JSON.stringify(a.action)}">${a.label}</option>`,
    )}</select>
    <label>next <input name="times" type="number" min="1" value="1" aria-label="times"> request(s)</label>
    <button type="submit" class="btn primary">Inject</button>
  </form>`;
}

function panel(provider: ProviderName): Markup {
  return html`<section class="provider" id="${provider}">
    <header class="provider-head">
      <h2>${PROVIDER_LABELS[provider]}</h2>
      <label class="picker">account <select id="${provider}-accounts" data-provider="${provider}" data-live><option value="">newest</option></select></label>
    </header>
    <div id="${provider}-summary" data-live><p class="muted">Connecting…</p></div>
    <div class="panel-actions" id="${provider}-actions">
      <button type="button" class="btn plain" data-create-account="${provider}" data-testid="${provider}-create-account">New account</button>
      ${triggerForm(provider)}
    </div>
    <div class="created" id="${provider}-created" hidden></div>
    <div class="trigger-result" id="${provider}-trigger-result" data-testid="${provider}-trigger-result" hidden></div>
    ${faultForm(provider)}
    <div class="sections">${SECTIONS[provider].map((s) => html`<div id="${provider}-${s}" class="${s}" data-live></div>`)}</div>
  </section>`;
}

function connections(info: PageInfo): Markup {
  return html`<table class="grid connections"><thead><tr><th>provider</th><th>base URL</th><th>demo credentials</th></tr></thead><tbody>
    ${info.connections.map(
      (c) =>
        html`<tr><td>${PROVIDER_LABELS[c.provider]}</td><td class="mono">${c.baseUrl}</td><td class="mono small">${
          c.credentials
            ? html`${c.credentials.keyName} <b>${c.credentials.key}</b> · ${c.credentials.secretName} <b>${c.credentials.secret}</b>`
            : 'those of the external fake'
        }</td></tr>`,
    )}
    <tr><td>webhook sink</td><td class="mono">${info.sinkUrl}/webhooks/&lt;account&gt;</td><td class="small muted">eSIM Access accounts deliver here</td></tr>
  </tbody></table>`;
}

export function renderPage(info: PageInfo, dashboardUrl: string): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>esim-sandbox playground</title><link rel="stylesheet" href="/assets/app.css"></head>
<body>
<header class="top">
  <h1>esim-sandbox <span>playground</span></h1>
  <nav><a href="#esimaccess">eSIM Access</a><a href="#iroamly">iRoamly</a></nav>
  <span id="live" class="live-dot" data-testid="live">connecting</span>
</header>
<main>
  <details class="card intro" open><summary><h3>Connect your code</h3></summary>
    ${connections(info)}
    <p class="small">Run a scenario from another terminal and watch it here: <code>${scenarioCommand(dashboardUrl)}</code></p>
  </details>
  ${panel('esimaccess')}
  ${panel('iroamly')}
</main>
<div id="toast" role="status" aria-live="polite"></div>
<script src="/assets/app.js" defer></script>
</body></html>`.value;
}
