/**
 * What a packed package imports: every bare specifier in its JavaScript and declaration files, found with
 * TypeScript's own pre-processor (comments and strings are not mistaken for imports).
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import type { Manifest } from './workspace.js';

export interface UndeclaredImport {
  file: string;
  specifier: string;
  /** The package npm would have to install for it. */
  package: string;
}

const BUILTINS = new Set(builtinModules);

function* codeFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') yield* codeFiles(path);
    } else if (/\.(?:js|mjs|ts|mts)$/.test(entry.name)) {
      yield path;
    }
  }
}

export function specifiersIn(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`; undefined for relative paths and node builtins. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:'))
    return undefined;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return BUILTINS.has(name) ? undefined : name;
}

/** Bare imports in an installed package's files that its manifest does not declare as a dependency. */
export function undeclaredImports(packageDir: string, manifest: Manifest): UndeclaredImport[] {
  const declared = new Set([
    manifest.name,
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
    ...Object.keys(manifest.optionalDependencies ?? {}),
  ]);
  const found: UndeclaredImport[] = [];
  for (const file of codeFiles(packageDir)) {
    for (const specifier of specifiersIn(readFileSync(file, 'utf8'))) {
      const pkg = packageOf(specifier);
      if (pkg && !declared.has(pkg))
        found.push({ file: relative(packageDir, file), specifier, package: pkg });
    }
  }
  return found;
}

/** Relative imports that leave `projectDir` (into this monorepo's packages, say): a user's app has none. */
export function importsOutside(projectDir: string): { file: string; specifier: string }[] {
  const found: { file: string; specifier: string }[] = [];
  for (const file of codeFiles(projectDir)) {
    for (const specifier of specifiersIn(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.') && !specifier.startsWith('/')) continue;
      const target = relative(projectDir, resolve(dirname(file), specifier));
      if (target.startsWith('..') || specifier.startsWith('/'))
        found.push({ file: relative(projectDir, file), specifier });
    }
  }
  return found;
}
