import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT_CODES, helpText } from '../src/cli/flags.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The rows of the README table that follows "Exit codes" in the start command's section. */
function readmeExitCodes(): Array<{ code: number; meaning: string }> {
  const section = README.slice(README.indexOf('Exit codes'));
  return [...section.matchAll(/^\| (\d+) +\| (.+?) +\|$/gm)].map(([, code, meaning]) => ({
    code: Number(code),
    meaning: meaning ?? '',
  }));
}

describe('the start command’s exit codes', () => {
  it('are listed by --help exactly as in the table main.ts returns from', () => {
    const help = helpText();
    const listed = help.slice(help.indexOf('Exit codes:')).split('\n').slice(1);
    expect(listed).toEqual(EXIT_CODES.map(({ code, meaning }) => `  ${code}  ${meaning}`));
  });

  it('are listed by the README exactly as in the table', () => {
    expect(readmeExitCodes()).toEqual(EXIT_CODES);
  });
});
