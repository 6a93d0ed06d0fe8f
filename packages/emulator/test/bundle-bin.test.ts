/**
 * scripts/bundle-bin.mjs, which the fakes' builds use to make their `dist/bin.js`: the bundle must run with
 * plain node where no package is installed, and carry the licences of what it bundles.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../scripts/bundle-bin.mjs', import.meta.url));
const ENTRY = fileURLToPath(new URL('./fixtures/counter-bin.ts', import.meta.url));

let dir: string;
let bundle: string;

beforeAll(async () => {
  // Outside the workspace: no node_modules above it, so the bundle can import nothing but Node's built-ins.
  dir = await mkdtemp(join(tmpdir(), 'bundle-bin-'));
  bundle = join(dir, 'bin.js');
  await promisify(execFile)(process.execPath, [SCRIPT, ENTRY, bundle]);
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('bundle-bin.mjs', () => {
  test('writes a bin that runs with plain node far from any node_modules and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [bundle, '--port', '0', '--start', '7'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      void exit.then((code) => reject(new Error(`exited ${code} before listening: ${err}`)));
    });
    try {
      const res = await fetch(`${url}/api/count`, {
        headers: { 'x-key': 'cli-key', 'x-secret': 'cli-secret' },
      });
      expect(await res.json()).toEqual({ code: '0', count: 7 });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exit).toBe(0);
  }, 30_000);

  test('appends each bundled package with its version, licence name and licence text', async () => {
    const text = await readFile(bundle, 'utf8');
    const notice = text.slice(text.lastIndexOf('/*!'));
    expect(notice).toMatch(/^\/\*!\n \* Bundled packages and their licences:/);
    for (const pkg of ['hono', 'zod', '@hono/node-server']) {
      expect(notice).toMatch(new RegExp(`^${pkg}@\\d+\\.\\d+\\.\\d+ \\(MIT\\)$`, 'm'));
    }
    expect(notice).toContain('Permission is hereby granted, free of charge');
    expect(notice).not.toContain('@esim-sandbox/');
  });
});
