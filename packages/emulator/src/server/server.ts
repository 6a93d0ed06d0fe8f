/**
 * @module
 * HTTP mode: serves an emulator (or any fetch handler) on @hono/node-server. Binds 127.0.0.1 by default and refuses
 * a non-loopback address unless the emulator has a control token. A drop fault destroys the socket.
 */
import type { AddressInfo, Socket } from 'node:net';
import { type Http2Bindings, type HttpBindings, serve } from '@hono/node-server';
import { EmulatorError } from '../errors.js';
import type { ConnectionInfo } from '../http/connection.js';
import type { Emulator } from '../types/emulator.js';

export interface StartServerOptions {
  /** Serve this emulator (its fetch; close() also closes it). */
  emulator?: Pick<Emulator<unknown, unknown>, 'fetch' | 'close' | 'controlToken'>;
  /** Or any fetch handler (a `Response.error()` answer destroys the socket). */
  fetch?: (request: Request, conn?: ConnectionInfo) => Response | Promise<Response>;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 0 (a free port). */
  port?: number;
  /** Limits on slow and idle connections, in real ms (see {@link DEFAULT_SERVER_TIMEOUTS}). */
  timeouts?: Partial<ServerTimeouts>;
}

export interface ServerTimeouts {
  /** To receive a request's headers, counted from the connection or the previous answer. */
  headersMs: number;
  /** To receive a whole request, body included (not to answer it: an advance may wait on webhooks longer). */
  requestMs: number;
  /** An idle kept-alive connection is closed after this. */
  keepAliveMs: number;
}

/**
 * Generous for any client on a working network, short enough that connections which never send a byte (or send
 * headers a byte at a time) cannot pile up: Node checks them every second.
 */
export const DEFAULT_SERVER_TIMEOUTS: ServerTimeouts = {
  headersMs: 10_000,
  requestMs: 30_000,
  keepAliveMs: 5_000,
};

export interface RunningServer {
  /** `http://HOST:PORT` (IPv6 hosts in brackets). */
  url: string;
  host: string;
  port: number;
  /** Stops accepting, waits for in-flight requests, then closes the emulator (timers, last save). */
  close(): Promise<void>;
}

/**
 * Node's own headers timeout only counts from the first byte: a connection that never sends one would stay open
 * for ever (a thousand of them starve new clients). One that has not delivered a whole request's headers within
 * `headersMs` is closed.
 */
function closeSilentConnections(server: ReturnType<typeof serve>, headersMs: number): void {
  const served = new WeakSet<object>();
  server.on('request', (req: { socket: object }) => served.add(req.socket));
  server.on('connection', (socket: Socket) => {
    const timer = setTimeout(() => {
      if (!served.has(socket)) socket.destroy();
    }, headersMs);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
  });
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/**
 * @example
 * const server = await startServer({ emulator, port: 0 });
 * console.log(server.url); await server.close();
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const handler = options.emulator
    ? (r: Request, conn?: ConnectionInfo) => options.emulator!.fetch(r, conn)
    : options.fetch;
  // Only the emulator gets Node's response: any other handler may wrap or replace the answer it returns.
  const owned = options.emulator !== undefined;
  if (!handler)
    throw new EmulatorError('INVALID_ARGUMENT', 'startServer needs an emulator or a fetch handler');
  if (options.emulator && !isLoopback(host) && !options.emulator.controlToken) {
    throw new EmulatorError(
      'CONTROL_TOKEN_REQUIRED',
      `binding to ${host} exposes the control API beyond this machine: set a control token (--control-token)`,
      { field: 'controlToken' },
    );
  }
  const timeouts = { ...DEFAULT_SERVER_TIMEOUTS, ...options.timeouts };
  const server = serve({
    serverOptions: {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      // How often Node looks for connections past headersMs / requestMs (its default is 30 s).
      connectionsCheckingInterval: Math.min(1_000, Math.max(10, Math.floor(timeouts.headersMs / 4))),
    },
    // The default swaps the global Request/Response for lightweight ones, which breaks Response.error() (msw
    // drop faults) and instanceof checks elsewhere in the same process.
    overrideGlobalObjects: false,
    hostname: host,
    port: options.port ?? 0,
    fetch: async (request: Request, env: HttpBindings | Http2Bindings) => {
      const conn: ConnectionInfo = {
        remoteAddress: env.incoming.socket.remoteAddress,
        incoming: env.incoming,
      };
      if (owned) conn.outgoing = env.outgoing;
      const res = await handler(request, conn);
      if (res.type === 'error') {
        env.incoming.socket.destroy();
        return new Response(null, { status: 500 });
      }
      return res;
    },
  });
  closeSilentConnections(server, timeouts.headersMs);
  await new Promise<void>((resolve, reject) => {
    if (server.listening) return resolve();
    server.once('listening', () => resolve());
    server.once('error', (err: NodeJS.ErrnoException) => {
      const why = err.code === 'EADDRINUSE' ? 'the port is in use' : err.message;
      reject(new EmulatorError('INVALID_ARGUMENT', `cannot listen on ${host}:${options.port ?? 0}: ${why}`));
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    host,
    port,
    close: () => {
      closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          if ('closeIdleConnections' in server) server.closeIdleConnections();
          // A client holding a keep-alive connection open must not block shutdown forever.
          setTimeout(() => {
            if ('closeAllConnections' in server) server.closeAllConnections();
          }, 2_000).unref();
        });
        await options.emulator?.close();
      })();
      return closing;
    },
  };
}
