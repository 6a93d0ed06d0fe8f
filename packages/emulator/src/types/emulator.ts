/**
 * @module
 * The handle `createEmulator` returns, as the server, the msw glue and the test harness use it.
 */
import type { Hono } from 'hono';
import type { ConnectionInfo } from '../http/connection.js';
import type { Tenant } from '../tenants/tenant.js';
import type { Logger } from './provider.js';

export interface Emulator<S, P = unknown> {
  readonly name: string;
  /** Root Hono app: /_sandbox control API, public routes, provider pipeline. Prefer `fetch` (it maps drop faults). */
  readonly app: Hono;
  /** The fetch handler for servers and msw: a drop fault becomes a network error (`Response.error()`). */
  fetch(request: Request, conn?: ConnectionInfo): Promise<Response>;
  /** In-process request: a path ('/api/...') or a full URL. */
  request(input: string | URL, init?: RequestInit): Promise<Response>;
  readonly defaultAccount: Tenant<S, P>;
  /** By id (= key) or 'default'; throws EmulatorError UNKNOWN_ACCOUNT. */
  account(id?: string): Tenant<S, P>;
  /** By key, undefined when unknown (for `authenticate`). */
  findAccount(key: string): Tenant<S, P> | undefined;
  accounts(): Tenant<S, P>[];
  /** A fresh account with generated (or given) credentials. Throws ACCOUNT_EXISTS for a taken key. */
  createAccount(options?: { key?: string; secret?: string; params?: P }): Tenant<S, P>;
  /** Removes a non-default account and its pending work. Throws UNKNOWN_ACCOUNT / INVALID_ARGUMENT (default). */
  deleteAccount(id: string): void;
  /** Saves the state file now if anything changed (no-op without a state file). */
  persist(): Promise<void>;
  /** Resolves when running tasks, timer firings and saves have finished. */
  idle(): Promise<void>;
  /** Stops the timer and waits for in-flight work. */
  close(): Promise<void>;
  readonly controlToken: string | undefined;
  readonly stateFile: string | undefined;
  readonly logger: Logger;
}
