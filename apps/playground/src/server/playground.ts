/**
 * @module
 * `startPlayground()`: both fakes (in this process or external), the webhook sink and the dashboard, wired
 * together. The eSIM Access default account delivers its webhooks to the sink.
 */
import { type ChaosSetting, isLoopback } from '@esim-sandbox/emulator';
import type { Hono } from 'hono';
import type { PageInfo } from '../dashboard/page.js';
import { PlaygroundError } from '../errors.js';
import { listen } from '../listen.js';
import { startWebhookSink, type WebhookSink } from '../sink/sink.js';
import { type Credentials, controlJson, type ProviderName, type ProviderSource } from '../views/sources.js';
import { createDashboardApp, type PlaygroundConfig } from './app.js';
import { ChangeFeed } from './changes.js';
import { type StartedProvider, startProvider } from './providers.js';
import { createSectionRenderer } from './sections.js';

export const DEFAULT_PORT = 4700;

export interface PlaygroundOptions {
  /** Loopback only. Default 127.0.0.1. */
  host?: string;
  /** Dashboard port; default 4700. 0 = a free port (and free ports for everything else). */
  port?: number;
  /** Default: the dashboard port + 1, + 2, + 3 (or 0 when the dashboard port is 0). */
  esimaccessPort?: number;
  iroamlyPort?: number;
  sinkPort?: number;
  /** Use these fakes instead of starting them. */
  esimaccessUrl?: string;
  iroamlyUrl?: string;
  /** Credentials of an external eSIM Access fake's default account (its catalogue is read with them). */
  esimaccessCredentials?: Credentials;
  /** Clock mode of the fakes this process starts. Default 'real'. */
  clock?: 'real' | 'manual';
  seed?: string;
  /** State files of the fakes this process starts: `<stem>.esimaccess.json` and `<stem>.iroamly.json`. */
  stateFile?: string;
  /** Catalogue files (`capture-catalog` output); each file's header names the fake it is for. */
  catalogFiles?: string[];
  /** Seeded chaos on every account of the fakes this process starts (not on external ones). */
  chaos?: ChaosSetting;
  /** Longest time between two dashboard renders. Default 1000 ms. */
  pollMs?: number;
}

export interface Playground {
  /** The dashboard, e.g. `http://127.0.0.1:4700`. */
  url: string;
  sources: Record<ProviderName, ProviderSource>;
  sink: WebhookSink;
  config: PlaygroundConfig;
  close(): Promise<void>;
}

const CREDENTIAL_NAMES: Record<ProviderName, { keyName: string; secretName: string }> = {
  esimaccess: { keyName: 'access code', secretName: 'secret key' },
  iroamly: { keyName: 'AuthKey', secretName: 'AuthSecret' },
};

function port(value: number | undefined, base: number, offset: number): number {
  if (value !== undefined) return value;
  return base === 0 ? 0 : base + offset;
}

/** Points the eSIM Access default account at the sink, unless an external fake already has a URL set. */
async function routeWebhooksToSink(source: ProviderSource, sink: WebhookSink): Promise<void> {
  const account = await controlJson<{ id: string; webhookUrl: string | null }>(source, '/accounts/default');
  if (source.external && account.webhookUrl) return;
  await controlJson(source, '/accounts/default/webhooks', {
    method: 'PUT',
    body: JSON.stringify({ url: sink.urlFor(account.id) }),
  });
}

/**
 * @example
 * const playground = await startPlayground({ port: 0, clock: 'manual' });
 * console.log(playground.url);
 * await playground.close();
 */
export async function startPlayground(options: PlaygroundOptions = {}): Promise<Playground> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host)) {
    throw new PlaygroundError('INVALID_ARGUMENT', `--host: the playground binds loopback only, not ${host}`, {
      field: '--host',
    });
  }
  const base = options.port ?? DEFAULT_PORT;
  const closers: (() => Promise<void>)[] = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close();
  };
  try {
    // The dashboard binds first: a second playground then fails on the port people know (--port), and the page
    // answers 503 for the moment until everything behind it runs.
    let app: Hono | undefined;
    const server = await listen(
      (request, env) => app?.fetch(request, env) ?? new Response('starting', { status: 503 }),
      {
        host,
        port: base,
        flag: '--port',
      },
    );
    closers.push(() => server.close());
    const sink = await startWebhookSink({ host, port: port(options.sinkPort, base, 3) });
    closers.push(() => sink.close());
    const started = {} as Record<ProviderName, StartedProvider>;
    for (const [provider, offset] of [
      ['esimaccess', 1],
      ['iroamly', 2],
    ] as const) {
      started[provider] = await startProvider(provider, {
        host,
        port: port(provider === 'esimaccess' ? options.esimaccessPort : options.iroamlyPort, base, offset),
        portFlag: `--${provider}-port`,
        urlFlag: `--${provider}-url`,
        url: provider === 'esimaccess' ? options.esimaccessUrl : options.iroamlyUrl,
        clock: options.clock ?? 'real',
        seed: options.seed,
        stateFile: options.stateFile,
        catalogFiles: options.catalogFiles ?? [],
        chaos: options.chaos,
        credentials: provider === 'esimaccess' ? options.esimaccessCredentials : undefined,
      });
      closers.push(() => started[provider].source.close());
    }
    const sources = { esimaccess: started.esimaccess.source, iroamly: started.iroamly.source };
    await routeWebhooksToSink(sources.esimaccess, sink);

    const changes = new ChangeFeed();
    const unwatch = [
      ...Object.values(sources).map((source) => source.watch(() => changes.notify())),
      sink.subscribe(() => changes.notify()),
    ];
    closers.push(async () => {
      for (const off of unwatch) off();
    });

    const config: PlaygroundConfig = {
      providers: {
        esimaccess: { baseUrl: sources.esimaccess.baseUrl, external: sources.esimaccess.external },
        iroamly: { baseUrl: sources.iroamly.baseUrl, external: sources.iroamly.external },
      },
      sink: { url: sink.url },
    };
    const page: PageInfo = {
      connections: (['esimaccess', 'iroamly'] as const).map((provider) => {
        const source = sources[provider];
        const credentials = source.external ? undefined : source.credentials;
        return {
          provider,
          baseUrl: source.baseUrl,
          credentials: credentials && { ...CREDENTIAL_NAMES[provider], ...credentials },
        };
      }),
      sinkUrl: sink.url,
    };
    const render = createSectionRenderer({
      sources,
      catalogs: { esimaccess: started.esimaccess.catalog, iroamly: started.iroamly.catalog },
      sink,
    });
    app = createDashboardApp({ sources, render, changes, page, config, pollMs: options.pollMs });
    return { url: server.url, sources, sink, config, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
