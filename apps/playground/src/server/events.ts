/**
 * @module
 * The dashboard's event stream (SSE): renders the sections for the viewer's accounts, sends those that changed,
 * then sleeps until something changes (in-process fakes) or the next poll (external fakes, the real clock).
 */
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { listNames } from '../views/lists.js';
import { parsePageQuery } from '../views/paging.js';
import type { ProviderName } from '../views/sources.js';
import type { ChangeFeed } from './changes.js';
import type { ListQueries, SectionRenderer } from './sections.js';

const PROVIDERS: ProviderName[] = ['esimaccess', 'iroamly'];

export interface EventDeps {
  render: SectionRenderer;
  changes: ChangeFeed;
  /** Longest wait between two renders. */
  pollMs: number;
}

/** Changes come in bursts (a request, then its webhook): wait this long after a wake-up before rendering. */
const SETTLE_MS = 40;

export function streamEvents(c: Context, deps: EventDeps): Response {
  const wanted = Object.fromEntries(PROVIDERS.map((p) => [p, c.req.query(p) || undefined])) as Record<
    ProviderName,
    string | undefined
  >;
  const queries = Object.fromEntries(PROVIDERS.map((p) => [p, listQueries(c, p)])) as Record<
    ProviderName,
    ListQueries
  >;
  return streamSSE(c, async (stream) => {
    const stop = new AbortController();
    stream.onAbort(() => stop.abort());
    const sent = new Map<string, string>();
    while (!stop.signal.aborted) {
      for (const provider of PROVIDERS) {
        const { sections, account } = await deps.render(provider, wanted[provider], queries[provider]);
        const meta = JSON.stringify({ provider, account: account ?? null });
        if (sent.get(`${provider}:meta`) !== meta) {
          await stream.writeSSE({ event: 'meta', data: meta });
          sent.set(`${provider}:meta`, meta);
        }
        for (const [id, markup] of sections) {
          if (sent.get(id) === markup) continue;
          await stream.writeSSE({ event: 'section', data: JSON.stringify({ id, html: markup }) });
          sent.set(id, markup);
        }
      }
      await deps.changes.wait(deps.pollMs, stop.signal);
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    }
  });
}

/**
 * `esimaccess.profiles.q=…&esimaccess.profiles.page=3`: where each list of the stream is. A query the page never
 * sends (hand-edited) shows that list's first page rather than ending the stream.
 */
function listQueries(c: Context, provider: ProviderName): ListQueries {
  const queries: ListQueries = {};
  for (const list of listNames(provider)) {
    try {
      queries[list] = parsePageQuery((name) => c.req.query(name), `${provider}.${list}.`);
    } catch {
      // the list's defaults
    }
  }
  return queries;
}
