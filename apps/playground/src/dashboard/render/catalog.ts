/**
 * @module
 * The catalogue card: collapsed by default (it is long), the first rows when opened.
 */
import type { CatalogRow } from '../../views/catalog.js';
import { html, type Markup } from '../html.js';

const MAX_ROWS = 400;

export function catalog(id: string, rows: CatalogRow[] | Error): Markup {
  if (rows instanceof Error) {
    return html`<section class="card"><header><h3>Catalogue</h3></header><p class="muted">Not available: ${rows.message}</p></section>`;
  }
  return html`<details class="card catalog" id="${id}-details"><summary><h3>Catalogue <span class="count">${rows.length}</span></h3>
    <span class="muted small">${rows.length > MAX_ROWS ? `first ${MAX_ROWS} shown` : 'click to open'}</span></summary>
    <table class="grid"><thead><tr><th>code</th><th>name</th><th>area</th><th>data</th><th>validity</th><th>price</th></tr></thead>
    <tbody>${rows
      .slice(0, MAX_ROWS)
      .map(
        (r) =>
          html`<tr><td class="mono">${r.code}</td><td>${r.name}</td><td class="small">${r.area}</td><td class="num">${r.data}</td><td>${r.validity}</td><td class="num">${r.price}</td></tr>`,
      )}</tbody></table></details>`;
}
