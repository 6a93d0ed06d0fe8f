/**
 * @module
 * Turns the blocks and their markers into what the test does with each: run it (and how), compile it only, or
 * skip it for its stated reason. Anything else is a problem naming the README and line.
 */
import { type Block, where } from './blocks.js';
import { markerLangProblem, RUNNABLE_LANGS } from './markers.js';

export type Step =
  | { kind: 'illustrative'; block: Block; reason: string }
  | { kind: 'typecheck-only'; block: Block; reason: string }
  /** A plain script run with tsx (`fakes`: both fakes answer on the real base URLs while it runs). */
  | { kind: 'script'; block: Block; fakes: boolean }
  /** A test file (it imports vitest): run with vitest. */
  | { kind: 'vitest'; block: Block }
  | { kind: 'sh'; block: Block }
  /** A long-running command, with the blocks that run while it is up. */
  | { kind: 'server'; block: Block; status: number; clients: Block[] };

export interface Plan {
  steps: Step[];
  problems: string[];
}

const importsVitest = (code: string): boolean => /from\s+['"]vitest['"]/.test(code);

export function planBlocks(blocks: readonly Block[]): Plan {
  const steps: Step[] = [];
  const problems: string[] = [];
  const lastServer = new Map<string, Extract<Step, { kind: 'server' }>>();
  for (const block of blocks) {
    const lang = RUNNABLE_LANGS[block.lang];
    const marker = block.marker;
    if (marker && 'error' in marker) {
      problems.push(`${where(block)}: ${marker.error}`);
      continue;
    }
    const misplaced = marker && markerLangProblem(marker, block.lang);
    if (misplaced) {
      problems.push(`${where(block)}: ${misplaced}`);
      continue;
    }
    if (!marker) {
      if (lang === 'ts')
        steps.push({ kind: importsVitest(block.code) ? 'vitest' : 'script', block, fakes: false });
      else if (lang === 'sh') steps.push({ kind: 'sh', block });
      else
        problems.push(
          `${where(block)}: a \`\`\`${block.lang || '(no language)'} block that cannot run and has no marker; ` +
            'put <!-- doctest: illustrative: REASON --> on the line before it',
        );
      continue;
    }
    switch (marker.kind) {
      case 'illustrative':
      case 'typecheck-only':
        steps.push({ kind: marker.kind, block, reason: marker.reason });
        break;
      case 'with-fakes':
        steps.push({ kind: 'script', block, fakes: true });
        break;
      case 'server': {
        const step = { kind: 'server' as const, block, status: marker.status, clients: [] };
        lastServer.set(block.file, step);
        steps.push(step);
        break;
      }
      case 'with-server': {
        const server = lastServer.get(block.file);
        if (server) server.clients.push(block);
        else
          problems.push(`${where(block)}: 'with server' but no 'server' block comes before it in this file`);
        break;
      }
    }
  }
  return { steps, problems };
}
