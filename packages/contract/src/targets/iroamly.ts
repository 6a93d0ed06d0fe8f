/**
 * iRoamly targets: the mock in process (msw on https://api.iroamly.shop), the mock over HTTP on 127.0.0.1
 * (port 0), or the real API with IROAMLY_AUTH_KEY/IROAMLY_AUTH_SECRET.
 * @module
 */
import { IROAMLY_DEFAULT_BASE_URL } from '@esim-sandbox/core';
import {
  createIroamlyMock,
  DEMO_AUTH_KEY,
  DEMO_AUTH_SECRET,
  type IroamlyMock,
  iroamlyHandlers,
} from '@esim-sandbox/iroamly-mock';
import type { SkippedTarget, Target, TargetKind } from '../runner/types.js';
import { createTarget, type ProviderTargets, type TargetOptions } from './shared.js';

export interface IroamlyCredentials {
  authKey: string;
  authSecret: string;
}

export const IROAMLY_ENV = { authKey: 'IROAMLY_AUTH_KEY', authSecret: 'IROAMLY_AUTH_SECRET' } as const;

export type IroamlyTarget = Target<IroamlyCredentials>;

const iroamlyTargets: ProviderTargets<IroamlyCredentials, IroamlyMock> = {
  provider: 'iroamly',
  realBaseUrl: IROAMLY_DEFAULT_BASE_URL,
  liveEnv: IROAMLY_ENV,
  runningMockEnv: { authKey: 'IROAMLY_MOCK_AUTH_KEY', authSecret: 'IROAMLY_MOCK_AUTH_SECRET' },
  demoCredentials: { authKey: DEMO_AUTH_KEY, authSecret: DEMO_AUTH_SECRET },
  createMock: () => createIroamlyMock(),
  handlers: iroamlyHandlers,
  redaction: { secret: 'authSecret', key: 'authKey', placeholder: '<AUTH_KEY>' },
};

export function createIroamlyTarget(
  kind: TargetKind,
  options: TargetOptions = {},
): Promise<IroamlyTarget | SkippedTarget> {
  return createTarget(iroamlyTargets, kind, options);
}
