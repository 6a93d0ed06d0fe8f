/**
 * @module
 * Serves an emulator for a test suite in one of two modes: msw on the provider's real base URL (the code under test
 * changes nothing) or a real HTTP server on a free loopback port (the code under test gets `baseUrl`).
 */
import type { HttpHandler } from 'msw';
import { createMswHandlers } from '../server/msw.js';
import { startServer } from '../server/server.js';
import type { Emulator } from '../types/emulator.js';
import { HarnessError } from './errors.js';
import { attachMswHandlers, joinMswServer, type MswServer } from './msw.js';

export type FakeMode = 'msw' | 'http';

export const FAKE_MODES: readonly FakeMode[] = ['msw', 'http'];

export interface ServedEmulator {
  mode: FakeMode;
  /** The provider's real base URL (msw) or `http://127.0.0.1:PORT` (http). */
  baseUrl: string;
  /** msw handlers for the emulator on the real base URL, for a suite that runs its own msw server. */
  handlers: HttpHandler[];
  /** Stops serving and closes the emulator. */
  close(): Promise<void>;
}

export interface ServeOptions {
  mode: FakeMode;
  /** The provider's production base URL, intercepted in msw mode. */
  realBaseUrl: string;
  /** msw mode only: the suite's own msw server, which the handlers join instead of the shared one. */
  server?: MswServer | undefined;
}

/**
 * @example
 * const served = await serveEmulator(mock.emulator, { mode: 'http', realBaseUrl: 'https://api.esimaccess.com' });
 * // served.baseUrl === 'http://127.0.0.1:54321'
 * await served.close();
 */
export async function serveEmulator(
  emulator: Pick<Emulator<unknown, unknown>, 'fetch' | 'close' | 'controlToken'>,
  options: ServeOptions,
): Promise<ServedEmulator> {
  const baseUrl = options.realBaseUrl.replace(/\/+$/, '');
  let closed = false;
  const handlers = createMswHandlers((request) => {
    if (closed) {
      throw new HarnessError(
        'CLOSED',
        `${request.method} ${request.url}: the fake serving ${baseUrl} was closed`,
      );
    }
    return emulator.fetch(request);
  }, options.realBaseUrl);
  if (options.server !== undefined && options.mode !== 'msw') {
    throw new HarnessError('INVALID_OPTION', `server: your msw server only serves the fake in mode 'msw'`, {
      field: 'server',
    });
  }
  if (options.mode === 'msw') {
    const detach = options.server ? joinMswServer(options.server, handlers) : attachMswHandlers(handlers);
    return {
      mode: 'msw',
      baseUrl,
      handlers,
      close: async () => {
        closed = true;
        detach();
        await emulator.close();
      },
    };
  }
  if (options.mode === 'http') {
    const server = await startServer({ emulator });
    return { mode: 'http', baseUrl: server.url, handlers, close: () => server.close() };
  }
  throw new HarnessError('INVALID_OPTION', `mode: must be one of ${FAKE_MODES.join(', ')}`, {
    field: 'mode',
  });
}
