/**
 * @module
 * Finds every README.md the repository tracks and cuts out its fenced blocks with the doctest marker that
 * precedes each one. A small fence scanner (CommonMark fences of ``` or ~~~, up to three spaces of indentation)
 * is enough: the READMEs use no other kind of code block (indented code blocks are not looked for).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Marker, parseMarker } from './markers.js';

export interface Block {
  /** README path relative to the repository root. */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** Info string's first word, lower-cased ('' when none). */
  lang: string;
  code: string;
  /** The `<!-- doctest: ... -->` comment on the last non-blank line before the fence, parsed. */
  marker: Marker | { error: string } | undefined;
}

const OPEN = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)/;
const MARKER = /^\s*<!--\s*doctest:(.*?)-->\s*$/;

export function extractBlocks(file: string, text: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    const indent = lines[i]!.length - lines[i]!.trimStart().length;
    const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !close.test(lines[end]!)) end++;
    const code = lines
      .slice(i + 1, end)
      .map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length)))
      .join('\n');
    blocks.push({ file, line: i + 1, lang: open[2]!.toLowerCase(), code, marker: markerBefore(lines, i) });
    i = end;
  }
  return blocks;
}

function markerBefore(lines: string[], fenceIndex: number): Block['marker'] {
  let j = fenceIndex - 1;
  while (j >= 0 && lines[j]!.trim() === '') j--;
  const m = j >= 0 ? MARKER.exec(lines[j]!) : null;
  return m ? parseMarker(m[1]!) : undefined;
}

/**
 * Every README.md git knows of, committed or new (git's ignore rules keep node_modules, dist and scratch folders
 * out, where a glob would have to repeat them).
 */
export function findReadmes(root: string): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
  });
  const files = out.toString('utf8').split('\0');
  const readmes = files.filter((f) => f === 'README.md' || f.endsWith('/README.md'));
  return [...new Set(readmes)].filter((f) => existsSync(join(root, f))).sort();
}

export function readmeBlocks(root: string): Block[] {
  return findReadmes(root).flatMap((file) => extractBlocks(file, readFileSync(join(root, file), 'utf8')));
}

export const where = (b: Pick<Block, 'file' | 'line'>): string => `${b.file}:${b.line}`;
