/**
 * What both providers' targets share: reading credentials from the environment, the three kinds of target built
 * around a provider's mock, and msw interception for the in-process mock (unhandled requests are errors, so
 * nothing can leak to the real provider). A provider supplies only its {@link ProviderTargets}.
 * @module
 */
import type { FetchLike } from '@esim-sandbox/core';
import { type StartServerOptions, startServer } from '@esim-sandbox/emulator';
import type { HttpHandler } from 'msw';
import { setupServer } from 'msw/node';
import type { ProviderName, SkippedTarget, Target, TargetKind } from '../runner/types.js';

export type Env = Record<string, string | undefined>;

export interface TargetOptions {
  /** Where credentials come from. Default `process.env`. */
  env?: Env;
  /**
   * live: the real base URL is the default; mock-http: the URL of a mock that is already running (none started).
   */
  baseUrl?: string;
  /** live: the fetch that reaches the provider (tests pass a fake; nothing real is ever called from tests). */
  fetch?: FetchLike;
}

/** `A and B are not set`, `B is not set`, or undefined when every variable has a value. */
export function missingEnv(env: Env, names: readonly string[]): string | undefined {
  const missing = names.filter((name) => !env[name]?.trim());
  if (missing.length === 0) return undefined;
  const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`;
  return `${list} ${missing.length === 1 ? 'is' : 'are'} not set`;
}

/** Late-bound, so msw (which patches the global fetch) intercepts it. */
export const globalFetch: FetchLike = (input, init) => globalThis.fetch(input, init);

/** Serves handlers in process until closed; a request no handler takes fails instead of going out. */
export function interceptWithMsw(handlers: readonly HttpHandler[]): { close(): void } {
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: 'error' });
  return { close: () => server.close() };
}

/** A provider's credentials: named strings (`{ accessCode, secretKey }`). */
export type Credentials<C> = { [K in keyof C]: string };

/** A provider's mock as a target uses it: its engine, and its default account's credentials under the same names. */
export type TargetMock<C> = C & {
  emulator: NonNullable<StartServerOptions['emulator']>;
  close(): Promise<void>;
};

/** What differs between the providers' targets: names, addresses and constructors, no logic. */
export interface ProviderTargets<C extends Credentials<C>, M extends TargetMock<C>> {
  provider: ProviderName;
  realBaseUrl: string;
  /** live: the environment variable each credential is read from. */
  liveEnv: { readonly [K in keyof C]: string };
  /** A mock someone already started (the playground, the mock's CLI): its CLI's variable for each credential… */
  runningMockEnv: { readonly [K in keyof C]: string };
  /** …and the demo account it serves when they are not set. */
  demoCredentials: C;
  createMock(): M;
  handlers(mock: M): HttpHandler[];
  /** Recordings drop the `secret` credential and show the `key` one as `placeholder` (see record/redact.ts). */
  redaction: { secret: keyof C; key: keyof C; placeholder: string };
}

type TargetParts<C> = Pick<Target<C>, 'baseUrl' | 'credentials' | 'fetch' | 'realMoney' | 'close'>;

const nothingToClose = async (): Promise<void> => {};

/** `{ field: read(variable) }` for every credential field of `variables`. */
function credentialsFrom<C>(
  variables: { readonly [K in keyof C]: string },
  read: (field: keyof C, name: string) => string,
): C {
  const entries = (Object.keys(variables) as (keyof C)[]).map((field) => [
    field,
    read(field, variables[field]),
  ]);
  return Object.fromEntries(entries) as C;
}

function liveParts<C extends Credentials<C>, M extends TargetMock<C>>(
  targets: ProviderTargets<C, M>,
  env: Env,
  options: TargetOptions,
): TargetParts<C> | { skipped: string } {
  const missing = missingEnv(env, Object.values(targets.liveEnv));
  if (missing) return { skipped: missing };
  return {
    baseUrl: options.baseUrl ?? targets.realBaseUrl,
    credentials: credentialsFrom(targets.liveEnv, (_, name) => env[name] ?? ''),
    fetch: options.fetch ?? globalFetch,
    realMoney: true,
    close: nothingToClose,
  };
}

/** A mock someone already runs: nothing to start or close. */
function runningMockParts<C extends Credentials<C>, M extends TargetMock<C>>(
  targets: ProviderTargets<C, M>,
  env: Env,
  baseUrl: string,
): TargetParts<C> {
  const credentials = credentialsFrom(targets.runningMockEnv, (field, name) => {
    return env[name] ?? targets.demoCredentials[field];
  });
  return { baseUrl, credentials, fetch: globalFetch, realMoney: false, close: nothingToClose };
}

async function mockParts<C extends Credentials<C>, M extends TargetMock<C>>(
  targets: ProviderTargets<C, M>,
  kind: TargetKind,
): Promise<TargetParts<C>> {
  const mock = targets.createMock();
  const credentials = credentialsFrom(targets.liveEnv, (field) => mock[field]);
  if (kind === 'mock-http') {
    const server = await startServer({ emulator: mock.emulator, port: 0 });
    return { baseUrl: server.url, credentials, fetch: globalFetch, realMoney: false, close: server.close };
  }
  const msw = interceptWithMsw(targets.handlers(mock));
  const close = async () => {
    msw.close();
    await mock.close();
  };
  return { baseUrl: targets.realBaseUrl, credentials, fetch: globalFetch, realMoney: false, close };
}

/**
 * live: the real API with the credentials from `liveEnv` (skipped when one is missing). mock-http: the mock
 * already running at `options.baseUrl`, else a fresh one on 127.0.0.1 (port 0). mock-inprocess: a fresh mock
 * through msw on the real base URL, so the client's default base URL is used.
 * @example
 * const target = await createTarget(esimAccessTargets, 'mock-http');
 * if (!('skipped' in target)) { const report = await runSuite(esimAccessSuite, target); await target.close(); }
 */
export async function createTarget<C extends Credentials<C>, M extends TargetMock<C>>(
  targets: ProviderTargets<C, M>,
  kind: TargetKind,
  options: TargetOptions = {},
): Promise<Target<C> | SkippedTarget> {
  const env = options.env ?? process.env;
  const made =
    kind === 'live'
      ? liveParts(targets, env, options)
      : kind === 'mock-http' && options.baseUrl
        ? runningMockParts(targets, env, options.baseUrl)
        : await mockParts(targets, kind);
  const { provider, redaction } = targets;
  if ('skipped' in made) return { provider, kind, skipped: made.skipped };
  const { credentials } = made;
  return {
    provider,
    kind,
    ...made,
    redaction: {
      secrets: [credentials[redaction.secret]],
      placeholders: { [credentials[redaction.key]]: redaction.placeholder },
    },
  };
}
