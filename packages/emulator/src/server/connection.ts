/**
 * @module
 * Who is calling: the server hands the socket's address to the app as its env; in-process and msw requests are
 * local by nature.
 */
import type { Readable } from 'node:stream';
import type { Context } from 'hono';

export interface ConnectionInfo {
  remoteAddress?: string | undefined;
  /**
   * The Node request (HTTP mode): the pipeline reads the body from it directly, which costs a fraction of reading it
   * through the web-stream Request built around it.
   */
  incoming?: Readable | undefined;
}

/** The caller's IP address: the socket's in HTTP mode, loopback in-process. IPv4-mapped IPv6 is unwrapped. */
export function clientAddress(c: Context): string {
  const address = (c.env as ConnectionInfo | undefined)?.remoteAddress;
  if (!address) return '127.0.0.1';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
