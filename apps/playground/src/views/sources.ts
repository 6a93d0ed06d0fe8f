/**
 * @module
 * A provider as the dashboard sees it: a base URL and its `/_sandbox` control API. The same shape for a fake this
 * process runs (requests go straight to its fetch handler, and its journal and webhook log wake the dashboard)
 * and for an external fake given by URL (plain HTTP, polled).
 */
import type { Emulator } from '@esim-sandbox/emulator';
import { PlaygroundError } from '../errors.js';

export type ProviderName = 'esimaccess' | 'iroamly';

export const PROVIDER_LABELS: Record<ProviderName, string> = {
  esimaccess: 'eSIM Access',
  iroamly: 'iRoamly',
};

export interface Credentials {
  key: string;
  secret: string;
}

export interface ProviderSource {
  readonly provider: ProviderName;
  /** Where clients reach the fake, e.g. `http://127.0.0.1:4701`. */
  readonly baseUrl: string;
  /** True when the fake runs elsewhere (`--esimaccess-url`). */
  readonly external: boolean;
  /** The default account's credentials when this process knows them. */
  readonly credentials: Credentials | undefined;
  /** Any request to the fake, by path (`/qrcode/x.png`, `/_sandbox/health`). */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** Calls `onChange` on every request or webhook event of any account; a no-op for external fakes. */
  watch(onChange: () => void): () => void;
  close(): Promise<void>;
}

type AnyEmulator = Pick<Emulator<unknown, unknown>, 'accounts' | 'fetch'>;

/** Wakes the dashboard on journal and webhook activity, including accounts created later. */
export function watchEmulator(emulator: AnyEmulator, onChange: () => void, scanMs = 500): () => void {
  const seen = new Map<string, () => void>();
  const scan = () => {
    let added = false;
    for (const tenant of emulator.accounts()) {
      if (seen.has(tenant.id)) continue;
      const offJournal = tenant.journal.subscribe(onChange);
      const offWebhooks = tenant.webhooks.subscribe(onChange);
      seen.set(tenant.id, () => {
        offJournal();
        offWebhooks();
      });
      added = true;
    }
    if (added) onChange();
  };
  scan();
  const timer = setInterval(scan, scanMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    for (const off of seen.values()) off();
  };
}

export function inProcessSource(init: {
  provider: ProviderName;
  baseUrl: string;
  credentials: Credentials;
  emulator: AnyEmulator;
  close(): Promise<void>;
}): ProviderSource {
  return {
    provider: init.provider,
    baseUrl: init.baseUrl,
    external: false,
    credentials: init.credentials,
    // The real base URL, so links the fake renders from the request's origin (QR images) are right.
    request: (path, options) => init.emulator.fetch(new Request(new URL(path, init.baseUrl), options)),
    watch: (onChange) => watchEmulator(init.emulator, onChange),
    close: init.close,
  };
}

/** An external fake: checks that it answers and is the provider it should be. */
export async function externalSource(
  provider: ProviderName,
  baseUrl: string,
  flag: string,
  credentials?: Credentials,
): Promise<ProviderSource> {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new PlaygroundError('INVALID_ARGUMENT', `${flag}: not a URL: ${baseUrl}`, { field: flag });
  }
  const base = url.origin;
  const request = (path: string, init?: RequestInit) => fetch(new URL(path, base), init);
  let health: { provider?: unknown };
  try {
    const res = await request('/_sandbox/health');
    health = (await res.json()) as { provider?: unknown };
  } catch (error) {
    throw new PlaygroundError(
      'UNREACHABLE',
      `${flag}: no esim-sandbox fake answers at ${base}/_sandbox/health`,
      {
        field: flag,
        cause: error,
      },
    );
  }
  if (health.provider !== provider) {
    throw new PlaygroundError(
      'UNREACHABLE',
      `${flag}: the fake at ${base} is '${String(health.provider)}', not '${provider}'`,
      { field: flag },
    );
  }
  return {
    provider,
    baseUrl: base,
    external: true,
    credentials,
    request,
    watch: () => () => {},
    close: async () => {},
  };
}

/** A `/_sandbox` call that must succeed; the error names the route and carries the fake's message. */
export async function controlJson<T>(source: ProviderSource, path: string, init?: RequestInit): Promise<T> {
  const res = await source.request(`/_sandbox${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...init?.headers },
  });
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!res.ok) {
    const why = body?.error?.message ?? `HTTP ${res.status}`;
    throw new PlaygroundError(
      'CONTROL_FAILED',
      `${source.provider} ${init?.method ?? 'GET'} /_sandbox${path}: ${why}`,
    );
  }
  return body as T;
}
