/**
 * The conformance kit's control-route property (`fuzzControlRoutes`), run on the engine's test provider: it holds
 * there, and it fails, naming the request, on a fake that answers a 5xx, leaks a stack trace or changes state when
 * it refuses.
 */
import { describe, expect, test } from 'vitest';
import {
  type ControlTarget,
  checkControlDocument,
  controlRoutes,
  fuzzControlRoutes,
} from '../src/testing.js';
import { createCounter } from './fixtures/counter-provider.js';

const BODY_LIMIT = 2_048;
const fake = () => createCounter({ maxControlBodyBytes: BODY_LIMIT, seed: 'conformance' });
const run = (emulator: ControlTarget) =>
  fuzzControlRoutes({
    emulator,
    knownIds: ['key-1'],
    fieldNames: ['count', 'label'],
    bodyLimit: BODY_LIMIT,
    numRuns: 150,
  });

/** The counter fake with every control write answered by `answer` instead (after `effect`). */
function broken(
  answer: () => Response,
  effect: (emu: ReturnType<typeof fake>) => void = () => {},
): ControlTarget {
  const emu = fake();
  return {
    accounts: () => emu.accounts(),
    request: async (path, init) => {
      if (init?.method !== 'POST') return emu.request(path, init);
      effect(emu);
      return answer();
    },
  };
}

describe('fuzzControlRoutes', () => {
  test('holds for the engine’s own control API', async () => {
    await expect(run(fake())).resolves.toBeUndefined();
  });

  test('enumerates the control document’s operations, the account-scoped ones among them', async () => {
    const routes = await controlRoutes(fake());
    expect(routes.length).toBeGreaterThan(20);
    expect(routes).toContainEqual({ method: 'POST', path: '/_sandbox/accounts/{account}/clock/advance' });
    await expect(checkControlDocument(fake(), ['/webhooks/{id}/redeliver'])).resolves.toBeUndefined();
    await expect(checkControlDocument(fake(), ['/no-such-route'])).rejects.toThrow(
      'no control route ending /no-such-route',
    );
  });

  test.each([
    ['a 5xx', () => broken(() => new Response('{}', { status: 502 })), /a 5xx answer to POST \/_sandbox/],
    [
      'a stack trace',
      () => broken(() => new Response('Error: boom\n    at handler (/src/x.ts:1:2)', { status: 400 })),
      /a stack trace in the answer to POST/,
    ],
    [
      'a state change on a refusal',
      () =>
        broken(
          () => new Response('{}', { status: 400 }),
          (emu) => {
            emu.defaultAccount.state.count++;
          },
        ),
      /a refused request changed state: POST/,
    ],
  ])('fails on a fake that answers with %s, naming the request', async (_what, target, message) => {
    await expect(run(target())).rejects.toThrow(message);
  });
});
