/**
 * eSIM Access targets: the mock in process (msw on https://api.esimaccess.com, so the client's default base URL is
 * used), the mock over HTTP on 127.0.0.1 (port 0), or the real API with ESIMACCESS_ACCESS_CODE/ESIMACCESS_SECRET_KEY.
 * @module
 */
import { ESIM_ACCESS_DEFAULT_BASE_URL } from '@esim-sandbox/core';
import {
  createEsimAccessMock,
  DEMO_ACCESS_CODE,
  DEMO_SECRET_KEY,
  type EsimAccessMock,
  esimAccessHandlers,
} from '@esim-sandbox/esimaccess-mock';
import type { SkippedTarget, Target, TargetKind } from '../runner/types.js';
import { createTarget, type ProviderTargets, type TargetOptions } from './shared.js';

export interface EsimAccessCredentials {
  accessCode: string;
  secretKey: string;
}

export const ESIMACCESS_ENV = {
  accessCode: 'ESIMACCESS_ACCESS_CODE',
  secretKey: 'ESIMACCESS_SECRET_KEY',
} as const;

export type EsimAccessTarget = Target<EsimAccessCredentials>;

const esimAccessTargets: ProviderTargets<EsimAccessCredentials, EsimAccessMock> = {
  provider: 'esimaccess',
  realBaseUrl: ESIM_ACCESS_DEFAULT_BASE_URL,
  liveEnv: ESIMACCESS_ENV,
  runningMockEnv: { accessCode: 'ESIMACCESS_MOCK_ACCESS_CODE', secretKey: 'ESIMACCESS_MOCK_SECRET_KEY' },
  demoCredentials: { accessCode: DEMO_ACCESS_CODE, secretKey: DEMO_SECRET_KEY },
  createMock: () => createEsimAccessMock(),
  handlers: esimAccessHandlers,
  redaction: { secret: 'secretKey', key: 'accessCode', placeholder: '<ACCESS_CODE>' },
};

/**
 * @example
 * const target = await createEsimAccessTarget('mock-http');
 * if (!('skipped' in target)) { const report = await runSuite(esimAccessSuite, target); await target.close(); }
 */
export function createEsimAccessTarget(
  kind: TargetKind,
  options: TargetOptions = {},
): Promise<EsimAccessTarget | SkippedTarget> {
  return createTarget(esimAccessTargets, kind, options);
}
