/**
 * @module
 * A tagged template that escapes every interpolated value unless it is already markup (`Markup`). Arrays are
 * joined, `null`/`undefined`/`false` print nothing. Enough for server-rendered fragments without JSX.
 */

export class Markup {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Value = string | number | boolean | null | undefined | Markup | Value[];

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Markup) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** @example html`<td>${name}</td>` */
export function html(strings: TemplateStringsArray, ...values: Value[]): Markup {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Markup(out);
}

/** Markup known to be safe (our own constants). */
export function raw(text: string): Markup {
  return new Markup(text);
}
