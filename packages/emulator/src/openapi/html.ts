/**
 * @module
 * The browsable API reference: one self-contained HTML page rendered on the server from an OpenAPI document
 * (no script, no stylesheet or font from elsewhere, no build step). Operations grouped by tag, parameters and
 * bodies as schema tables, error-code tables from `x-error-codes`, webhooks, and every component schema.
 */

import type { OpenApiDocumentLike } from '../types/openapi.js';
import {
  anchor,
  asObject,
  errorCodeTable,
  escapeHtml,
  isObject,
  type Json,
  prose,
  schemaJson,
  schemaTable,
  typeLabel,
} from './html-schema.js';

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

interface Op {
  method: string;
  path: string;
  op: Json;
}

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d2330;background:#fafbfc}
main{max-width:1100px;margin:0 auto;padding:1.5rem 2rem 4rem}
h1{margin-bottom:.2rem}h2{border-bottom:2px solid #dde3ea;padding-bottom:.3rem;margin-top:2.5rem}
section.op{background:#fff;border:1px solid #dde3ea;border-radius:6px;padding:.2rem 1rem 1rem;margin:1rem 0}
.method{display:inline-block;min-width:4.2rem;text-align:center;border-radius:4px;color:#fff;font-size:.8rem;
padding:.1rem .4rem;margin-right:.5rem;text-transform:uppercase}
.get{background:#2f7d32}.post{background:#1f5fa8}.put{background:#a86b1f}.delete{background:#a8321f}
.patch,.head,.options{background:#6b4fa8}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.9rem}
th,td{border:1px solid #dde3ea;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f0f3f6}code{background:#f0f3f6;padding:0 .2rem;border-radius:3px}
pre{background:#f0f3f6;padding:.6rem;overflow:auto;font-size:.8rem}.req{color:#a8321f;font-size:.8rem}
nav ul{columns:3;font-size:.9rem}.muted{color:#5c6675}
`;

function operations(paths: unknown): Op[] {
  return Object.entries(asObject(paths)).flatMap(([path, item]) =>
    Object.entries(asObject(item))
      .filter(([method, op]) => METHODS.includes(method) && isObject(op))
      .map(([method, op]) => ({ method, path, op: op as Json })),
  );
}

const opId = (o: Op): string =>
  typeof o.op.operationId === 'string' ? o.op.operationId : `${o.method}${o.path}`;

function byTag(ops: Op[], tagOrder: string[]): Map<string, Op[]> {
  const groups = new Map<string, Op[]>(tagOrder.map((tag) => [tag, []]));
  for (const o of ops) {
    const tags = Array.isArray(o.op.tags) && o.op.tags.length ? o.op.tags.map(String) : ['other'];
    for (const tag of tags) groups.set(tag, [...(groups.get(tag) ?? []), o]);
  }
  return new Map([...groups].filter(([, list]) => list.length > 0));
}

function parametersTable(op: Json, doc: Json): string {
  const params = (Array.isArray(op.parameters) ? op.parameters : []).map((p) => {
    const ref = asObject(p).$ref;
    return typeof ref === 'string'
      ? asObject(asObject(asObject(doc.components).parameters)[ref.split('/').pop() ?? ''])
      : asObject(p);
  });
  if (params.length === 0) return '';
  const rows = params
    .map(
      (p) =>
        `<tr><td><code>${escapeHtml(p.name)}</code>${p.required ? ' <span class="req">required</span>' : ''}</td>` +
        `<td>${escapeHtml(p.in)}</td><td>${typeLabel(p.schema)}</td><td>${prose(p.description)}</td></tr>`,
    )
    .join('');
  return (
    '<h4>Parameters</h4><table><thead><tr><th>name</th><th>in</th><th>type</th><th>description</th></tr></thead>' +
    `<tbody>${rows}</tbody></table>`
  );
}

function security(op: Json, doc: Json): string {
  const requirements = Array.isArray(op.security) ? op.security : doc.security;
  if (!Array.isArray(requirements)) return '';
  const options = requirements.map((r) => Object.keys(asObject(r)));
  if (options.length === 0 || options.every((o) => o.length === 0)) {
    return '<p class="muted">No credentials needed.</p>';
  }
  const text = options.map((o) => (o.length ? o.map(escapeHtml).join(' + ') : 'none')).join(', or ');
  return `<p class="muted">Credentials: ${text}.</p>`;
}

function renderOp(o: Op, doc: Json, components: Json, kind = 'op'): string {
  const { op } = o;
  const body = asObject(asObject(asObject(op.requestBody).content)['application/json']);
  // A named schema's JSON is shown once, with the schema itself.
  const json = isObject(body.schema) && typeof body.schema.$ref === 'string' ? '' : schemaJson(body.schema);
  const request =
    'schema' in body ? `<h4>Request body</h4>${schemaTable(body.schema, components)}${json}` : '';
  const responses = Object.entries(asObject(op.responses))
    .map(([status, res]) => {
      const r = asObject(res);
      const media = Object.values(asObject(r.content)).map(asObject)[0];
      const schema = media && 'schema' in media ? `<br>${typeLabel(media.schema)}` : '';
      return `<tr><td><code>${escapeHtml(status)}</code></td><td>${prose(r.description)}${schema}</td></tr>`;
    })
    .join('');
  return (
    `<section class="op" id="${anchor(kind, opId(o))}"><h3><span class="method ${escapeHtml(o.method)}">` +
    `${escapeHtml(o.method)}</span><code>${escapeHtml(o.path)}</code></h3>` +
    `<p><strong>${prose(op.summary)}</strong> <span class="muted">${escapeHtml(opId(o))}</span></p>` +
    (op.description ? `<p>${prose(op.description)}</p>` : '') +
    // Webhooks are calls the provider makes: the API's own credentials do not apply to them.
    (kind === 'webhook' ? '' : security(op, doc)) +
    parametersTable(op, doc) +
    request +
    (responses ? `<h4>Responses</h4><table><tbody>${responses}</tbody></table>` : '') +
    '</section>'
  );
}

function securitySchemes(components: Json): string {
  const schemes = Object.entries(asObject(components.securitySchemes));
  if (schemes.length === 0) return '';
  const rows = schemes
    .map(([name, s]) => {
      const scheme = asObject(s);
      const where =
        scheme.type === 'apiKey'
          ? `${scheme.in} <code>${escapeHtml(scheme.name)}</code>`
          : escapeHtml(scheme.scheme ?? '');
      return `<tr><td>${escapeHtml(name)}</td><td>${escapeHtml(scheme.type)}</td><td>${where}</td><td>${prose(scheme.description)}</td></tr>`;
    })
    .join('');
  return (
    '<h2 id="security">Security</h2><table><thead><tr><th>scheme</th><th>type</th><th>where</th><th>description</th>' +
    `</tr></thead><tbody>${rows}</tbody></table>`
  );
}

function schemas(all: Json): string {
  const entries = Object.entries(all);
  if (entries.length === 0) return '';
  const sections = entries.map(([name, schema]) => {
    const s = asObject(schema);
    return (
      `<section class="op" id="${anchor('schema', name)}"><h3>${escapeHtml(name)}</h3>` +
      (s.description ? `<p>${prose(s.description)}</p>` : '') +
      schemaTable(s, all) +
      errorCodeTable(s['x-error-codes']) +
      schemaJson(s) +
      '</section>'
    );
  });
  return `<h2 id="schemas">Schemas</h2>${sections.join('')}`;
}

/**
 * @example
 * app.get('/docs', (c) => c.html(renderApiReference(doc, { jsonUrl: '/openapi.json' })));
 */
export function renderApiReference(
  document: OpenApiDocumentLike,
  options: { jsonUrl?: string; links?: readonly { href: string; label: string }[] } = {},
): string {
  const doc = document as unknown as Json;
  const info = asObject(doc.info);
  const components = asObject(doc.components);
  const componentSchemas = asObject(components.schemas);
  const tagOrder = (Array.isArray(doc.tags) ? doc.tags : []).map((t) => String(asObject(t).name));
  const groups = byTag(operations(doc.paths), tagOrder);
  const webhooks = operations(doc.webhooks);
  const servers = (Array.isArray(doc.servers) ? doc.servers : [])
    .map((s) => `<code>${escapeHtml(asObject(s).url)}</code> ${prose(asObject(s).description ?? '')}`)
    .join(', ');
  const nav = [...groups]
    .map(([tag, ops]) => `<li><a href="#${anchor('tag', tag)}">${escapeHtml(tag)}</a> (${ops.length})</li>`)
    .concat(webhooks.length ? ['<li><a href="#webhooks">webhooks</a></li>'] : [])
    .concat(Object.keys(componentSchemas).length ? ['<li><a href="#schemas">schemas</a></li>'] : [])
    .join('');
  const sections = [...groups]
    .map(([tag, ops]) => {
      const text = asObject((Array.isArray(doc.tags) ? doc.tags : []).find((t) => asObject(t).name === tag));
      return (
        `<h2 id="${anchor('tag', tag)}">${escapeHtml(tag)}</h2>` +
        (text.description ? `<p>${prose(text.description)}</p>` : '') +
        ops.map((o) => renderOp(o, doc, componentSchemas)).join('')
      );
    })
    .join('');
  const hooks = webhooks.length
    ? `<h2 id="webhooks">Webhooks</h2><p class="muted">Requests this API sends to your server.</p>` +
      webhooks.map((o) => renderOp(o, doc, componentSchemas, 'webhook')).join('')
    : '';
  const codes = errorCodeTable(doc['x-error-codes']);
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
    `<title>${escapeHtml(info.title)}</title><style>${STYLE}</style></head><body><main>` +
    `<h1>${escapeHtml(info.title)}</h1><p class="muted">version ${escapeHtml(info.version)} · OpenAPI ` +
    `${escapeHtml(doc.openapi)}${options.jsonUrl ? ` · <a href="${escapeHtml(options.jsonUrl)}">JSON</a>` : ''}` +
    (options.links ?? [])
      .map((l) => ` · <a href="${escapeHtml(l.href)}">${escapeHtml(l.label)}</a>`)
      .join('') +
    '</p>' +
    (info.description ? `<p>${prose(info.description)}</p>` : '') +
    (servers ? `<p>Servers: ${servers}</p>` : '') +
    `<nav><ul>${nav}</ul></nav>` +
    securitySchemes(components) +
    (codes ? `<h2 id="error-codes">Error codes</h2>${codes}` : '') +
    sections +
    hooks +
    schemas(componentSchemas) +
    '</main></body></html>'
  );
}
