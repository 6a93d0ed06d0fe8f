/**
 * In-process fakes for the tests that work on one fake's state directly: a manual clock, the rate limit off (these
 * tests are about state, not pace), closed after the test; and an unthrottled client of an account.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EsimAccessClient } from '@esim-sandbox/core';
import { onTestFinished } from 'vitest';
import { createEsimAccessMock, type EsimAccessMock } from '../../src/index.js';
import type { EsimAccessMockOptions } from '../../src/runtime/options.js';
import { START } from './harness.js';

/** Call inside a test or hook: the fake is closed when the test finishes. */
export function newMock(seed: string, options: EsimAccessMockOptions = {}): EsimAccessMock {
  const mock = createEsimAccessMock({ clock: 'manual', startTime: START, seed, rateLimit: null, ...options });
  onTestFinished(() => mock.close());
  return mock;
}

/** A state file path in a folder removed when the test finishes. */
export async function tempStateFile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'esimaccess-test-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return join(dir, 'state.json');
}

/** An unthrottled client of account `key`, through the fake's in-process fetch. */
export function clientOf(mock: EsimAccessMock, key = mock.accessCode): EsimAccessClient {
  return new EsimAccessClient({
    accessCode: key,
    secretKey: mock.emulator.account(key).secret,
    baseUrl: 'https://api.esimaccess.com',
    fetch: (url, init) => mock.fetch(new Request(url, init)),
    retry: false,
    rateLimit: false,
  });
}

/** Orders `count` profiles of the first package of the catalogue. */
export async function orderFirstPackage(
  mock: EsimAccessMock,
  transactionId: string,
  count: number,
): Promise<void> {
  const client = clientOf(mock);
  const [pkg] = await client.listPackages({});
  await client.order({ transactionId, packageInfoList: [{ packageCode: pkg!.packageCode, count }] });
}
