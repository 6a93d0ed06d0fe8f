/**
 * createEsimAccessMock: the eSIM Access fake on the shared engine, usable in process (`fetch`, `request`), over HTTP
 * (`startServer`, the CLI) and through msw (`esimAccessHandlers`), all three sharing state, clock and journal.
 * @module
 */
import { createEmulator, hashSeed, sharedCatalogs } from '@esim-sandbox/emulator';
import type { Hono } from 'hono';
import { type CatalogIndex, indexCatalog } from '../catalog/catalog.js';
import { generateCatalog } from '../catalog/generate.js';
import { createControlHandle, type EsimAccessControl } from '../control/handle.js';
import { DEFAULT_BEHAVIOUR, type EsimAccessBehaviour } from '../ops/context.js';
import { FIDELITY_DEFAULTS } from '../runtime/fidelity.js';
import {
  DEFAULT_BALANCE,
  DEMO_ACCESS_CODE,
  DEMO_SECRET_KEY,
  type EsimAccessMockOptions,
  parseAccountParams,
  resolveAuth,
  resolveCatalog,
  resolveFidelity,
} from '../runtime/options.js';
import { ProfileTexts } from '../runtime/profile-texts.js';
import type { EsimAccessEmulator, EsimAccessRuntime } from '../runtime/runtime.js';
import { esimAccessProvider } from './provider.js';

export interface EsimAccessMock {
  /** The engine: accounts (tenants), `fetch` for servers and msw, `close()`. */
  emulator: EsimAccessEmulator;
  /** Root Hono app (provider routes, QR images, `/_sandbox`). Prefer `fetch`: it maps drop faults. */
  app: Hono;
  fetch(request: Request): Promise<Response>;
  /** In-process request: `mock.request('/api/v1/open/balance/query', { method: 'POST', ... })`. */
  request(input: string | URL, init?: RequestInit): Promise<Response>;
  catalog: CatalogIndex;
  /** The behaviour settings in force (defaults merged with the options). */
  behaviour: Readonly<EsimAccessBehaviour>;
  control: EsimAccessControl;
  /** The default account's credentials. */
  accessCode: string;
  secretKey: string;
  close(): Promise<void>;
}

/** The generated catalogue of a seed: built once per process (see the engine's `sharedCatalogs`). */
const generatedCatalog = sharedCatalogs((seed: number) => generateCatalog({ seed }));

/**
 * @example
 * const mock = createEsimAccessMock({ clock: 'manual' });
 * const client = new EsimAccessClient({ accessCode: mock.accessCode, secretKey: mock.secretKey, fetch: mock.fetch });
 */
export function createEsimAccessMock(options: EsimAccessMockOptions = {}): EsimAccessMock {
  const {
    accessCode,
    secretKey,
    balance,
    stock,
    catalog,
    catalogFile,
    behaviour,
    fidelity: fidelityOption,
    auth,
    envelope,
    webhookUrl,
    publicBaseUrl,
    ...engine
  } = options;
  const seed = engine.seed ?? 'esimaccess';
  const defaultBalance =
    parseAccountParams({ balance: balance ?? DEFAULT_BALANCE }).balance ?? DEFAULT_BALANCE;
  const fidelity = resolveFidelity(fidelityOption);
  const rt: EsimAccessRuntime = {
    catalog: indexCatalog(
      resolveCatalog({ catalog, catalogFile }) ?? generatedCatalog(hashSeed(String(seed))),
    ),
    behaviour: { ...DEFAULT_BEHAVIOUR, strictInput: FIDELITY_DEFAULTS[fidelity].strictInput, ...behaviour },
    fidelity,
    auth: resolveAuth(auth, fidelity),
    envelope: { success: envelope?.success ?? 'boolean' },
    publicBaseUrl,
    requestIds: new Map(),
    profileTexts: new ProfileTexts(),
  };
  const created = createEmulator(esimAccessProvider(rt, defaultBalance), {
    ...engine,
    seed,
    account: {
      key: accessCode ?? DEMO_ACCESS_CODE,
      secret: secretKey ?? DEMO_SECRET_KEY,
      ...(stock === undefined ? {} : { params: { stock } }),
    },
  });
  // A URL given at start is taken as is; saving one through the API runs the CHECK_HEALTH test.
  if (webhookUrl !== undefined && created.defaultAccount.webhooks.url === null) {
    created.defaultAccount.webhooks.setUrl(webhookUrl);
  }
  return {
    emulator: created,
    app: created.app,
    fetch: created.fetch,
    request: created.request,
    catalog: rt.catalog,
    behaviour: rt.behaviour,
    control: createControlHandle(rt, created),
    accessCode: created.defaultAccount.key,
    secretKey: created.defaultAccount.secret,
    close: () => created.close(),
  };
}
