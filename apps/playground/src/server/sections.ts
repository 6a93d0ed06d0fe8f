/**
 * @module
 * Renders every live section of the dashboard for the accounts a viewer picked: `[element id, html]` pairs the
 * event stream sends when they change. Rendering reads only the control API, so it works the same for
 * in-process and external fakes.
 */

import { html } from '../dashboard/html.js';
import { catalog as catalogCard } from '../dashboard/render/catalog.js';
import type { SinkInfo } from '../dashboard/render/esimaccess.js';
import * as ea from '../dashboard/render/esimaccess.js';
import * as ir from '../dashboard/render/iroamly.js';
import type { WebhookSink } from '../sink/sink.js';
import type { CatalogLoader } from '../views/catalog.js';
import { type AccountRef, listAccounts, pickAccount } from '../views/common.js';
import { loadEsimAccessView } from '../views/esimaccess.js';
import { loadIroamlyView } from '../views/iroamly.js';
import { pageList } from '../views/lists.js';
import { DEFAULT_PAGE_QUERY, type Page, type PageQuery } from '../views/paging.js';
import type { ProviderName, ProviderSource } from '../views/sources.js';

export interface SectionDeps {
  sources: Record<ProviderName, ProviderSource>;
  catalogs: Record<ProviderName, CatalogLoader>;
  sink: Pick<WebhookSink, 'url' | 'status' | 'received'>;
}

export interface ProviderRender {
  sections: [id: string, html: string][];
  /** The account shown, when there is one. */
  account: string | undefined;
}

/** The search and page each list is shown at, by list name (`profiles`); missing ones show page 1 unsearched. */
export type ListQueries = Record<string, PageQuery>;

export type SectionRenderer = (
  provider: ProviderName,
  wanted: string | undefined,
  queries?: ListQueries,
) => Promise<ProviderRender>;

function pickerOptions(accounts: AccountRef[], wanted: string | undefined): string {
  return html`<option value="" ${wanted ? '' : 'selected'}>newest (follows new accounts)</option>${accounts.map(
    (a) =>
      html`<option value="${a.id}" ${a.id === wanted ? 'selected' : ''}>${a.id}${a.default ? ' (default)' : ''}</option>`,
  )}`.value;
}

function sinkInfo(sink: SectionDeps['sink'], webhookUrl: string | null): SinkInfo | undefined {
  const prefix = `${sink.url}/webhooks/`;
  if (!webhookUrl?.startsWith(prefix)) return undefined;
  const account = decodeURIComponent(webhookUrl.slice(prefix.length));
  return { status: sink.status(account), received: sink.received(account).length };
}

export function createSectionRenderer(deps: SectionDeps): SectionRenderer {
  const catalogHtml = new Map<ProviderName, Promise<string>>();
  const catalogSection = (provider: ProviderName): Promise<string> => {
    let cached = catalogHtml.get(provider);
    if (!cached) {
      cached = deps.catalogs[provider]().then(
        (rows) => catalogCard(`${provider}-catalog`, rows).value,
        (error: unknown) => {
          catalogHtml.delete(provider);
          return catalogCard(`${provider}-catalog`, error instanceof Error ? error : new Error(String(error)))
            .value;
        },
      );
      catalogHtml.set(provider, cached);
    }
    return cached;
  };

  return async (provider, wanted, queries = {}) => {
    const at = (list: string) => queries[list] ?? DEFAULT_PAGE_QUERY;
    const source = deps.sources[provider];
    const sections: [string, string][] = [];
    try {
      const accounts = await listAccounts(source);
      sections.push([`${provider}-accounts`, pickerOptions(accounts, wanted)]);
      const chosen = pickAccount(accounts, wanted);
      if (!chosen) return { sections, account: undefined };
      if (provider === 'esimaccess') {
        const view = await loadEsimAccessView(source, chosen.id);
        const page = <T>(list: 'profiles' | 'orders' | 'deliveries' | 'journal') =>
          pageList('esimaccess', view, list, at(list)) as Page<T>;
        sections.push(
          ['esimaccess-summary', ea.summary(view, sinkInfo(deps.sink, view.info.webhookUrl)).value],
          ['esimaccess-profiles', ea.profiles(view, page('profiles')).value],
          ['esimaccess-webhooks', ea.deliveries(view, page('deliveries')).value],
          ['esimaccess-orders', ea.orders(view, page('orders')).value],
          ['esimaccess-journal', ea.journal(page('journal')).value],
        );
      } else {
        const view = await loadIroamlyView(source, chosen.id);
        const page = <T>(list: 'codes' | 'orders' | 'journal') =>
          pageList('iroamly', view, list, at(list)) as Page<T>;
        sections.push(
          ['iroamly-summary', ir.summary(view).value],
          ['iroamly-codes', ir.codes(page('codes')).value],
          ['iroamly-outbox', ir.outbox(view).value],
          ['iroamly-orders', ir.orders(page('orders')).value],
          ['iroamly-journal', ir.journal(page('journal')).value],
        );
      }
      sections.push([`${provider}-catalog`, await catalogSection(provider)]);
      return { sections, account: chosen.id };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      sections.push([
        `${provider}-summary`,
        html`<p class="card bad-text">Cannot read ${source.baseUrl}: ${message}</p>`.value,
      ]);
      return { sections, account: undefined };
    }
  };
}
