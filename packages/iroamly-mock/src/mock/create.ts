/**
 * @module
 * createIroamlyMock: the iRoamly fake on the shared engine, usable in process (`fetch`), over HTTP
 * (`startServer` / the CLI) and through msw (`iroamlyHandlers`), all sharing state, clock and journal.
 */
import { assertIroamlyCredentials } from '@esim-sandbox/core';
import { createEmulator, sharedCatalogs } from '@esim-sandbox/emulator';
import type { Hono } from 'hono';
import type { Catalog } from '../catalog/catalog.js';
import { generateCatalog } from '../catalog/generate.js';
import { createControlHandle, type IroamlyControl } from '../control/handle.js';
import { resolveBehaviour } from '../ops/behaviour.js';
import {
  DEMO_AUTH_KEY,
  DEMO_AUTH_SECRET,
  type IroamlyMockOptions,
  resolveBalance,
  resolveCatalog,
  resolveHttp,
} from '../runtime/options.js';
import type { IroamlyEmulator, IroamlyRuntime } from '../runtime/runtime.js';
import { iroamlyProvider } from './provider.js';

export interface IroamlyMock {
  /** The engine: accounts, `fetch` for servers and msw, `close()`. */
  emulator: IroamlyEmulator;
  /** The Hono app (provider routes, QR images, `/_sandbox`). Prefer `fetch`: it maps drop faults. */
  app: Hono;
  /** The fetch handler (servers, msw, or a client's `fetch` in process). `emulator.request` takes a path. */
  fetch(request: Request): Promise<Response>;
  /** The catalogue every account buys from. */
  catalog: Catalog;
  control: IroamlyControl;
  /** The default account's credentials. */
  authKey: string;
  authSecret: string;
  close(): Promise<void>;
}

/** The generated catalogue of a seed and options: built once per process (see the engine's `sharedCatalogs`). */
const generatedCatalog = sharedCatalogs(generateCatalog);

/**
 * @example
 * const mock = createIroamlyMock({ clock: 'manual' });
 * const client = new IroamlyClient({ authKey: mock.authKey, authSecret: mock.authSecret,
 *   baseUrl: 'http://iroamly.test', fetch: (url, init) => mock.fetch(new Request(url, init)) });
 */
export function createIroamlyMock(options: IroamlyMockOptions = {}): IroamlyMock {
  const {
    authKey,
    authSecret,
    balance,
    catalog,
    catalogFile,
    catalogOptions,
    behaviour,
    http,
    seed,
    ...engine
  } = options;
  const engineSeed = seed ?? 'iroamly';
  const key = authKey ?? DEMO_AUTH_KEY;
  const secret = authSecret ?? DEMO_AUTH_SECRET;
  // The spec's limits (AuthKey ≤ 32, AuthSecret ≤ 50): a default account no client could call is a setup error.
  assertIroamlyCredentials(key, secret);
  const rt: IroamlyRuntime = {
    catalog:
      resolveCatalog({ catalog, catalogFile }) ?? generatedCatalog({ seed: engineSeed, ...catalogOptions }),
    behaviour: resolveBehaviour(behaviour),
    http: resolveHttp(http),
  };
  const emulator = createEmulator(iroamlyProvider(rt, resolveBalance(balance)), {
    ...engine,
    seed: engineSeed,
    account: { key, secret },
  });
  const { defaultAccount } = emulator;
  return {
    emulator,
    catalog: rt.catalog,
    control: createControlHandle(rt, emulator),
    app: emulator.app,
    fetch: emulator.fetch,
    authKey: defaultAccount.key,
    authSecret: defaultAccount.secret,
    close: () => emulator.close(),
  };
}
