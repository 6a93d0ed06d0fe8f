/**
 * @module
 * The engine's one way to answer a provider request, so the journal gets the text of each answer without reading
 * it back. `answer` / `answerText` build the response through Hono's public `c.body` and note what they sent in a
 * context variable; the pipeline takes the text from there when the response it sends is that one. Any other
 * response (a route that calls `c.json` itself, a binary image) is read once and sent as a rebuilt copy (cheaper
 * than `clone()`, whose tee doubles the streams). Reading and rebuilding every answer cost more than a small
 * request's whole handling.
 *
 * Over the engine's own server the pipeline (and, through {@link directAnswers}, the control API) writes a noted answer
 * to Node's response itself ({@link writeNoted}):
 * while it allows it ({@link allowDirect}), the helpers build a Response without a body, as the web Response around
 * the text (its stream, in Node 20 a transferable one) and @hono/node-server reading that stream back cost as much as
 * the rest of a small request. The bytes, status and headers on the wire are the same.
 */
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AnswerTarget, ConnectionInfo } from './connection.js';

/** The context variable holding the last answer built through {@link answer} / {@link answerText}. */
const ANSWERED = 'esimSandbox.answered';
/** The context variable saying the pipeline will write noted answers itself. */
const DIRECT = 'esimSandbox.direct';
/** What a string body gets from the Response constructor when no type is given (and so went out before). */
const TEXT_TYPE = 'text/plain;charset=UTF-8';
/**
 * Answers at least this long are encoded once by the pipeline, written as those bytes and kept by the journal as
 * them (off the JS heap: a kept 40 KB string is copied by every young-generation collection until it is promoted).
 * Below it Buffer.from takes a slice of a shared 8 KB pool, which a kept entry would pin.
 */
export const LARGE_ANSWER_CHARS = 4096;

/** What an answer helper sent: the response and its text. A class, so no closure is kept per request. */
class Answered {
  readonly res: Response;
  readonly text: string;

  constructor(res: Response, text: string) {
    this.res = res;
    this.text = text;
  }
}

/** A JSON answer (as Hono's `c.json` builds it), noted for the journal. */
export function answer(
  c: Context,
  status: ContentfulStatusCode,
  body: unknown,
  headers?: Record<string, string>,
): Response {
  const text = JSON.stringify(body) as string | undefined;
  return answerText(c, status, text ?? '', { 'Content-Type': 'application/json', ...headers });
}

/** An answer whose text is already built (e.g. JSON serialised once and reused), noted for the journal. */
export function answerText(
  c: Context,
  status: ContentfulStatusCode,
  text: string,
  headers?: Record<string, string>,
): Response {
  // From JavaScript a status without a body can still come: it keeps the constructor's own refusal of a body.
  const code: number = status;
  const direct = c.get(DIRECT) === true && code !== 204 && code !== 205 && code !== 304;
  const res = direct ? c.body(null, status, headers) : c.body(text, status, headers);
  c.set(ANSWERED, new Answered(res, text));
  return res;
}

/**
 * While `on`, answers built with the helpers on `c` carry no body: the caller must write each one it sends with
 * {@link writeNoted}. The app's error handler turns it off: after a throw the pipeline may not get to write.
 */
export function allowDirect(c: Context, on: boolean): void {
  c.set(DIRECT, on);
}

/**
 * Node's response when this request's answers may be written to it directly, having allowed that on `c`
 * ({@link allowDirect}); undefined (nothing allowed) in process, through msw, and for HEAD, which Hono answers itself.
 */
export function directTarget(c: Context): AnswerTarget | undefined {
  const outgoing = c.req.method === 'HEAD' ? undefined : (c.env as ConnectionInfo | undefined)?.outgoing;
  if (outgoing) allowDirect(c, true);
  return outgoing;
}

/**
 * Writes a noted answer to Node's response as @hono/node-server writes a Response: lowercase headers, cookies as a
 * list, the constructor's text type when none was given, and the byte length when no length was. `bytes`, when
 * given, is `text` encoded (see {@link LARGE_ANSWER_CHARS}).
 */
export function writeNoted(out: AnswerTarget, res: Response, text: string, bytes?: Buffer): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of res.headers) {
    if (name !== 'set-cookie') headers[name] = value;
  }
  const cookies = res.headers.getSetCookie();
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  headers['content-type'] ??= TEXT_TYPE;
  headers['content-length'] ??= String(bytes ? bytes.length : Buffer.byteLength(text));
  out.writeHead(res.status, headers);
  out.end(bytes ?? text);
}

/** The text of `res` when this request's answer helpers built it. */
export function notedText(c: Context, res: Response): string | undefined {
  const answered: unknown = c.get(ANSWERED);
  return answered instanceof Answered && answered.res === res ? answered.text : undefined;
}

/** The answer's text ('' when it has no body; `[type]` for a binary one) and the response to send in its place. */
export async function readAndRebuild(res: Response): Promise<{ text: string; res: Response }> {
  const type = res.headers.get('content-type') ?? '';
  if (res.body === null) return { text: '', res };
  if (type && !/json|text|xml|html|form/.test(type)) return { text: `[${type}]`, res };
  try {
    const text = await res.text();
    return {
      text,
      res: new Response(text, { status: res.status, statusText: res.statusText, headers: res.headers }),
    };
  } catch {
    return {
      text: '',
      res: new Response(null, { status: res.status, statusText: res.statusText, headers: res.headers }),
    };
  }
}

/**
 * For routes outside the provider pipeline (the control API): over the engine's own server, the answer a route built
 * with {@link answer} is written to Node's response once everything inside this middleware has run (a save included),
 * as the pipeline does for provider answers. Any other answer (`c.json`, a refusal, an error) goes out as Hono sends
 * it. Registered first, so an answer is never out before the work behind it is done.
 */
export function directAnswers(): MiddlewareHandler {
  return async (c, next) => {
    const outgoing = directTarget(c);
    if (!outgoing) return next();
    await next();
    const res = c.res;
    const text = notedText(c, res);
    if (text === undefined || res.body !== null) return;
    writeNoted(outgoing, res, text);
    c.res = RESPONSE_ALREADY_SENT;
  };
}
