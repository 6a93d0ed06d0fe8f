/**
 * The packed packages, used as a user would: built and packed by pnpm, installed with npm from the tarballs into
 * empty temporary projects (nothing from this workspace reachable), then imported, type-checked, run and tested.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exec, run } from '../src/exec.js';
import { importsOutside, undeclaredImports } from '../src/imports.js';
import { type PreparedConsumers, prepareConsumers } from '../src/prepare.js';
import { startBin } from '../src/processes.js';
import { typecheck } from '../src/typecheck.js';
import {
  EXAMPLE_DIR,
  type Manifest,
  PUBLIC_PACKAGES,
  type PublicPackageName,
  readManifest,
  workspaceManifest,
} from '../src/workspace.js';

let prepared: PreparedConsumers;

beforeAll(async () => {
  prepared = await prepareConsumers();
});
afterAll(() => {
  if (!prepared) return;
  process.stdout.write(`packaging steps (s): ${JSON.stringify(prepared.timings)}\n`);
  prepared.cleanup();
});

const installedDir = (name: string) => join(prepared.consumerDir, 'node_modules', name);
const packed = (name: PublicPackageName): Manifest => readManifest(installedDir(name));
const names = PUBLIC_PACKAGES.map((p) => p.name);
const DEPENDENCY_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies'] as const;

describe('the temporary projects', () => {
  test('have no node_modules above them, so only what npm installed from the tarballs can be imported', () => {
    const found: string[] = [];
    for (let dir = dirname(prepared.root); dir !== parse(dir).root; dir = dirname(dir)) {
      if (existsSync(join(dir, 'node_modules'))) found.push(dir);
    }
    expect(found).toEqual([]);
  });
});

describe.each(names)('the packed %s', (name) => {
  test('holds dist, its README and LICENSE, and no TypeScript sources', () => {
    const dir = installedDir(name);
    for (const file of ['README.md', 'LICENSE', 'package.json', 'dist/index.js', 'dist/index.d.ts']) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    expect(existsSync(join(dir, 'src'))).toBe(false);
  });

  test('declares real versions (no workspace: or catalog:), an MIT license and node >= 20.19', () => {
    const manifest = packed(name);
    const specs = DEPENDENCY_FIELDS.flatMap((field) => Object.values(manifest[field] ?? {}));
    expect(specs.filter((spec) => /^(workspace|catalog):/.test(spec))).toEqual([]);
    expect(manifest.license).toBe('MIT');
    expect(manifest.engines?.node).toBe('>=20.19');
    expect(manifest.private).toBeUndefined();
  });

  test('has the same exports and bins as in the workspace, each pointing at built JavaScript in dist', () => {
    const manifest = packed(name);
    const source = workspaceManifest(name);
    expect(Object.keys(manifest.exports ?? {})).toEqual(Object.keys(source.exports ?? {}));
    expect(Object.keys(manifest.bin ?? {})).toEqual(Object.keys(source.bin ?? {}));
    for (const target of Object.values(manifest.exports ?? {})) {
      expect(target).toMatchObject({
        types: expect.stringMatching(/^\.\/dist\/.+\.d\.ts$/),
        default: expect.stringMatching(/^\.\/dist\/.+\.js$/),
      });
    }
    for (const bin of Object.values(manifest.bin ?? {})) {
      expect(bin).toMatch(/^\.\/dist\/.+\.js$/);
      expect(readFileSync(join(installedDir(name), bin), 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    }
  });

  test('declares every package its JavaScript and declarations import, and does not need tsx', () => {
    const manifest = packed(name);
    expect(undeclaredImports(installedDir(name), manifest)).toEqual([]);
    for (const field of DEPENDENCY_FIELDS) expect(Object.keys(manifest[field] ?? {})).not.toContain('tsx');
  });

  test('imports every export from ESM with the same names the workspace sources export', async () => {
    const specifiers = Object.keys(packed(name).exports ?? {}).map((key) =>
      key === '.' ? name : `${name}${key.slice(1)}`,
    );
    const out = await run(process.execPath, ['imports.mjs', ...specifiers], { cwd: prepared.consumerDir });
    const fromTarball = JSON.parse(out) as Record<string, string[]>;
    for (const specifier of specifiers) {
      const fromSource = Object.keys(await import(specifier)).sort();
      expect(fromSource.length, specifier).toBeGreaterThan(0);
      expect(fromTarball[specifier], specifier).toEqual(fromSource);
    }
  });
});

describe('the packed types', () => {
  test('type-check a consumer file that uses every package and test helper', async () => {
    const result = await typecheck(prepared.consumerDir);
    expect(result.ours).toEqual([]);
  });
});

describe('the packed bins', () => {
  test.each([
    ['@esim-sandbox/esimaccess-mock', 'esimaccess-mock'],
    ['@esim-sandbox/iroamly-mock', 'iroamly-mock'],
  ])('%s runs as `%s --port 0` with plain node, serves, and stops cleanly on SIGTERM', async (_pkg, bin) => {
    const started = await startBin(
      join(prepared.consumerDir, 'node_modules', '.bin', bin),
      ['--port', '0'],
      /listening on/,
    );
    try {
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(started.line)?.[1];
      expect(url).toBeDefined();
      const health = await fetch(`${url}/_sandbox/health`);
      expect(health.status).toBe(200);
    } finally {
      expect(await started.stop()).toBe(0);
    }
  });

  test('esim-reconcile --help prints the usage with plain node', async () => {
    const result = await exec(
      join(prepared.consumerDir, 'node_modules', '.bin', 'esim-reconcile'),
      ['--help'],
      {
        cwd: prepared.consumerDir,
      },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage:');
    expect(result.stdout).toContain('esim-reconcile sync');
  });
});

describe('the test helpers', () => {
  test('run under node:test in plain JavaScript, both fakes in one file, msw and http', async () => {
    const result = await exec(process.execPath, ['--test', 'node-test.test.mjs'], {
      cwd: prepared.consumerDir,
    });
    expect(result.stdout).toContain('# fail 0');
    expect(result.stdout).toContain('# pass 3');
    expect(result.code).toBe(0);
  });
});

describe('the example reseller app', () => {
  test('imports only its own files and the packages its package.json declares, never the workspace', () => {
    const manifest = readManifest(EXAMPLE_DIR);
    expect(importsOutside(EXAMPLE_DIR)).toEqual([]);
    const dependencies = { ...manifest.dependencies, ...manifest.devDependencies };
    expect(undeclaredImports(EXAMPLE_DIR, { ...manifest, dependencies })).toEqual([]);
    expect(Object.values(dependencies).filter((spec) => /^(workspace|file|link):/.test(spec))).toEqual([]);
  });

  test('type-checks against the packed packages', async () => {
    const result = await typecheck(prepared.appDir);
    expect(result.ours).toEqual([]);
  });

  test('passes its own tests against both fakes in both modes', async () => {
    const vitest = join(prepared.appDir, 'node_modules', 'vitest', 'vitest.mjs');
    const result = await exec(process.execPath, [vitest, 'run', '--reporter=json'], { cwd: prepared.appDir });
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { numTotalTests: number; numPassedTests: number };
    expect(report.numTotalTests).toBeGreaterThan(0);
    expect(report.numPassedTests).toBe(report.numTotalTests);
  });
});

describe('the esim-sandbox command, the contract suite and record/replay from their tarballs', () => {
  const bin = (name: string) => join(prepared.consumerDir, 'node_modules', '.bin', name);

  test('esim-sandbox --version prints the version with plain node', async () => {
    const result = await exec(bin('esim-sandbox'), ['--version'], { cwd: prepared.consumerDir });
    expect(result).toMatchObject({ code: 0, stdout: `${workspaceManifest('esim-sandbox').version}\n` });
  });

  test('esim-sandbox up serves the dashboard, listen receives a triggered webhook, and both stop cleanly on SIGINT', async () => {
    const up = await startBin(
      bin('esim-sandbox'),
      ['up', '--port', '0', '--clock', 'manual'],
      /dashboard\s+http/,
    );
    try {
      const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(up.line)?.[1];
      expect((await fetch(`${url}/`)).status).toBe(200);
      const listen = await startBin(bin('esim-sandbox'), ['listen', '--url', url!], /Ready!/);
      try {
        const trigger = await exec(bin('esim-sandbox'), ['trigger', 'ORDER_STATUS', '--url', url!], {
          cwd: prepared.consumerDir,
        });
        expect(trigger.code, trigger.stderr).toBe(0);
        await listen.until(/ORDER_STATUS/);
      } finally {
        expect(await listen.stop('SIGINT')).toBe(0);
      }
    } finally {
      expect(await up.stop('SIGINT')).toBe(0);
    }
  });

  test('esim-contract runs the suite against the in-process fake and records a session that replays', async () => {
    const session = join(prepared.root, 'session.json');
    const suite = await exec(
      bin('esim-contract'),
      ['--provider', 'iroamly', '--target', 'mock-inprocess', '--record', session],
      { cwd: prepared.consumerDir },
    );
    expect(suite.code, suite.stderr).toBe(0);
    const replay = await run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { readFixture, replayHandlers } from '@esim-sandbox/contract';
       const handlers = replayHandlers(await readFixture(${JSON.stringify(session)}));
       console.log(handlers.length);`,
      ],
      { cwd: prepared.consumerDir },
    );
    expect(Number(replay.trim())).toBeGreaterThan(0);
  });

  test("esim-capture-catalog writes a running fake's catalogue", async () => {
    const fake = await startBin(bin('iroamly-mock'), ['--port', '0'], /listening on/);
    try {
      const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(fake.line)?.[1];
      const out = join(prepared.root, 'catalog.json');
      const result = await exec(
        bin('esim-capture-catalog'),
        ['--provider', 'iroamly', '--base-url', url!, '--regions', 'US', '--out', out],
        { cwd: prepared.consumerDir },
      );
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ provider: 'iroamly' });
    } finally {
      expect(await fake.stop()).toBe(0);
    }
  });
});
