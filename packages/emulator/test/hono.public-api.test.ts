/**
 * The engine (and everything built on it) uses only Hono's public API, and Hono is pinned to the versions tested:
 * the journal depends on how answers are built, so a silent minor upgrade must not change it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const WORKSPACES = ['packages', 'apps', 'examples'].flatMap((dir) =>
  readdirSync(join(ROOT, dir)).map((name) => join(ROOT, dir, name)),
);

function sources(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const FORBIDDEN: [string, RegExp][] = [
  ["a write to Hono's body cache", /bodyCache/],
  ['a replaced context method (c.json = ...)', /\bc\.(json|body|text|html)\s*=[^=]/],
  ['a double cast of a Hono object', /as unknown as (Context|HonoRequest|Hono)\b|as unknown as Context\[/],
];

describe("Hono's public API only", () => {
  test.each(FORBIDDEN)('no source file has %s', (_what, pattern) => {
    const offenders = WORKSPACES.flatMap((ws) => sources(join(ws, 'src')))
      .filter((file) => pattern.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));
    expect(offenders).toEqual([]);
  });

  test('hono and @hono/node-server are pinned to an exact version or a tilde range everywhere', () => {
    const catalog = readFileSync(join(ROOT, 'pnpm-workspace.yaml'), 'utf8');
    const ranges: [string, string][] = [];
    for (const name of ['hono', '"@hono/node-server"']) {
      const line = new RegExp(`^\\s+${name}:\\s*(\\S+)`, 'm').exec(catalog);
      ranges.push([`catalog ${name}`, line?.[1] ?? 'missing']);
    }
    for (const ws of WORKSPACES) {
      let manifest: Record<string, Record<string, string> | undefined>;
      try {
        manifest = JSON.parse(readFileSync(join(ws, 'package.json'), 'utf8'));
      } catch {
        continue;
      }
      for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
        for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
          if (dep === 'hono' || dep === '@hono/node-server')
            ranges.push([`${relative(ROOT, ws)} ${dep}`, range]);
        }
      }
    }
    expect(ranges.length).toBeGreaterThan(2);
    const loose = ranges.filter(([, range]) => range !== 'catalog:' && !/^~?\d+\.\d+\.\d+$/.test(range));
    expect(loose).toEqual([]);
  });
});
