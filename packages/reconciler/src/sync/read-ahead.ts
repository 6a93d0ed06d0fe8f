/**
 * Asking the provider for the next page while the current one is written: the store's work then fits in the
 * rate limiter's waits instead of adding to them. One answer is read ahead, never more, so a sync holds at most
 * two pages whatever the size of the account.
 * @module
 */

/**
 * Starts `ask` at once; the answer is awaited later, or never, when the work done meanwhile failed (its own
 * failure is then nobody's business, so it is marked handled).
 */
export function askAhead<T>(ask: () => Promise<T>): Promise<T> {
  const answer = ask();
  answer.catch(() => {});
  return answer;
}

/**
 * The items of `source`, each asked for while the caller handles the previous one, with our clock just before
 * it was asked for (`askedAt`: a webhook applied after it is newer than the page).
 */
export async function* readAhead<T>(
  source: AsyncIterable<T>,
  now: () => Date,
): AsyncGenerator<{ value: T; askedAt: Date }, void, undefined> {
  const iterator = source[Symbol.asyncIterator]();
  const ask = () => {
    const askedAt = now();
    return askAhead(async () => ({ next: await iterator.next(), askedAt }));
  };
  let pending = ask();
  for (;;) {
    const { next, askedAt } = await pending;
    if (next.done) return;
    pending = ask();
    yield { value: next.value, askedAt };
  }
}
