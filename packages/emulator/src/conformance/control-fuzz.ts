/**
 * @module
 * Property suite over a fake's whole control API (`/_sandbox/...`, the engine's routes and the provider's own,
 * enumerated from the served control document so none is forgotten): JavaScript built-in names as ids, bodies up to
 * and past the control body limit; no answer is a 5xx or carries a stack trace, and a refused request changes nothing.
 * fast-check (an optional peer dependency) is loaded when the suite runs.
 */
import assert from 'node:assert/strict';
import type { Emulator } from '../types/emulator.js';

/** Ids and keys that reach `Object.prototype` when code indexes a plain object with them. */
export const BUILT_IN_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
];

/** A stack frame, a Node internal or an `Error:` line: what an answer must never carry. */
export const STACK_TRACE = /\bat .+:\d+:\d+|node:internal|\.ts:\d+|\bError: .+\n/;

/** Body fields of the engine's own control routes (faults, clock, rate limit, webhooks, accounts). */
const ENGINE_FIELDS = ['ms', 'to', 'mode', 'url', 'limit', 'windowMs', 'key', 'secret', 'path', 'action'];
/** Query parameters of the engine's listing routes. */
const ENGINE_QUERY = ['limit', 'since', 'status', 'method', 'path', 'state', 'type'];
/** Ids of the engine's own objects and path tricks. */
const ENGINE_IDS = ['whd_1', 'fault_1', 'task_1', '0', '-1', '%00', '..'];

export interface ControlRoute {
  method: string;
  /** As in the document, e.g. `/_sandbox/accounts/{account}/reset`. */
  path: string;
}

export type ControlTarget = Pick<Emulator<unknown, unknown>, 'request' | 'accounts'>;

/** Every operation of the fake's served control document (`/_sandbox/openapi.json`). */
export async function controlRoutes(emulator: Pick<ControlTarget, 'request'>): Promise<ControlRoute[]> {
  const res = await emulator.request('/_sandbox/openapi.json');
  const document = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(document.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })),
  );
}

/**
 * The control document lists the engine's routes (more than 20, the account-scoped ones among them) and the fake's
 * own: one route ending with each of `ownPaths`, e.g. `/profiles/{esimTranNo}/install`.
 */
export async function checkControlDocument(
  emulator: Pick<ControlTarget, 'request'>,
  ownPaths: readonly string[],
): Promise<void> {
  const routes = await controlRoutes(emulator);
  assert.ok(routes.length > 20, `only ${routes.length} control routes`);
  for (const end of ['/clock/advance', ...ownPaths]) {
    const scoped = end === '/clock/advance';
    assert.ok(
      routes.some((r) => r.path.endsWith(end) && (!scoped || r.path.includes('/accounts/{'))),
      `no control route ending ${end}`,
    );
  }
}

export interface FuzzControlRoutesOptions {
  emulator: ControlTarget;
  /** Ids the accounts hold (orders, profiles, codes...), so requests reach real objects too. Not empty. */
  knownIds: readonly string[];
  /** Body fields the provider's own control routes read (the engine's are always included). */
  fieldNames: readonly string[];
  /** The `maxControlBodyBytes` the fake was created with: bodies go up to and just past it. */
  bodyLimit: number;
  /** Default 400. */
  numRuns?: number;
  /** Real-time bound of the suite; runs left at that point are skipped. Default 20 000 ms. */
  timeLimitMs?: number;
}

/**
 * Runs the property; rejects with an assertion error naming the request when an answer breaks it.
 * @example
 * it('no control request is answered with a 5xx', () =>
 *   fuzzControlRoutes({ emulator: mock.emulator, knownIds, fieldNames: ['balance'], bodyLimit: 2_048 }));
 */
