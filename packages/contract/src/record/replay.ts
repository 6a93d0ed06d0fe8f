/**
 * Replay: msw handlers that answer a fixture's recorded responses. A request matches a recorded one with the same
 * method, URL (path and query) and body shape (the keys and value types, not the values, which may be redacted or
 * new ids). Among those, an unused entry with the very same body answers first, else the next unused one in recorded
 * order; once all were used, the last repeats (a poll that runs longer than it did when recorded still gets the final
 * answer).
 * @module
 */
import { type HttpHandler, HttpResponse, http } from 'msw';
import type { Json } from '../runner/types.js';
import type { Fixture, FixtureBody, FixtureEntry } from './fixture.js';

export interface ReplayOptions {
  /** Called for a request no recorded entry matches (it is answered HTTP 404 with an explanation). */
  onUnmatched?(request: { method: string; url: string; shape: string }): void;
}

/** `{"count":"number","packageCode":"string"}`: keys sorted, values reduced to their types. */
export function bodyShape(body: Json | undefined): string {
  if (body === undefined) return '';
  if (body === null) return 'null';
  if (Array.isArray(body)) return `[${[...new Set(body.map(bodyShape))].sort().join('|')}]`;
  if (typeof body === 'object') {
    const keys = Object.keys(body).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${bodyShape(body[k])}`).join(',')}}`;
  }
  return typeof body;
}

function jsonOf(body: FixtureBody | undefined): Json | undefined {
  return body && 'json' in body ? body.json : undefined;
}

function requestKey(method: string, url: string, shape: string): string {
  const { origin, pathname, search } = new URL(url);
  return `${method.toUpperCase()} ${origin}${pathname}${search} ${shape}`;
}

function answer(entry: FixtureEntry): Response {
  const { status, headers, body } = entry.response;
  if (!body) return new HttpResponse(null, { status, headers });
  if ('json' in body) return HttpResponse.json(body.json, { status, headers });
  if ('text' in body) return new HttpResponse(body.text, { status, headers });
  return new HttpResponse(Buffer.from(body.base64, 'base64'), { status, headers });
}

async function bodyOf(request: Request): Promise<{ shape: string; canonical: string }> {
  const text = await request.text();
  if (text === '') return { shape: '', canonical: '' };
  try {
    const json = JSON.parse(text) as Json;
    return { shape: bodyShape(json), canonical: JSON.stringify(json) };
  } catch {
    return { shape: 'text', canonical: text };
  }
}

interface Queued {
  entry: FixtureEntry;
  canonical: string;
  used: boolean;
}

function pick(queue: Queued[], canonical: string): FixtureEntry {
  const next = queue.find((q) => !q.used && q.canonical === canonical) ?? queue.find((q) => !q.used);
  if (!next) return queue[queue.length - 1]!.entry;
  next.used = true;
  return next.entry;
}

/**
 * @example
 * const server = setupServer(...replayHandlers(await readFixture('session.fixture.json')));
 * server.listen({ onUnhandledRequest: 'error' });
 */
export function replayHandlers(fixture: Fixture, options: ReplayOptions = {}): HttpHandler[] {
  const queues = new Map<string, Queued[]>();
  for (const entry of fixture.entries) {
    const json = jsonOf(entry.request.body);
    const key = requestKey(entry.request.method, entry.request.url, bodyShape(json));
    const canonical =
      json === undefined
        ? entry.request.body && 'text' in entry.request.body
          ? entry.request.body.text
          : ''
        : JSON.stringify(json);
    queues.set(key, [...(queues.get(key) ?? []), { entry, canonical, used: false }]);
  }
  const origins = [...new Set(fixture.entries.map((e) => new URL(e.request.url).origin))];
  return origins.map((origin) =>
    http.all(`${origin}/*`, async ({ request }) => {
      const { shape, canonical } = await bodyOf(request.clone());
      const key = requestKey(request.method, request.url, shape);
      const queue = queues.get(key);
      if (!queue) {
        options.onUnmatched?.({ method: request.method, url: request.url, shape });
        return HttpResponse.json(
          {
            error: `esim-sandbox replay: nothing recorded for ${request.method} ${request.url} with body ${shape}`,
          },
          { status: 404 },
        );
      }
      return answer(pick(queue, canonical));
    }),
  );
}
