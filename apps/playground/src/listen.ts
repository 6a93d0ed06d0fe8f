/**
 * @module
 * One way to bind a fetch handler to a loopback port, with a clear error naming the flag when the port is taken,
 * and a close() that also ends open event streams (they would otherwise keep the server alive).
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { PlaygroundError } from './errors.js';

export interface Listening {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface ListenOptions {
  host: string;
  port: number;
  /** The flag that sets this port, named in the error when it is busy. */
  flag: string;
}

export async function listen(
  /** `env` carries the Node request (`incoming`): the browser guard checks only requests that came over a socket. */
  fetch: (request: Request, env?: unknown) => Response | Promise<Response>,
  options: ListenOptions,
): Promise<Listening> {
  // overrideGlobalObjects: false keeps the real global Response (see the emulator's startServer).
  const server = serve({ fetch, hostname: options.host, port: options.port, overrideGlobalObjects: false });
  await new Promise<void>((resolve, reject) => {
    if (server.listening) return resolve();
    server.once('listening', () => resolve());
    server.once('error', (err: NodeJS.ErrnoException) => {
      const message =
        err.code === 'EADDRINUSE'
          ? `port ${options.port} on ${options.host} is in use (another playground?): pass ${options.flag} N, or ${options.flag} 0 for a free one`
          : `cannot listen on ${options.host}:${options.port}: ${err.message}`;
      reject(
        new PlaygroundError(err.code === 'EADDRINUSE' ? 'PORT_IN_USE' : 'INVALID_ARGUMENT', message, {
          field: options.flag,
          cause: err,
        }),
      );
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      return closing;
    },
  };
}
