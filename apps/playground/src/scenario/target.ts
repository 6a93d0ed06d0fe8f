/**
 * @module
 * Where a scenario runs: a playground already running (`PLAYGROUND_URL`), whose dashboard then shows the run,
 * or a fresh one started in this process on free ports and closed afterwards.
 */
import { PlaygroundError } from '../errors.js';
import type { PlaygroundConfig } from '../server/app.js';
import { startPlayground } from '../server/playground.js';

export interface ScenarioTarget {
  /** The dashboard the run shows up on. */
  dashboardUrl: string;
  esimaccessUrl: string;
  iroamlyUrl: string;
  sinkUrl: string;
  close(): Promise<void>;
}

export async function connectPlayground(dashboardUrl: string): Promise<ScenarioTarget> {
  let config: PlaygroundConfig;
  try {
    const res = await fetch(new URL('/api/config', dashboardUrl));
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    config = (await res.json()) as PlaygroundConfig;
  } catch (error) {
    throw new PlaygroundError(
      'UNREACHABLE',
      `PLAYGROUND_URL: no playground answers at ${dashboardUrl} (${error instanceof Error ? error.message : String(error)}); start one with \`pnpm start\``,
      { field: 'PLAYGROUND_URL', cause: error },
    );
  }
  return {
    dashboardUrl,
    esimaccessUrl: config.providers.esimaccess.baseUrl,
    iroamlyUrl: config.providers.iroamly.baseUrl,
    sinkUrl: config.sink.url,
    close: async () => {},
  };
}

/** A private playground on free ports with manual clocks, for a run nobody watches (tests, CI). */
export async function startOwnPlayground(): Promise<ScenarioTarget> {
  const playground = await startPlayground({ port: 0, clock: 'manual' });
  return {
    dashboardUrl: playground.url,
    esimaccessUrl: playground.config.providers.esimaccess.baseUrl,
    iroamlyUrl: playground.config.providers.iroamly.baseUrl,
    sinkUrl: playground.config.sink.url,
    close: () => playground.close(),
  };
}

export function targetFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<ScenarioTarget> {
  const url = env.PLAYGROUND_URL;
  return url ? connectPlayground(url) : startOwnPlayground();
}
