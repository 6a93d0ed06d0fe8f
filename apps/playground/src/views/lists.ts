/**
 * @module
 * The dashboard's searchable, paged lists: one row per list with where its rows come from in the account view and
 * what the search looks in. The JSON endpoint and the live sections both page through this table.
 */
import type { JournalEntry } from '@esim-sandbox/emulator';
import { PlaygroundError } from '../errors.js';
import { type EsimAccessView, loadEsimAccessView } from './esimaccess.js';
import { type IroamlyView, loadIroamlyView } from './iroamly.js';
import { type Page, type PageQuery, pageOf } from './paging.js';
import type { ProviderName, ProviderSource } from './sources.js';

interface ListDef<V, T> {
  rows(view: V): readonly T[];
  text(row: T): string;
}

const list = <V, T>(def: ListDef<V, T>): ListDef<V, unknown> => def as ListDef<V, unknown>;

const journal = <V extends { journal: JournalEntry[] }>() =>
  list<V, JournalEntry>({
    rows: (v) => v.journal,
    text: (e) => `${e.id} ${e.method} ${e.path} ${e.status} ${e.providerCode ?? ''}`,
  });

export const LISTS = {
  esimaccess: {
    profiles: list<EsimAccessView, EsimAccessView['profiles'][number]>({
      rows: (v) => v.profiles,
      text: (p) =>
        `${p.esimTranNo} ${p.iccid} ${p.basePackageCode} ${p.packages.map((x) => x.packageName).join(' ')} ${p.esimStatus} ${p.smdpStatus}`,
    }),
    orders: list<EsimAccessView, EsimAccessView['orders'][number]>({
      rows: (v) => v.orders,
      text: (o) =>
        `${o.orderNo} ${o.transactionId} ${o.status} ${o.items.map((i) => i.packageCode).join(' ')}`,
    }),
    deliveries: list<EsimAccessView, EsimAccessView['deliveries'][number]>({
      rows: (v) => v.deliveries,
      text: (d) => `${d.id} ${d.type} ${d.state}`,
    }),
    journal: journal<EsimAccessView>(),
  },
  iroamly: {
    codes: list<IroamlyView, IroamlyView['codes'][number]>({
      rows: (v) => v.codes,
      text: (c) => `${c.redeemCode} ${c.productCode} ${c.orderId} ${c.email ?? ''}`,
    }),
    orders: list<IroamlyView, IroamlyView['orders'][number]>({
      rows: (v) => v.orders,
      text: (o) => `${o.orderId} ${o.email} ${o.lines.map((l) => l.productCode).join(' ')}`,
    }),
    journal: journal<IroamlyView>(),
  },
} satisfies {
  esimaccess: Record<string, ListDef<EsimAccessView, unknown>>;
  iroamly: Record<string, ListDef<IroamlyView, unknown>>;
};

export type ListName<P extends ProviderName> = keyof (typeof LISTS)[P] & string;

export function listNames(provider: ProviderName): string[] {
  return Object.keys(LISTS[provider]);
}

/** One page of a list of a view already loaded. */
export function pageList<P extends ProviderName>(
  provider: P,
  view: P extends 'esimaccess' ? EsimAccessView : IroamlyView,
  name: ListName<P>,
  query: PageQuery,
): Page<unknown> {
  const def = (LISTS[provider] as Record<string, ListDef<typeof view, unknown>>)[name]!;
  return pageOf(def.rows(view), query, def.text);
}

/** Loads the account's view and answers one page of one of its lists (the JSON endpoint). */
export async function loadListPage(
  source: ProviderSource,
  provider: ProviderName,
  account: string,
  name: string,
  query: PageQuery,
): Promise<Page<unknown>> {
  if (!listNames(provider).includes(name)) {
    throw new PlaygroundError(
      'INVALID_ARGUMENT',
      `list: ${provider} has no list ${JSON.stringify(name)} (one of ${listNames(provider).join(', ')})`,
      { field: 'list' },
    );
  }
  if (provider === 'esimaccess') {
    return pageList(
      'esimaccess',
      await loadEsimAccessView(source, account),
      name as ListName<'esimaccess'>,
      query,
    );
  }
  return pageList('iroamly', await loadIroamlyView(source, account), name as ListName<'iroamly'>, query);
}
