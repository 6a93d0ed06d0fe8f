/**
 * Test helpers: read a server-sent event stream until a condition holds.
 */

export interface SseEvent {
  event: string;
  data: string;
}

/** Reads `url` as an event stream until `done(events)` is true, then closes it. */
export async function readEvents(url: string, done: (events: SseEvent[]) => boolean): Promise<SseEvent[]> {
  const stop = new AbortController();
  const res = await fetch(url, { signal: stop.signal });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: SseEvent[] = [];
  let buffer = '';
  try {
    while (!done(events)) {
      const { value, done: ended } = await reader.read();
      if (ended) break;
      buffer += value;
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const field = (name: string) =>
          block
            .split('\n')
            .filter((l) => l.startsWith(`${name}:`))
            .map((l) => l.slice(name.length + 1).trimStart())
            .join('\n');
        events.push({ event: field('event'), data: field('data') });
        end = buffer.indexOf('\n\n');
      }
    }
  } finally {
    stop.abort();
  }
  return events;
}

export function sections(events: SseEvent[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of events) {
    if (e.event !== 'section') continue;
    const { id, html } = JSON.parse(e.data) as { id: string; html: string };
    out.set(id, html);
  }
  return out;
}

export function metas(events: SseEvent[]): { provider: string; account: string | null }[] {
  return events.filter((e) => e.event === 'meta').map((e) => JSON.parse(e.data));
}