export async function fuzzControlRoutes(options: FuzzControlRoutesOptions): Promise<void> {
  const fc = await import('fast-check');
  const { emulator, knownIds, bodyLimit } = options;
  assert.ok(knownIds.length > 0, 'fuzzControlRoutes: knownIds is empty; give it the ids the accounts hold');
  const routes = await controlRoutes(emulator);
  const everything = () => JSON.stringify(emulator.accounts().map((t) => t.snapshot()));

  const id = fc.oneof(
    { weight: 3, arbitrary: fc.constant('default') },
    { weight: 3, arbitrary: fc.constantFrom(...knownIds) },
    { weight: 3, arbitrary: fc.constantFrom(...BUILT_IN_NAMES) },
    { weight: 1, arbitrary: fc.constantFrom(...ENGINE_IDS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map(encodeURIComponent) },
  );
  const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(...BUILT_IN_NAMES));
  const fieldNames = [...ENGINE_FIELDS, ...options.fieldNames];
  const fields = fc.dictionary(
    fc.oneof(fc.constantFrom(...BUILT_IN_NAMES), fc.constantFrom(...fieldNames)),
    value,
    { maxKeys: 4 },
  );
  const body = fc.oneof(
    { weight: 6, arbitrary: fields.map((o) => JSON.stringify(o)) },
    { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: bodyLimit - 64, max: bodyLimit + 64 })
        .map((n) => `"${'x'.repeat(n - 2)}"`),
    },
  );
  const query = fc.dictionary(
    fc.constantFrom(...ENGINE_QUERY, ...BUILT_IN_NAMES),
    fc.oneof(fc.string({ maxLength: 8 }), fc.integer().map(String), fc.constantFrom(...BUILT_IN_NAMES)),
    { maxKeys: 2 },
  );
  const request = fc.record({
    route: fc.constantFrom(...routes),
    ids: fc.array(id, { minLength: 3, maxLength: 3 }),
    body,
    query,
    json: fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  });

  await fc.assert(
    fc.asyncProperty(request, async (r) => {
      let i = 0;
      const path = r.route.path.replace(/\{[^}]+\}/g, () => r.ids[i++] ?? 'default');
      const search = new URLSearchParams(r.query).toString();
      const hasBody = r.route.method !== 'GET' && r.route.method !== 'DELETE';
      const before = everything();
      const res = await emulator.request(`${path}${search ? `?${search}` : ''}`, {
        method: r.route.method,
        headers: { 'content-type': r.json ? 'application/json' : 'text/plain' },
        body: hasBody ? r.body : null,
      });
      const text = await res.text();
      const what = `${r.route.method} ${path}: ${res.status} ${text.slice(0, 500)}`;
      assert.ok(res.status < 500, `a 5xx answer to ${what}`);
      assert.doesNotMatch(text, STACK_TRACE, `a stack trace in the answer to ${what}`);
      if (res.status >= 400) assert.equal(everything(), before, `a refused request changed state: ${what}`);
    }),
    {
      numRuns: options.numRuns ?? 400,
      interruptAfterTimeLimit: options.timeLimitMs ?? 20_000,
      // The report then says which rule broke, not only the request.
      includeErrorInReport: true,
    },
  );
}

/** The test runner's functions (vitest's, jest's; node:test's `before`/`after` under these names). */
export interface SuiteRunner {
  describe(name: string, fn: () => void): unknown;
  it(name: string, fn: () => Promise<void>): unknown;
  beforeAll(fn: () => Promise<void>): unknown;
  afterAll(fn: () => Promise<void>): unknown;
}

/** A fake started for the suite, holding something to protect (orders, a webhook URL, a fault...). */
export interface StartedControlFake {
  emulator: ControlTarget;
  /** Ids of what the accounts hold (see {@link FuzzControlRoutesOptions.knownIds}). */
  knownIds: readonly string[];
  close(): Promise<void>;
}

export interface ControlRoutesSuite extends Omit<FuzzControlRoutesOptions, 'emulator' | 'knownIds'> {
  /** Called once before the suite's tests; the fake is closed after them. */
  start(): Promise<StartedControlFake>;
  /** Path endings of the fake's own control routes the document must list (see {@link checkControlDocument}). */
  ownPaths: readonly string[];
}

/**
 * Registers the control-route suite: the property over every route, and the check that the document it draws the
 * routes from lists them all.
 * @example
 * describeControlRoutes({ describe, it, beforeAll, afterAll }, { start, fieldNames: ['balance'], bodyLimit, ownPaths });
 */
export function describeControlRoutes(runner: SuiteRunner, suite: ControlRoutesSuite): void {
  runner.describe('any request to any control route', () => {
    let fake: StartedControlFake | undefined;
    const started = (): StartedControlFake => {
      assert.ok(fake, 'describeControlRoutes: the fake did not start');
      return fake;
    };
    runner.beforeAll(async () => {
      fake = await suite.start();
    });
    runner.afterAll(async () => {
      await fake?.close();
    });
    runner.it('is never answered with a 5xx or a stack trace, and a refused one changes nothing', () =>
      fuzzControlRoutes({ ...suite, emulator: started().emulator, knownIds: started().knownIds }),
    );
    runner.it('covers every route of the control document, the fake’s own among them', () =>
      checkControlDocument(started().emulator, suite.ownPaths),
    );
  });
}
