/**
 * @module
 * JSON Schema to HTML for the reference page: a one-line type label, and a table of an object's properties.
 * Reads any JSON defensively: documents are data, not trusted structure.
 */

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const asObject = (value: unknown): Json => (isObject(value) ? value : {});

export function escapeHtml(value: unknown): string {
  return String(value).replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );
}

/** Escaped text with `code` spans: the only markup descriptions use. */
export function prose(value: unknown): string {
  return escapeHtml(value ?? '').replace(/`([^`]+)`/g, '<code>$1</code>');
}

export const anchor = (kind: string, name: string): string =>
  `${kind}-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;

const refName = (ref: string): string => ref.split('/').pop() ?? ref;

const literal = (value: unknown): string => escapeHtml(JSON.stringify(value));

/** `string`, `array of Profile`, `"a" | "b"`, with component names linked. */
export function typeLabel(schema: unknown): string {
  const s = asObject(schema);
  if (typeof s.$ref === 'string') {
    const name = refName(s.$ref);
    return `<a href="#${anchor('schema', name)}">${escapeHtml(name)}</a>`;
  }
  if ('const' in s) return literal(s.const);
  if (Array.isArray(s.enum)) return s.enum.map(literal).join(' | ');
  const union = s.anyOf ?? s.oneOf;
  if (Array.isArray(union)) return union.map(typeLabel).join(' | ');
  const types = Array.isArray(s.type) ? s.type : s.type === undefined ? [] : [s.type];
  if (types.includes('array')) {
    const rest = types.filter((t) => t !== 'array').map(escapeHtml);
    return [`array of ${typeLabel(s.items)}`, ...rest].join(' | ');
  }
  if (types.length === 0) return isObject(s.properties) ? 'object' : 'any';
  return types.map(escapeHtml).join(' | ');
}

const SAFE = Number.MAX_SAFE_INTEGER;
const CONSTRAINTS: [keyword: string, label: string][] = [
  ['format', 'format'],
  ['pattern', 'pattern'],
  ['minLength', 'min length'],
  ['maxLength', 'max length'],
  ['minimum', 'min'],
  ['maximum', 'max'],
  ['minItems', 'min items'],
  ['maxItems', 'max items'],
  ['default', 'default'],
];

/** `max length 50, min 1`; the ±2^53 bounds every zod integer carries are noise and left out. */
export function constraints(schema: unknown): string {
  const s = asObject(schema);
  const target = isObject(s.items) && s.type === 'array' ? { ...asObject(s.items), ...s } : s;
  return CONSTRAINTS.filter(([key]) => key in target)
    .filter(([key]) => !(['minimum', 'maximum'].includes(key) && Math.abs(Number(target[key])) === SAFE))
    .map(
      ([key, label]) =>
        `${label} <code>${escapeHtml(typeof target[key] === 'string' ? target[key] : JSON.stringify(target[key]))}</code>`,
    )
    .join(', ');
}

/** The object a schema describes: itself, or the component its `$ref` names. */
export function resolve(schema: unknown, components: Json): Json {
  const s = asObject(schema);
  return typeof s.$ref === 'string' ? asObject(components[refName(s.$ref)]) : s;
}

/** Property table of an object schema (after one `$ref`); other schemas get their type label. */
export function schemaTable(schema: unknown, components: Json): string {
  const s = resolve(schema, components);
  const properties = asObject(s.properties);
  const names = Object.keys(properties);
  const via = isObject(schema) && typeof schema.$ref === 'string' ? `<p>${typeLabel(schema)}</p>` : '';
  if (names.length === 0) return `${via}<p class="type">${typeLabel(s)}</p>`;
  const required = new Set(Array.isArray(s.required) ? s.required : []);
  const rows = names.map((name) => {
    const property = asObject(properties[name]);
    return (
      `<tr><td><code>${escapeHtml(name)}</code>${required.has(name) ? ' <span class="req">required</span>' : ''}</td>` +
      `<td>${typeLabel(property)}</td><td>${constraints(property)}</td><td>${prose(property.description)}</td></tr>`
    );
  });
  return (
    `${via}<table><thead><tr><th>field</th><th>type</th><th>constraints</th><th>description</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

/** The schema as pretty JSON, folded. */
export function schemaJson(schema: unknown): string {
  return `<details><summary>JSON Schema</summary><pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre></details>`;
}

/** `x-error-codes` rows as a table. */
export function errorCodeTable(rows: unknown): string {
  if (!Array.isArray(rows) || rows.length === 0) return '';
  const body = rows
    .map(asObject)
    .map(
      (row) =>
        `<tr><td><code>${escapeHtml(row.code)}</code></td><td>${prose(row.meaning)}</td><td>${escapeHtml(row.kind ?? '')}</td>` +
        `<td>${row.retryable ? 'yes' : 'no'}</td><td>${row.unofficial ? 'unofficial' : ''}</td></tr>`,
    )
    .join('');
  return (
    '<table class="codes"><thead><tr><th>code</th><th>meaning</th><th>kind</th><th>retryable</th><th>note</th></tr>' +
    `</thead><tbody>${body}</tbody></table>`
  );
}
