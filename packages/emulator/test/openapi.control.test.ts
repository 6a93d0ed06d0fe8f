/**
 * The control API's document: generated from the engine's route table and the provider's, valid OpenAPI 3.1, and in
 * step with the routes the control app really serves, both ways.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import type { Env } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type AccountEnv,
  controlRoute,
  createEmulator,
  documentedRoutes,
  mountControlRoutes,
  type ProviderDefinition,
  servedRoutes,
} from '../src/index.js';
import { type CounterState, counterProvider, START } from './fixtures/counter-provider.js';

type Params = { start?: number };
const route = controlRoute<AccountEnv<CounterState, Params>>();
const labelSchema = z.strictObject({ label: z.string().min(1).max(20) });

const accountRoutes = [
  route({
    method: 'put',
    path: '/label',
    summary: 'Set the label',
    body: labelSchema,
    response: { description: '`{ label }`' },
    handle: (c, { body }) => {
      c.var.tenant.state.label = body.label;
      return c.json({ label: body.label });
    },
  }),
  route({
    method: 'get',
    path: '/label',
    summary: 'The label',
    query: z.object({ case: z.enum(['upper', 'lower']).optional() }),
    response: { description: '`{ label }`' },
    handle: (c, { query }) => {
      const { label } = c.var.tenant.state;
      return c.json({ label: query.case === 'upper' ? label.toUpperCase() : label });
    },
  }),
];
const globalRoutes = [
  controlRoute<Env>()({
    method: 'get',
    path: '/units',
    summary: 'Units',
    response: { description: '`{ units }`' },
    handle: (c) => c.json({ units: ['count'] }),
  }),
];

const documented: ProviderDefinition<CounterState, Params> = {
  ...counterProvider,
  controlRoutes: (app) => mountControlRoutes(app, accountRoutes),
  globalControlRoutes: (app) => mountControlRoutes(app, globalRoutes),
  openapi: { controlRoutes: { account: accountRoutes, global: globalRoutes } },
};

const make = (provider = documented) =>
  createEmulator(provider, {
    clock: 'manual',
    startTime: START,
    account: { key: 'key-1', secret: 'secret-1' },
  });

async function controlDocument(emu: ReturnType<typeof make>) {
  const res = await emu.request('/_sandbox/openapi.json');
  expect(res.status).toBe(200);
  return (await res.json()) as {
    info: { title: string };
    paths: Record<string, Record<string, Record<string, unknown>>>;
  };
}

const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
const controlRoutes = (emu: ReturnType<typeof make>) =>
  servedRoutes(emu.app)
    .filter((r) => r.path.startsWith('/_sandbox'))
    .map(key);

describe('the control document', () => {
  it('is a valid OpenAPI 3.1 document whose every $ref resolves', async () => {
    const validator = new Validator();
    const result = await validator.validate(
      (await controlDocument(make())) as unknown as Record<string, unknown>,
    );
    expect(result.errors).toBeUndefined();
    expect(validator.version).toBe('3.1');
    expect(() => validator.resolveRefs()).not.toThrow();
  });

  it('documents every /_sandbox route served, engine and provider, and serves every documented one', async () => {
    const emu = make();
    const doc = await controlDocument(emu);
    expect(controlRoutes(emu)).toEqual(documentedRoutes(doc).map(key));
    expect(controlRoutes(emu)).toEqual(
      expect.arrayContaining([
        'GET /_sandbox/units',
        'PUT /_sandbox/accounts/{account}/label',
        'POST /_sandbox/accounts/{account}/clock/advance',
      ]),
    );
  });

  it('shows a provider route registered without a table entry as undocumented', async () => {
    // The plain counter provider registers /units and /labels/:n by hand, with no description.
    const emu = make(counterProvider);
    const doc = documentedRoutes(await controlDocument(emu)).map(key);
    expect(controlRoutes(emu).filter((r) => !doc.includes(r))).toEqual([
      'GET /_sandbox/accounts/{account}/labels/{n}',
      'GET /_sandbox/units',
    ]);
  });

  it('converts body and query schemas from zod, input side', async () => {
    const doc = await controlDocument(make());
    const put = doc.paths['/_sandbox/accounts/{account}/label']!.put!;
    expect(put.requestBody).toEqual({
      required: true,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: { label: { type: 'string', minLength: 1, maxLength: 20 } },
            required: ['label'],
            additionalProperties: false,
          },
        },
      },
    });
    const journal = doc.paths['/_sandbox/accounts/{account}/journal']!.get!;
    expect((journal.parameters as { name: string; in: string }[]).map((p) => `${p.in}:${p.name}`)).toEqual([
      'path:account',
      'query:method',
      'query:path',
      'query:status',
      'query:providerCode',
      'query:since',
      'query:limit',
    ]);
    // zod's startsWith leaves a pattern and a non-standard format: only the pattern is kept.
    const fault = doc.paths['/_sandbox/accounts/{account}/faults']!.post!.requestBody as {
      content: { 'application/json': { schema: { properties: { path: Record<string, unknown> } } } };
    };
    expect(fault.content['application/json'].schema.properties.path).toEqual({
      type: 'string',
      pattern: '^\\/.*',
    });
  });

  it('lists the answers each route can give: its own, bad input, control token, unknown account', async () => {
    const doc = await controlDocument(make());
    const statuses = (path: string, method: string) =>
      Object.keys(doc.paths[path]![method]!.responses as object);
    expect(statuses('/_sandbox/accounts', 'post')).toEqual(['201', '400', '401', '409']);
    expect(statuses('/_sandbox/accounts/{account}/faults/{id}', 'delete')).toEqual(['200', '401', '404']);
    expect(statuses('/_sandbox/health', 'get')).toEqual(['200', '401']);
    expect(doc.paths['/_sandbox/docs']!.get!.security).toEqual([]);
    expect(doc.info.title).toBe('counter sandbox control API');
  });
});

describe('table-driven control routes', () => {
  it('validate the body with the entry schema: 400 naming the field, nothing changed', async () => {
    const emu = make();
    const before = emu.defaultAccount.state.label;
    const res = await emu.request('/_sandbox/accounts/default/label', {
      method: 'PUT',
      body: JSON.stringify({ label: '' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'INVALID_ARGUMENT', field: 'label' } });
    expect(emu.defaultAccount.state.label).toBe(before);
  });

  it('hand the handler the parsed body and query', async () => {
    const emu = make();
    const put = await emu.request('/_sandbox/accounts/default/label', {
      method: 'PUT',
      body: JSON.stringify({ label: 'mine' }),
    });
    expect(await put.json()).toEqual({ label: 'mine' });
    const get = await emu.request('/_sandbox/accounts/default/label?case=upper');
    expect(await get.json()).toEqual({ label: 'MINE' });
    const bad = await emu.request('/_sandbox/accounts/default/label?case=title');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { field: 'case' } });
  });
});
