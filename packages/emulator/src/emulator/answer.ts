/**
 * @module
 * The text of each answer, for the journal, without reading the answer twice. Provider routes (and the renderers for
 * auth failures, faults and throttling) answer through `c.json` or `c.body` almost always: on provider requests the
 * pipeline gives the context a `c.json` and a `c.body` that build the same responses as Hono's and note the text.
 * Any other response is read once and sent as a rebuilt copy (cheaper than `clone()`, whose tee doubles the
 * streams). Reading and rebuilding every answer cost more than a small request's whole handling.
 *
 * The replacements are two shared functions that find their request through `this` (the context, as in
 * `c.json(...)`), not closures made per request: a closure per request stayed reachable from V8's call-site
 * feedback long enough for minor garbage collections to copy each request's whole object graph to the old
 * generation (a fifth of everything allocated, against 2 % without).
 */
import type { Context } from 'hono';
import { EmulatorError } from '../errors.js';

/** `c.body` / `c.json` without Hono's typed-response overloads. */
type Respond = (
  data: string | null,
  arg?: number | ResponseInit,
  headers?: Record<string, string | string[]>,
) => Response;

const ANSWER = Symbol('esim-sandbox.answer');

/** Hono's own `c.body` of one request, and the last response built through it with string data. */
class Answer {
  readonly body: Respond;
  res: Response | undefined;
  text = '';

  constructor(body: Respond) {
    this.body = body;
  }
}

type Answering = Context & { [ANSWER]?: Answer };

function answerOf(c: Answering | undefined): Answer {
  const answer = c?.[ANSWER];
  if (!answer) {
    throw new EmulatorError(
      'INVALID_ARGUMENT',
      'on provider requests call c.json() and c.body() as methods of the context (c.json(value), not json(value))',
    );
  }
  return answer;
}

function body(
  this: Answering | undefined,
  data: string | null,
  arg?: number | ResponseInit,
  headers?: Record<string, string | string[]>,
): Response {
  const answer = answerOf(this);
  const res = answer.body(data, arg, headers);
  if (typeof data === 'string') {
    answer.res = res;
    answer.text = data;
  }
  return res;
}

/** Exactly Hono's c.json: JSON.stringify, then c.body with the JSON content type before the caller's headers. */
function json(
  this: Answering | undefined,
  value: unknown,
  arg?: number | ResponseInit,
  headers?: Record<string, string | string[]>,
): Response {
  const answer = answerOf(this);
  const text = JSON.stringify(value) as string | undefined;
  const res = answer.body(text ?? null, arg, { 'Content-Type': 'application/json', ...headers });
  answer.res = res;
  answer.text = text ?? '';
  return res;
}

/** From here on, `c.json` and `c.body` note the text of what they build. */
export function noteAnswers(c: Context): void {
  (c as Answering)[ANSWER] = new Answer(c.body as unknown as Respond);
  c.body = body as unknown as Context['body'];
  c.json = json as unknown as Context['json'];
}

/** The text of `res` when this request's c.json or c.body built it. */
export function notedText(c: Context, res: Response): string | undefined {
  const answer = (c as Answering)[ANSWER];
  return answer && res === answer.res ? answer.text : undefined;
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
