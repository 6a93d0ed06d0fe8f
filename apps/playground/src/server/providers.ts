/**
 * @module
 * Starts one fake in this process (its own HTTP server on loopback) or connects to an external one, and says how
 * to load its catalogue either way.
 */
import { EmulatorError, startServer } from '@esim-sandbox/emulator';
import { createEsimAccessMock, DEMO_ACCESS_CODE, DEMO_SECRET_KEY } from '@esim-sandbox/esimaccess-mock';
import { createIroamlyMock } from '@esim-sandbox/iroamly-mock';
import { PlaygroundError } from '../errors.js';
import {
  type CatalogLoader,
  cached,
  esimAccessRows,
  iroamlyRows,
  remoteEsimAccessCatalog,
  remoteIroamlyCatalog,
} from './catalog.js';
import {
  type Credentials,
  externalSource,
  inProcessSource,
  type ProviderName,
  type ProviderSource,
} from './sources.js';

export interface ProviderStart {
  host: string;
  port: number;
  /** Flag named in errors about the port (`--esimaccess-port`) or the URL (`--esimaccess-url`). */
  portFlag: string;
  urlFlag: string;
  /** Connect to this fake instead of starting one. */
  url: string | undefined;
  clock: 'real' | 'manual';
  seed: string | undefined;
  /** Credentials of an external fake's default account, for its catalogue. */
  credentials: Credentials | undefined;
}

export interface StartedProvider {
  source: ProviderSource;
  catalog: CatalogLoader;
}

async function serve(
  emulator: Parameters<typeof startServer>[0]['emulator'] & object,
  options: ProviderStart,
): Promise<{ url: string; close(): Promise<void> }> {
  try {
    return await startServer({ emulator, host: options.host, port: options.port });
  } catch (error) {
    await emulator.close();
    const inUse = error instanceof EmulatorError && error.message.includes('in use');
    throw new PlaygroundError(
      inUse ? 'PORT_IN_USE' : 'INVALID_ARGUMENT',
      inUse
        ? `port ${options.port} on ${options.host} is in use (another playground?): pass ${options.portFlag} N, or ${options.portFlag} 0 for a free one`
        : `${options.portFlag}: ${error instanceof Error ? error.message : String(error)}`,
      { field: options.portFlag, cause: error },
    );
  }
}

export async function startProvider(
  provider: ProviderName,
  options: ProviderStart,
): Promise<StartedProvider> {
  if (options.url !== undefined) {
    // The demo credentials are the usual default account of an external fake too; its catalogue is read with them.
    const credentials =
      options.credentials ??
      (provider === 'esimaccess' ? { key: DEMO_ACCESS_CODE, secret: DEMO_SECRET_KEY } : undefined);
    const source = await externalSource(provider, options.url, options.urlFlag, credentials);
    return {
      source,
      catalog: provider === 'esimaccess' ? remoteEsimAccessCatalog(source) : remoteIroamlyCatalog(source),
    };
  }
  const seed = options.seed === undefined ? {} : { seed: options.seed };
  if (provider === 'esimaccess') {
    const mock = createEsimAccessMock({ clock: options.clock, ...seed });
    const server = await serve(mock.emulator, options);
    return {
      source: inProcessSource({
        provider,
        baseUrl: server.url,
        credentials: { key: mock.accessCode, secret: mock.secretKey },
        emulator: mock.emulator,
        close: () => server.close(),
      }),
      catalog: cached(async () => esimAccessRows(mock.catalog.catalog.packages)),
    };
  }
  const mock = createIroamlyMock({ clock: options.clock, ...seed });
  const server = await serve(mock.emulator, options);
  return {
    source: inProcessSource({
      provider,
      baseUrl: server.url,
      credentials: { key: mock.authKey, secret: mock.authSecret },
      emulator: mock.emulator,
      close: () => server.close(),
    }),
    catalog: cached(async () => iroamlyRows(mock.control.catalog())),
  };
}
