/**
 * @module
 * The engine's one way to answer a provider request, so the journal gets the text of each answer without reading
 * it back. `answer` / `answerText` build the response through Hono's public `c.body` and note what they sent in a
 * context variable; the pipeline takes the text from there when the response it sends is that one. Any other
 * response (a route that calls `c.json` itself, a binary image) is read once and sent as a rebuilt copy (cheaper
 * than `clone()`, whose tee doubles the streams). Reading and rebuilding every answer cost more than a small
 * request's whole handling.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The context variable holding the last answer built through {@link answer} / {@link answerText}. */
const ANSWERED = 'esimSandbox.answered';

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
  const res = c.body(text, status, headers);
  c.set(ANSWERED, new Answered(res, text));
  return res;
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
