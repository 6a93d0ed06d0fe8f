/**
 * @module
 * `pnpm typecheck` of this package starts here: every TypeScript block that is not illustrative is written to
 * `readme-blocks/` (gitignored), which the package's tsconfig includes, so tsc checks the blocks with the package's own
 * sources. Each file is padded so that its line numbers are the README's: a tsc error names the README line.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readmeBlocks } from './blocks.js';
import { planBlocks } from './plan.js';
import { REPO_ROOT } from './shell.js';
import { PACKAGE_DIR, slug } from './typescript.js';

const TYPED = new Set(['script', 'vitest', 'typecheck-only']);

export function writeTypedBlocks(): number {
  const dir = join(PACKAGE_DIR, 'readme-blocks');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  const steps = planBlocks(readmeBlocks(REPO_ROOT)).steps.filter((s) => TYPED.has(s.kind));
  for (const { block } of steps) {
    const header = `// ${block.file}, from line ${block.line + 1}: line numbers here are the README's.`;
    const text = `${header}${'\n'.repeat(block.line)}${block.code}\nexport {};\n`;
    writeFileSync(join(dir, `${slug(block)}.ts`), text);
  }
  return steps.length;
}

writeTypedBlocks();
