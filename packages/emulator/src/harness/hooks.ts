/**
 * @module
 * Test-runner hooks without depending on a runner: vitest and node:test hand theirs over, jest (and vitest with
 * `globals: true`) has them on globalThis. node:test and mocha call the suite-wide ones `before`/`after`.
 */
import { HarnessError } from './errors.js';

export type HookCallback = () => Promise<void>;

/** The hook functions of a test runner, e.g. `{ beforeAll, afterAll, beforeEach, afterEach }` from vitest. */
export interface TestHooks {
  beforeAll?(fn: HookCallback): unknown;
  before?(fn: HookCallback): unknown;
  afterAll?(fn: HookCallback): unknown;
  after?(fn: HookCallback): unknown;
  beforeEach?(fn: HookCallback): unknown;
  afterEach?(fn: HookCallback): unknown;
}

export interface ResolvedHooks {
  beforeAll(fn: HookCallback): void;
  afterAll(fn: HookCallback): void;
  beforeEach(fn: HookCallback): void;
  afterEach(fn: HookCallback): void;
}

type Register = (fn: HookCallback) => unknown;

const NAMES: Record<keyof ResolvedHooks, readonly (keyof TestHooks)[]> = {
  beforeAll: ['beforeAll', 'before'],
  afterAll: ['afterAll', 'after'],
  beforeEach: ['beforeEach'],
  afterEach: ['afterEach'],
};

function find(sources: readonly object[], names: readonly string[]): Register | undefined {
  for (const source of sources) {
    for (const name of names) {
      const fn = (source as Record<string, unknown>)[name];
      if (typeof fn === 'function') return fn as Register;
    }
  }
  return undefined;
}

/**
 * The given hooks first, then the runner's globals.
 * @example
 * import { after, afterEach, before, beforeEach } from 'node:test';
 * const hooks = resolveTestHooks({ before, after, beforeEach, afterEach });
 */
export function resolveTestHooks(given: TestHooks = {}, globals: object = globalThis): ResolvedHooks {
  const sources = [given, globals];
  const resolved = {} as Record<keyof ResolvedHooks, Register>;
  for (const key of Object.keys(NAMES) as (keyof ResolvedHooks)[]) {
    const fn = find(sources, NAMES[key]);
    if (!fn) {
      throw new HarnessError(
        'NO_TEST_HOOKS',
        `no ${key} hook: pass your runner's hooks, e.g. { hooks: { beforeAll, afterAll, beforeEach, afterEach } } ` +
          `from 'vitest', or { before, after, beforeEach, afterEach } from 'node:test' (jest's globals are found by themselves)`,
        { field: 'hooks' },
      );
    }
    resolved[key] = fn;
  }
  return {
    beforeAll: (fn) => void resolved.beforeAll(fn),
    afterAll: (fn) => void resolved.afterAll(fn),
    beforeEach: (fn) => void resolved.beforeEach(fn),
    afterEach: (fn) => void resolved.afterEach(fn),
  };
}
