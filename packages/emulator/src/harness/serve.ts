/**
 * @module
 * Serves an emulator for a test suite in one of two modes: msw on the provider's real base URL (the code under test
 * changes nothing) or a real HTTP server on a free loopback port (the code under test gets `baseUrl`).
 */
import type { HttpHandler } from 'msw';
import type { Emulator } from '../emulator/create.js';
import { createMswHandlers } from '../server/msw.js';
import { startServer } from '../server/server.js';
import { HarnessError } from './errors.js';
import { attachMswHandlers } from './msw.js';

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
  const handlers = createMswHandlers(emulator.fetch, options.realBaseUrl);
  if (options.mode === 'msw') {
    const detach = attachMswHandlers(handlers);
    return {
      mode: 'msw',
      baseUrl: options.realBaseUrl.replace(/\/+$/, ''),
      handlers,
      close: async () => {
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
