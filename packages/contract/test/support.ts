/**
 * Test builders: the CLI with captured output, a temporary directory, and a "live" provider that is really a mock
 * behind a fake fetch (tests never reach a real provider).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FetchLike } from '@esim-sandbox/core';
import { createEsimAccessMock, type EsimAccessMock } from '@esim-sandbox/esimaccess-mock';
import { createIroamlyMock, type IroamlyMock } from '@esim-sandbox/iroamly-mock';
import { type CliIo, runContractCli } from '../src/cli/contract.js';

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'contract-test-'));
}

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCli(
  argv: string[],
  io: Partial<CliIo> = {},
  command: (io: CliIo) => Promise<number> = runContractCli,
): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command({
    argv,
    env: {},
    cwd: tempDir(),
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    ...io,
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Every URL the fake saw, so a test can assert what was (not) sent. */
export interface FakeProvider<M> {
  mock: M;
  fetch: FetchLike;
  requests: { method: string; path: string }[];
  env: Record<string, string>;
}

function fakeFetch(
  handler: (request: Request) => Promise<Response>,
  requests: FakeProvider<unknown>['requests'],
) {
  const fetch: FetchLike = async (input, init) => {
    const request = new Request(input, init);
    requests.push({ method: request.method, path: new URL(request.url).pathname });
    return handler(request);
  };
  return fetch;
}

/** The eSIM Access mock standing in for the real API (the live target's fetch and credentials). */
export function fakeEsimAccess(): FakeProvider<EsimAccessMock> {
  const mock = createEsimAccessMock();
  const requests: FakeProvider<unknown>['requests'] = [];
  return {
    mock,
    requests,
    fetch: fakeFetch((r) => mock.fetch(r), requests),
    env: { ESIMACCESS_ACCESS_CODE: mock.accessCode, ESIMACCESS_SECRET_KEY: mock.secretKey },
  };
}

export function fakeIroamly(): FakeProvider<IroamlyMock> {
  const mock = createIroamlyMock();
  const requests: FakeProvider<unknown>['requests'] = [];
  return {
    mock,
    requests,
    fetch: fakeFetch((r) => mock.fetch(r), requests),
    env: { IROAMLY_AUTH_KEY: mock.authKey, IROAMLY_AUTH_SECRET: mock.authSecret },
  };
}

/** A fetch that fails the test if anything is sent. */
export const noNetwork: FetchLike = async (input) => {
  throw new Error(`no request may be sent, got ${String(input instanceof Request ? input.url : input)}`);
};
