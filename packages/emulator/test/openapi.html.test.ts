/**
 * The reference page rendered from a document: grouped operations, schema tables, error codes, webhooks, escaping,
 * and nothing fetched from elsewhere.
 */
import { describe, expect, it } from 'vitest';
import { renderApiReference } from '../src/index.js';

const doc = {
  openapi: '3.1.0',
  info: { title: 'Shop <API>', version: '2', description: 'Money is in `cents`.' },
  servers: [{ url: 'https://api.shop.test', description: 'production' }],
  tags: [{ name: 'orders', description: 'Buying.' }, { name: 'catalog' }],
  paths: {
    '/items': {
      get: {
        operationId: 'listItems',
        summary: 'List items',
        tags: ['catalog'],
        security: [],
        responses: {},
      },
    },
    '/orders': {
      post: {
        operationId: 'createOrder',
        summary: 'Create an order',
        description: 'Sends <script>alert(1)</script> nowhere.',
        tags: ['orders'],
        parameters: [{ $ref: '#/components/parameters/Stamp' }],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/OrderRequest' } } },
        },
        responses: {
          '200': {
            description: 'The order or an error.',
            content: {
              'application/json': {
                schema: {
                  oneOf: [{ $ref: '#/components/schemas/Order' }, { $ref: '#/components/schemas/Failure' }],
                },
              },
            },
          },
        },
      },
    },
  },
  webhooks: {
    ORDER_DONE: {
      post: { operationId: 'orderDone', summary: 'An order is done', tags: ['hooks'], responses: {} },
    },
  },
  components: {
    parameters: { Stamp: { name: 'X-Stamp', in: 'header', required: true, description: 'Milliseconds.' } },
    schemas: {
      OrderRequest: {
        type: 'object',
        properties: {
          sku: { type: 'string', minLength: 1, maxLength: 9 },
          count: { type: 'integer', minimum: 1, maximum: 9007199254740991 },
          lines: { type: 'array', items: { $ref: '#/components/schemas/Order' } },
        },
        required: ['sku'],
      },
      Order: { type: 'object', properties: { id: { type: ['string', 'null'] } } },
      Failure: {
        type: 'object',
        properties: { code: { type: 'string', enum: ['E1', 'E2'] } },
        'x-error-codes': [
          { code: 'E1', meaning: 'Out of stock', kind: 'state', retryable: false },
          { code: 'E2', meaning: 'Busy', kind: 'server', retryable: true, unofficial: true },
        ],
      },
    },
    securitySchemes: { Key: { type: 'apiKey', in: 'header', name: 'X-Key', description: 'Your key.' } },
  },
  security: [{ Key: [] }],
  'x-error-codes': [{ code: 'E1', meaning: 'Out of stock', kind: 'state', retryable: false }],
};

const html = renderApiReference(doc, { jsonUrl: '/openapi.json' });
const text = (pattern: RegExp) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .match(pattern);

describe('the API reference page', () => {
  it('groups operations under the document tags, in the document order, with their method and path', () => {
    expect(html.indexOf('id="tag-orders"')).toBeLessThan(html.indexOf('id="tag-catalog"'));
    expect(html.indexOf('id="op-createOrder"')).toBeLessThan(html.indexOf('id="op-listItems"'));
    expect(html).toContain('<span class="method post">post</span><code>/orders</code>');
    expect(html).toContain('<span class="method get">get</span><code>/items</code>');
  });

  it('escapes what the document says instead of running it', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<title>Shop &lt;API&gt;</title>');
    expect(html).toContain('Money is in <code>cents</code>.');
  });

  it('shows parameters, the request body as a table and the response types as links', () => {
    expect(text(/X-Stamp required header any Milliseconds\./)).not.toBeNull();
    expect(text(/sku required string min length 1 , max length 9/)).not.toBeNull();
    expect(text(/count integer min 1 /)).not.toBeNull();
    expect(html).not.toContain('9007199254740991</code>');
    expect(html).toContain('array of <a href="#schema-Order">Order</a>');
    expect(html).toContain('<a href="#schema-Order">Order</a> | <a href="#schema-Failure">Failure</a>');
  });

  it('states who may call: the document credentials, or none for an open operation', () => {
    expect(html.slice(html.indexOf('id="op-createOrder"'))).toMatch(/Credentials: Key\./);
    expect(html.slice(html.indexOf('id="op-listItems"'))).toMatch(/No credentials needed\./);
    expect(text(/Key apiKey header X-Key Your key\./)).not.toBeNull();
  });

  it('renders error-code tables, the webhooks and every component schema', () => {
    expect(text(/Error codes code meaning kind retryable note E1 Out of stock state no/)).not.toBeNull();
    expect(text(/E2 Busy server yes unofficial/)).not.toBeNull();
    expect(html).toContain('id="webhook-orderDone"');
    expect(html.slice(html.indexOf('id="webhook-orderDone"'))).not.toMatch(/Credentials/);
    expect(text(/Webhooks Requests this API sends to your server\. post ORDER_DONE/)).not.toBeNull();
    for (const name of ['OrderRequest', 'Order', 'Failure']) expect(html).toContain(`id="schema-${name}"`);
  });

  it('is self-contained: no script, stylesheet, image or font from anywhere else', () => {
    expect(html).not.toMatch(/<script|<link|<img|@import|src=|url\(/i);
    expect(html).toContain('<a href="/openapi.json">JSON</a>');
  });
});
