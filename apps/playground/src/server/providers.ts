/**
 * @module
 * Starts one fake in this process (its own HTTP server on loopback) or connects to an external one, and says how
 * to load its catalogue either way.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { type ChaosSetting, EmulatorError, startServer } from '@esim-sandbox/emulator';
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
} from '../views/catalog.js';
import {
  type Credentials,
  externalSource,
  inProcessSource,
  type ProviderName,
  type ProviderSource,
} from '../views/sources.js';

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
  /** The playground's `--state-file`; this fake's file is derived from it. */
  stateFile: string | undefined;
  /** The playground's `--catalog` files; the one whose header names this provider is used. */
  catalogFiles: readonly string[];
  /** Credentials of an external fake's default account, for its catalogue. */
  credentials: Credentials | undefined;
  /** Seeded chaos of a fake started here. */
  chaos: ChaosSetting | undefined;
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

/** `state.json` -> `state.esimaccess.json`: the two fakes cannot share one file (each names its provider). */
export function providerStateFile(stateFile: string, provider: ProviderName): string {
  const ext = extname(stateFile);
  return `${ext ? stateFile.slice(0, -ext.length) : stateFile}.${provider}${ext || '.json'}`;
}

/** The catalogue file among `files` whose header names `provider` (capture-catalog writes it). */
function catalogFor(provider: ProviderName, files: readonly string[]): { catalogFile?: string } {
  for (const file of files) {
    let header: { provider?: unknown };
    try {
      header = JSON.parse(readFileSync(file, 'utf8')) as { provider?: unknown };
    } catch (error) {
      throw new PlaygroundError(
        'INVALID_ARGUMENT',
        `--catalog: cannot read ${file} (${(error as Error).message})`,
        {
          field: '--catalog',
        },
      );
    }
    if (header.provider === provider) return { catalogFile: file };
  }
  return {};
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
  const seed = {
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.stateFile === undefined ? {} : { stateFile: providerStateFile(options.stateFile, provider) }),
    ...catalogFor(provider, options.catalogFiles),
    ...(options.chaos === undefined ? {} : { chaos: options.chaos }),
  };
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
