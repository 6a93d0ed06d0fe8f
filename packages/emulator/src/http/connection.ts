/**
 * @module
 * Who is calling: the server hands the socket's address to the app as its env; in-process and msw requests are
 * local by nature.
 */
import type { Readable } from 'node:stream';
import type { Context } from 'hono';

export interface ConnectionInfo {
  remoteAddress?: string | undefined;
  /**
   * The Node request (HTTP mode): the pipeline reads the body and headers from it directly, which costs a fraction
   * of reading them through the web Request (its web streams, its Headers) built around it.
   */
  incoming?:
    | (Readable & {
        /** Every value of each header (none dropped, unlike `headers`), lowercase names. */
        readonly headersDistinct?: NodeJS.Dict<string[]>;
        readonly rawHeaders?: readonly string[];
        /** The body once the pipeline has read it: @hono/node-server builds the web Request's body from it. */
        rawBody?: Buffer;
      })
    | undefined;
  /**
   * Node's response, handed over only by the engine's own server (`startServer({ emulator })`), which then owns the
   * whole exchange: the provider pipeline writes answers whose text it knows straight to it (see `answer.ts`).
   * @internal
   */
  outgoing?: AnswerTarget | undefined;
}

/** What the pipeline writes a known answer with: Node's `ServerResponse` (HTTP/1). */
export interface AnswerTarget {
  writeHead(status: number, headers: Record<string, string | string[]>): unknown;
  end(body: string | Uint8Array): unknown;
}

/** The caller's IP address: the socket's in HTTP mode, loopback in-process. IPv4-mapped IPv6 is unwrapped. */
export function clientAddress(c: Context): string {
  const address = (c.env as ConnectionInfo | undefined)?.remoteAddress;
  if (!address) return '127.0.0.1';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

/**
 * A request's headers by name, case-insensitive, as `c.req.header(name)` answers them (repeated headers joined by
 * ', ', cookies by '; '). In HTTP mode from Node's parsed headers: the web Headers @hono/node-server builds on first
 * access cost more than a small request's checks. A class rather than a closure per request (see `answer.ts`).
 */
export class RequestHeaders {
  readonly #c: Context;
  readonly #node: NodeJS.Dict<string[]> | undefined;

  constructor(c: Context) {
    this.#c = c;
    this.#node = (c.env as ConnectionInfo | undefined)?.incoming?.headersDistinct;
  }

  get(name: string): string | undefined {
    if (!this.#node) return this.#c.req.header(name);
    const lower = name.toLowerCase();
    return this.#node[lower]?.join(lower === 'cookie' ? '; ' : ', ');
  }
}

/**
 * The request's headers as the journal keeps them until an entry is read: the Request's Headers, or in HTTP mode
 * Node's raw header list joined by '\n' (which no header can contain), one string instead of a web Headers object
 * or an array of 2n strings.
 */
export function journalHeaders(c: Context): Headers | string {
  const raw = (c.env as ConnectionInfo | undefined)?.incoming?.rawHeaders;
  return raw ? raw.join('\n') : c.req.raw.headers;
}

/** Web Headers from {@link journalHeaders}, built as @hono/node-server builds them (HTTP/2 pseudo-headers left out). */
export function headersFromJournal(kept: Headers | string): Headers {
  if (typeof kept !== 'string') return kept;
  const raw = kept.split('\n');
  const headers = new Headers();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!;
    if (name.charCodeAt(0) !== 58) headers.append(name, raw[i + 1]!);
  }
  return headers;
}
