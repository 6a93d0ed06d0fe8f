/**
 * iRoamly targets: the mock in process (msw on https://api.iroamly.shop), the mock over HTTP on 127.0.0.1
 * (port 0), or the real API with IROAMLY_AUTH_KEY/IROAMLY_AUTH_SECRET.
 * @module
 */
import { IROAMLY_DEFAULT_BASE_URL } from '@esim-sandbox/core';
import { startServer } from '@esim-sandbox/emulator';
import {
  createIroamlyMock,
  DEMO_AUTH_KEY,
  DEMO_AUTH_SECRET,
  iroamlyHandlers,
} from '@esim-sandbox/iroamly-mock';
import type { SkippedTarget, Target, TargetKind } from '../runner/types.js';
import { globalFetch, interceptWithMsw, missingEnv, type TargetOptions, type TargetParts } from './shared.js';

export interface IroamlyCredentials {
  authKey: string;
  authSecret: string;
}

export const IROAMLY_ENV = { authKey: 'IROAMLY_AUTH_KEY', authSecret: 'IROAMLY_AUTH_SECRET' } as const;

export type IroamlyTarget = Target<IroamlyCredentials>;

async function parts(
  kind: TargetKind,
  options: TargetOptions,
): Promise<TargetParts<IroamlyCredentials> | { skipped: string }> {
  const env = options.env ?? process.env;
  if (kind === 'live') {
    const missing = missingEnv(env, [IROAMLY_ENV.authKey, IROAMLY_ENV.authSecret]);
    if (missing) return { skipped: missing };
    const credentials = {
      authKey: env[IROAMLY_ENV.authKey] ?? '',
      authSecret: env[IROAMLY_ENV.authSecret] ?? '',
    };
    const baseUrl = options.baseUrl ?? IROAMLY_DEFAULT_BASE_URL;
    return {
      baseUrl,
      credentials,
      fetch: options.fetch ?? globalFetch,
      realMoney: true,
      close: async () => {},
    };
  }
  if (kind === 'mock-http' && options.baseUrl) {
    // A mock someone already started (the playground, `iroamly-mock`): its CLI's credential variables apply.
    const credentials = {
      authKey: env.IROAMLY_MOCK_AUTH_KEY ?? DEMO_AUTH_KEY,
      authSecret: env.IROAMLY_MOCK_AUTH_SECRET ?? DEMO_AUTH_SECRET,
    };
    return {
      baseUrl: options.baseUrl,
      credentials,
      fetch: globalFetch,
      realMoney: false,
      close: async () => {},
    };
  }
  const mock = createIroamlyMock();
  const credentials = { authKey: mock.authKey, authSecret: mock.authSecret };
  if (kind === 'mock-http') {
    const server = await startServer({ emulator: mock.emulator, port: 0 });
    return { baseUrl: server.url, credentials, fetch: globalFetch, realMoney: false, close: server.close };
  }
  const msw = interceptWithMsw(iroamlyHandlers(mock));
  const close = async () => {
    msw.close();
    await mock.close();
  };
  return { baseUrl: IROAMLY_DEFAULT_BASE_URL, credentials, fetch: globalFetch, realMoney: false, close };
}

export async function createIroamlyTarget(
  kind: TargetKind,
  options: TargetOptions = {},
): Promise<IroamlyTarget | SkippedTarget> {
  const made = await parts(kind, options);
  if ('skipped' in made) return { provider: 'iroamly', kind, skipped: made.skipped };
  const { authKey, authSecret } = made.credentials;
  return {
    provider: 'iroamly',
    kind,
    ...made,
    redaction: { secrets: [authSecret], placeholders: { [authKey]: '<AUTH_KEY>' } },
  };
}
