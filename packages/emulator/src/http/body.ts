/**
 * @module
 * Request bodies read with a size limit, for the provider pipeline and the control API alike. A declared
 * `Content-Length` over the limit is refused before a byte is read; a body without one (chunked) is counted as it
 * arrives and abandoned at the first chunk past the limit. What was not read is drained and discarded by
 * @hono/node-server once the answer is sent (it closes the socket after 500 ms or 64 MB of leftovers), so an
 * oversized body never sits in memory.
 *
 * In HTTP mode the body comes straight from the Node request: @hono/node-server would otherwise build a web Request
 * with two web streams around it, which cost more than the rest of a small request's handling. The bytes read are
 * left on the Node request as `rawBody`, which @hono/node-server reads the web body from (its support for servers
 * that read bodies first), so `c.req.text()` / `c.req.json()` still work in routes without touching Hono's
 * internals. In-process and msw requests are read through `c.req.text()` itself (Hono caches it).
 */
import type { Context } from 'hono';
import type { ConnectionInfo } from './connection.js';

/** Provider requests: 1 MiB, far above the largest legitimate one (an order of 30 packages is a few KB). */
export const DEFAULT_MAX_BODY_BYTES = 1_048_576;
/** Control API: 64 MiB, room for restoring a snapshot of tens of thousands of profiles. */
export const DEFAULT_MAX_CONTROL_BODY_BYTES = 64 * 1_048_576;

/** The body as text, or undefined when it is larger than `limit` bytes (then it is not kept). */
export async function readBodyText(c: Context, limit: number): Promise<string | undefined> {
  const incoming = (c.env as ConnectionInfo | undefined)?.incoming;
  // Node's parsed headers when there are some: the web Headers of an HTTP request cost more than a small request.
  const length = incoming?.headersDistinct?.['content-length']?.[0] ?? c.req.header('content-length');
  if (Number(length) > limit) return undefined;
  if (incoming && !incoming.readableEnded) {
    const bytes = await readNode(incoming, limit);
    if (bytes === undefined) return undefined;
    incoming.rawBody = bytes;
    return bytes.toString('utf8');
  }
  // The caller's own code built this request (in process, msw): its body is already in memory.
  const text = await c.req.text();
  return Buffer.byteLength(text) > limit ? undefined : text;
}

type Incoming = NonNullable<ConnectionInfo['incoming']> & { [READING]?: Reading | undefined };

/** A body being read: plain data on the request, so the listeners below are shared, not closures per request. */
interface Reading {
  chunks: Buffer[];
  size: number;
  limit: number;
  resolve(bytes: Buffer | undefined): void;
  reject(err: unknown): void;
}

const READING = Symbol('esimSandbox.reading');

function readNode(incoming: Incoming, limit: number): Promise<Buffer | undefined> {
  return new Promise<Buffer | undefined>((resolve, reject) => {
    incoming[READING] = { chunks: [], size: 0, limit, resolve, reject };
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
  });
}

function stop(incoming: Incoming): Reading {
  const reading = incoming[READING]!;
  incoming[READING] = undefined;
  incoming.off('data', onData);
  incoming.off('end', onEnd);
  incoming.off('error', onError);
  return reading;
}

function onData(this: Incoming, chunk: Buffer): void {
  const reading = this[READING]!;
  reading.size += chunk.length;
  if (reading.size > reading.limit) {
    stop(this);
    // Paused until the answer is out; the server then drains the rest without keeping it.
    this.pause();
    reading.resolve(undefined);
    return;
  }
  reading.chunks.push(chunk);
}

function onEnd(this: Incoming): void {
  const { chunks, resolve } = stop(this);
  resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
}

function onError(this: Incoming, err: unknown): void {
  stop(this).reject(err);
}
