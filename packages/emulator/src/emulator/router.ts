/**
 * @module
 * The root app's router: Hono's default (a SmartRouter that settles on the RegExpRouter) for each of two parts, the
 * control API under a prefix and everything else, each built on its first request. The RegExpRouter compiles every
 * route into one expression on the first match, which was the largest cost of a fake's first answered request: 55
 * of eSIM Access's 75 routes are `/_sandbox` routes that a provider request never matches, so a suite that makes
 * its fake's first call to the provider API no longer compiles them, and the control API's part is compiled on its
 * own first request. Which handlers a request runs, and in what order, are those of a single router: a route that
 * can match paths of both parts (`/*`, `/:id`) is in both, in registration order.
 */
import type { Result, Router } from 'hono/router';
import { RegExpRouter } from 'hono/router/reg-exp-router';
import { SmartRouter } from 'hono/router/smart-router';
import { TrieRouter } from 'hono/router/trie-router';

/** Hono's default router (what `new Hono()` builds). */
function defaultRouter<T>(): Router<T> {
  return new SmartRouter<T>({ routers: [new RegExpRouter(), new TrieRouter()] });
}

/** The first segment of a route path when it is plain text (no parameter, wildcard or pattern). */
function staticFirstSegment(path: string): string | undefined {
  if (!path.startsWith('/')) return undefined;
  const end = path.indexOf('/', 1);
  const segment = end < 0 ? path.slice(1) : path.slice(1, end);
  return /^[^:*{}?()[\]]*$/.test(segment) ? segment : undefined;
}

/**
 * @param segment the first path segment of the split-off part, e.g. `_sandbox`: requests to `/_sandbox` and
 * `/_sandbox/...` are matched by that part's router, every other request by the other's.
 */
export class SplitRouter<T> implements Router<T> {
  name = 'SplitRouter';
  readonly #segment: string;
  readonly #inside = defaultRouter<T>();
  readonly #outside = defaultRouter<T>();

  constructor(segment: string) {
    this.#segment = segment;
  }

  add(method: string, path: string, handler: T): void {
    const first = staticFirstSegment(path);
    if (first === undefined || first === this.#segment) this.#inside.add(method, path, handler);
    if (first !== this.#segment) this.#outside.add(method, path, handler);
  }

  match(method: string, path: string): Result<T> {
    const inside =
      path.startsWith(this.#segment, 1) &&
      (path.length === this.#segment.length + 1 || path[this.#segment.length + 1] === '/');
    return (inside ? this.#inside : this.#outside).match(method, path);
  }
}
