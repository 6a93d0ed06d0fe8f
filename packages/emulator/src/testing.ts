/**
 * @module
 * Test helpers for provider layers (subpath `@esim-sandbox/emulator/testing`): a real local webhook receiver, the
 * harness the fakes' own `testing` entry points are built on, and the conformance kit their own tests share.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

// The conformance kit a fake built on the engine runs (CLI, control routes, indexes, state refusals)

export { checkBanner, cliConformance, linesDuring } from './conformance/cli.js';
export {
  type ControlTarget,
  checkControlDocument,
  controlRoutes,
  describeControlRoutes,
  fuzzControlRoutes,
} from './conformance/control-fuzz.js';
export { checkDocsLinkControl, checkRootIndex, checkSandboxIndex } from './conformance/indexes.js';
export { describeOwnMswServer } from './conformance/own-msw.js';
export { checkRestoreRefused, checkStateFileRefused, type StateBreak } from './conformance/state.js';

// The harness the fakes' own `testing` entry points are built on

export {
  HarnessError,
  /** @public Both fakes' testing entries re-export it with HarnessError. */
  type HarnessErrorCode,
} from './harness/errors.js';
export { type Fake, type FakeDefinition, type FakeOptions, startFake, useFake } from './harness/fake.js';
export { type HookCallback, resolveTestHooks, type TestHooks } from './harness/hooks.js';
export { attachMswHandlers } from './harness/msw.js';
export { type FakeMode, serveEmulator } from './harness/serve.js';
export { type FakeSuite, registerFakeSuite, trackAccounts } from './harness/suite.js';

// Invariants a reseller asserts after a run; the fakes' testing entries add their providers' own

export {
  expectWebhooksAppliedOnce,
  InvariantError,
  type InvariantViolation,
  throwIfViolated,
  webhookApplicationViolations,
} from './testing/invariants.js';

// A real local webhook receiver

export interface ReceivedWebhook {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The exact body text. */
  body: string;
  /** Parsed JSON, or undefined when the body is not JSON. */
  json: unknown;
}

export interface WebhookReceiver {
  /** e.g. http://127.0.0.1:54321/hook */
  url: string;
  received: ReceivedWebhook[];
  /** Status to answer from now on (default 200). */
  respondWith(status: number): void;
  /** Answers with each status once, in order, then falls back to respondWith's. */
  respondSequence(statuses: number[]): void;
  close(): Promise<void>;
}

/**
 * A node:http receiver on 127.0.0.1, port 0.
 * @example
 * const hook = await startWebhookReceiver();
 * tenant.webhooks.setUrl(hook.url);
 * afterEach(() => hook.close());
 */
export async function startWebhookReceiver(path = '/hook'): Promise<WebhookReceiver> {
  let status = 200;
  const sequence: number[] = [];
  const received: ReceivedWebhook[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
      received.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, json });
      res.writeHead(sequence.shift() ?? status, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    respondWith: (s) => {
      status = s;
    },
    respondSequence: (s) => {
      sequence.push(...s);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
