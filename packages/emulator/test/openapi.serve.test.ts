/**
 * Serving the documents: the provider's at /openapi.json and /docs, the control API's under /_sandbox, with no
 * credentials, no journal entry, each document built once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createEmulator, type ProviderDefinition, type RunningServer, startServer } from '../src/index.js';
import { type CounterState, counterProvider, START } from './fixtures/counter-provider.js';

type Params = { start?: number };

/** Test data standing for a provider's generated document. */
const providerDocument = {
  openapi: '3.1.0',
  info: { title: 'Counter API', version: '1' },
  paths: {
    '/api/count': {
      get: {
        operationId: 'getCount',
        summary: 'Read the counter',
        responses: { '200': { description: 'ok' } },
      },
    },
    '/api/count/increment': {
      post: { operationId: 'increment', summary: 'Add one', responses: { '200': { description: 'ok' } } },
    },
  },
};

function make(options: { document?: boolean; controlToken?: string } = {}) {
  let built = 0;
  const provider: ProviderDefinition<CounterState, Params> = {
    ...counterProvider,
    ...(options.document === false
      ? {}
      : {
          openapi: {
            document: () => {
              built++;
              return structuredClone(providerDocument);
            },
          },
        }),
  };
  const emu = createEmulator(provider, {
    clock: 'manual',
    startTime: START,
    account: { key: 'key-1', secret: 'secret-1' },
    logger: { error: () => {} },
    ...(options.controlToken ? { controlToken: options.controlToken } : {}),
  });
  return { emu, built: () => built };
}

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the provider document', () => {
  it('is served as given at /openapi.json, without credentials and without a journal entry', async () => {
    const { emu } = make();
    const res = await emu.request('/openapi.json');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(providerDocument);
    const docs = await emu.request('/docs');
    expect(docs.status).toBe(200);
    expect(emu.accounts().flatMap((t) => t.journal.list())).toEqual([]);
  });

  it('is rendered at /docs as an HTML page naming every operation', async () => {
    const { emu } = make();
    const res = await emu.request('/docs');
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    for (const text of ['Counter API', 'getCount', '/api/count', 'increment', '/api/count/increment']) {
      expect(html).toContain(text);
    }
  });

  it('is built once, however often it is asked for', async () => {
    const { emu, built } = make();
    for (let i = 0; i < 3; i++) {
      await emu.request('/openapi.json');
      await emu.request('/docs');
    }
    expect(built()).toBe(1);
  });

  it('leaves /openapi.json to the provider when it has no document', async () => {
    const { emu } = make({ document: false });
    const res = await emu.request('/openapi.json');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ code: 'BAD_KEY' });
    expect(emu.defaultAccount.journal.list().map((e) => e.path)).toEqual(['/openapi.json']);
  });
});

describe('the control document', () => {
  it('is served without the control token, while the rest of /_sandbox still needs it', async () => {
    const { emu } = make({ controlToken: 'control-token-0001' });
    expect((await emu.request('/_sandbox/health')).status).toBe(401);
    const json = await emu.request('/_sandbox/openapi.json');
    expect(json.status).toBe(200);
    expect(await json.json()).toMatchObject({
      openapi: '3.1.0',
      info: { title: 'counter sandbox control API' },
    });
    const html = await emu.request('/_sandbox/docs');
    expect(html.status).toBe(200);
    expect(await html.text()).toContain('/_sandbox/accounts/{account}/clock/advance');
  });

  it('is served over HTTP by the engine server as well', async () => {
    const { emu } = make();
    server = await startServer({ emulator: emu, port: 0 });
    const res = await fetch(`${server.url}/_sandbox/docs`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^<!doctype html>/);
    const doc = await fetch(`${server.url}/openapi.json`);
    expect(await doc.json()).toEqual(providerDocument);
  });
});
