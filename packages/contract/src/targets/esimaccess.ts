/**
 * eSIM Access targets: the mock in process (msw on https://api.esimaccess.com, so the client's default base URL is
 * used), the mock over HTTP on 127.0.0.1 (port 0), or the real API with ESIMACCESS_ACCESS_CODE/ESIMACCESS_SECRET_KEY.
 * @module
 */
import { ESIM_ACCESS_DEFAULT_BASE_URL } from '@esim-sandbox/core';
import { startServer } from '@esim-sandbox/emulator';
import {
  createEsimAccessMock,
  DEMO_ACCESS_CODE,
  DEMO_SECRET_KEY,
  esimAccessHandlers,
} from '@esim-sandbox/esimaccess-mock';
import type { SkippedTarget, Target, TargetKind } from '../runner/types.js';
import { globalFetch, interceptWithMsw, missingEnv, type TargetOptions, type TargetParts } from './shared.js';

export interface EsimAccessCredentials {
  accessCode: string;
  secretKey: string;
}

export const ESIMACCESS_ENV = {
  accessCode: 'ESIMACCESS_ACCESS_CODE',
  secretKey: 'ESIMACCESS_SECRET_KEY',
} as const;

export type EsimAccessTarget = Target<EsimAccessCredentials>;

async function parts(
  kind: TargetKind,
  options: TargetOptions,
): Promise<TargetParts<EsimAccessCredentials> | { skipped: string }> {
  const env = options.env ?? process.env;
  if (kind === 'live') {
    const missing = missingEnv(env, [ESIMACCESS_ENV.accessCode, ESIMACCESS_ENV.secretKey]);
    if (missing) return { skipped: missing };
    const credentials = {
      accessCode: env[ESIMACCESS_ENV.accessCode] ?? '',
      secretKey: env[ESIMACCESS_ENV.secretKey] ?? '',
    };
    const baseUrl = options.baseUrl ?? ESIM_ACCESS_DEFAULT_BASE_URL;
    return {
      baseUrl,
      credentials,
      fetch: options.fetch ?? globalFetch,
      realMoney: true,
      close: async () => {},
    };
  }
  if (kind === 'mock-http' && options.baseUrl) {
    // A mock someone already started (the playground, `esimaccess-mock`): its CLI's credential variables apply.
    const credentials = {
      accessCode: env.ESIMACCESS_MOCK_ACCESS_CODE ?? DEMO_ACCESS_CODE,
      secretKey: env.ESIMACCESS_MOCK_SECRET_KEY ?? DEMO_SECRET_KEY,
    };
    return {
      baseUrl: options.baseUrl,
      credentials,
      fetch: globalFetch,
      realMoney: false,
      close: async () => {},
    };
  }
  const mock = createEsimAccessMock();
  const credentials = { accessCode: mock.accessCode, secretKey: mock.secretKey };
  if (kind === 'mock-http') {
    const server = await startServer({ emulator: mock.emulator, port: 0 });
    return { baseUrl: server.url, credentials, fetch: globalFetch, realMoney: false, close: server.close };
  }
  const msw = interceptWithMsw(esimAccessHandlers(mock));
  const close = async () => {
    msw.close();
    await mock.close();
  };
  return { baseUrl: ESIM_ACCESS_DEFAULT_BASE_URL, credentials, fetch: globalFetch, realMoney: false, close };
}

/**
 * @example
 * const target = await createEsimAccessTarget('mock-http');
 * if (!('skipped' in target)) { const report = await runSuite(esimAccessSuite, target); await target.close(); }
 */
export async function createEsimAccessTarget(
  kind: TargetKind,
  options: TargetOptions = {},
): Promise<EsimAccessTarget | SkippedTarget> {
  const made = await parts(kind, options);
  if ('skipped' in made) return { provider: 'esimaccess', kind, skipped: made.skipped };
  const { accessCode, secretKey } = made.credentials;
  return {
    provider: 'esimaccess',
    kind,
    ...made,
    redaction: { secrets: [secretKey], placeholders: { [accessCode]: '<ACCESS_CODE>' } },
  };
}
