/**
 * @module
 * Where the command sends its calls: a running playground (its `/api/config` names both fakes) or one fake on its
 * own (its `/_sandbox/health` names the provider), found once from `--url`. Every call goes to a fake's `/_sandbox`
 * control API; its refusals become one-line {@link CliError}s with the fake's code.
 */
import { CliError, EXIT, usageError } from './errors.js';

export const PROVIDERS = ['esimaccess', 'iroamly'] as const;
export type Provider = (typeof PROVIDERS)[number];

/** The playground's default address (its DEFAULT_PORT; test/target.test.ts checks they agree). */
export const DEFAULT_URL = 'http://127.0.0.1:4700';
export const URL_ENV = 'ESIM_SANDBOX_URL';

export interface Target {
  url: string;
  kind: 'playground' | 'fake';
  /** Base URL of each fake the target has. */
  fakes: Partial<Record<Provider, string>>;
}

const TIMEOUT_MS = 10_000;

async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
  return { status: res.status, body: await res.json().catch(() => null) };
}

export async function resolveTarget(url: string): Promise<Target> {
  let base: string;
  try {
    base = new URL(url).origin;
  } catch {
    throw usageError(`--url: '${url}' is not a URL`);
  }
  try {
    const health = await getJson(`${base}/_sandbox/health`);
    const provider = (health.body as { provider?: unknown } | null)?.provider;
    if (health.status === 200 && PROVIDERS.includes(provider as Provider)) {
      return { url: base, kind: 'fake', fakes: { [provider as Provider]: base } };
    }
    const config = await getJson(`${base}/api/config`);
    const providers = (config.body as { providers?: Record<string, { baseUrl?: string }> } | null)?.providers;
    if (config.status === 200 && providers?.esimaccess?.baseUrl && providers.iroamly?.baseUrl) {
      return {
        url: base,
        kind: 'playground',
        fakes: { esimaccess: providers.esimaccess.baseUrl, iroamly: providers.iroamly.baseUrl },
      };
    }
  } catch (error) {
    const why =
      error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    throw new CliError(
      EXIT.UNREACHABLE,
      `nothing answers at ${base} (${why}): start one with \`esim-sandbox up\`, or pass --url / ${URL_ENV}`,
      { cause: error },
    );
  }
  throw new CliError(EXIT.UNREACHABLE, `${base} is neither an esim-sandbox playground nor a fake`);
}

export function fakeUrl(target: Target, provider: Provider): string {
  const base = target.fakes[provider];
  if (base) return base;
  const has = Object.keys(target.fakes).join(', ');
  throw usageError(`--provider ${provider}: the fake at ${target.url} is ${has}; pass --provider ${has}`);
}

interface ControlErrorBody {
  error?: { code?: string; message?: string; field?: string };
}

/** One `/_sandbox` call; a refusal throws with the fake's message and code (400 = bad input: exit 2). */
export async function control<T>(
  target: Target,
  provider: Provider,
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const url = `${fakeUrl(target, provider)}/_sandbox${path}`;
  const method = init.method ?? (init.body === undefined ? 'GET' : 'POST');
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  } catch (error) {
    throw new CliError(EXIT.UNREACHABLE, `${method} ${url}: no answer (${(error as Error).message})`, {
      cause: error,
    });
  }
  const body = (await res.json().catch(() => null)) as (T & ControlErrorBody) | null;
  if (res.ok) return body as T;
  const e = body?.error;
  const what = `${e?.message ?? `HTTP ${res.status}`}${e?.code ? ` (${e.code})` : ''}`;
  throw new CliError(res.status === 400 ? EXIT.USAGE : EXIT.REFUSED, `${provider}: ${what}`);
}

export const accountPath = (account: string) => `/accounts/${encodeURIComponent(account)}`;
