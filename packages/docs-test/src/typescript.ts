/**
 * @module
 * TypeScript blocks: written into a scratch folder inside this package (so `@esim-sandbox/*` imports resolve as
 * in any workspace package) and run: plain scripts with tsx (each in its own folder, its working directory), test
 * files with one vitest run. Compiling them is the package's typecheck (`types.ts`), where tsc checks the
 * workspace sources they import once, with the package's own.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Block, where } from './blocks.js';
import { describeRun, type Finished, run } from './processes.js';

export const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const VITEST = join(dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
const FAKES = fileURLToPath(new URL('./fakes.ts', import.meta.url));

export const SCRIPT_TIMEOUT_MS = 90_000;

export interface Scratch {
  dir: string;
  /** Scratch file → the block written into it. */
  files: Map<string, Block>;
  remove(): void;
}

export function createScratch(): Scratch {
  const dir = mkdtempSync(join(PACKAGE_DIR, '.doctest-'));
  // Its own config: vitest would otherwise take this package's, which only includes test/.
  write(join(dir, 'vitest', 'vitest.config.mjs'), "export default { test: { include: ['*.test.ts'] } };\n");
  return { dir, files: new Map(), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const slug = (b: Block): string => `${b.file.replace(/[^A-Za-z0-9]+/g, '-')}-L${b.line}`;

function write(path: string, text: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

function writeBlock(scratch: Scratch, path: string, block: Block): string {
  scratch.files.set(path, block);
  return write(path, block.code);
}

/** A script's folder: `snippet.ts` is the block; `main.ts` runs it, inside the fakes when asked. */
export function writeScript(scratch: Scratch, block: Block, fakes: boolean): string {
  const dir = join(scratch.dir, slug(block));
  writeBlock(scratch, join(dir, 'snippet.ts'), block);
  const main = fakes
    ? `import { withFakes } from ${JSON.stringify(relative(dir, FAKES).replace(/\.ts$/, '.js'))};\n\nawait withFakes(() => import('./snippet.js'));\n`
    : `await import('./snippet.js');\n`;
  write(join(dir, 'main.ts'), main);
  return dir;
}

export function writeTestFile(scratch: Scratch, block: Block): string {
  return writeBlock(scratch, join(scratch.dir, 'vitest', `${slug(block)}.test.ts`), block);
}

export function runScript(dir: string): Promise<Finished> {
  return run(process.execPath, ['--import', 'tsx', 'main.ts'], dir, SCRIPT_TIMEOUT_MS);
}

/** One vitest run over every test-file block; failures per block. */
export async function runTestFiles(scratch: Scratch): Promise<Map<Block, string>> {
  const root = join(scratch.dir, 'vitest');
  const report = join(scratch.dir, 'vitest.json');
  const args = [VITEST, 'run', '--config', 'vitest.config.mjs', '--reporter=json', `--outputFile=${report}`];
  const r = await run(process.execPath, args, root, SCRIPT_TIMEOUT_MS);
  const failures = new Map<Block, string>();
  const blocks = [...scratch.files].filter(([path]) => path.startsWith(root));
  let results: { name: string; status: string; message?: string; assertionResults?: unknown[] }[] = [];
  try {
    results = JSON.parse(readFileSync(report, 'utf8')).testResults;
  } catch {
    for (const [, block] of blocks) failures.set(block, describeRun(r, 'vitest'));
    return failures;
  }
  for (const [path, block] of blocks) {
    const result = results.find((t) => t.name === path);
    const passed = result?.status === 'passed' && (result.assertionResults?.length ?? 0) > 0;
    if (!passed) failures.set(block, `${where(block)}: ${result?.message || describeRun(r, 'vitest')}`);
  }
  return failures;
}
