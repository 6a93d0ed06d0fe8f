import { describe, expect, test } from 'vitest';
import { extractBlocks } from '../src/blocks.js';
import { planBlocks } from '../src/plan.js';

const plan = (markdown: string) => planBlocks(extractBlocks('docs/README.md', markdown));
const kinds = (markdown: string) => plan(markdown).steps.map((s) => s.kind);

describe('cutting out fenced blocks', () => {
  test('backtick and tilde fences, longer closings and indented fences are cut out with their line', () => {
    const md = [
      '# t',
      '',
      '```ts',
      'a',
      '```',
      '~~~sh',
      'b',
      '~~~~',
      '  ````bash',
      '  c',
      '  ```',
      'd',
      '  ````',
    ].join('\n');
    expect(extractBlocks('R.md', md).map(({ line, lang, code }) => ({ line, lang, code }))).toEqual([
      { line: 3, lang: 'ts', code: 'a' },
      { line: 6, lang: 'sh', code: 'b' },
      { line: 9, lang: 'bash', code: 'c\n```\nd' },
    ]);
  });

  test('the marker is the comment on the last non-blank line before the fence, and only that one', () => {
    const md =
      '<!-- doctest: with fakes -->\n\n```ts\nx\n```\n<!-- doctest: with fakes -->\ntext\n```ts\ny\n```\n';
    expect(extractBlocks('R.md', md).map((b) => b.marker)).toEqual([{ kind: 'with-fakes' }, undefined]);
  });
});

describe('what each block gets', () => {
  test.each([
    ['```ts\nconsole.log(1);\n```', 'script'],
    ["```ts\nimport { test } from 'vitest';\n```", 'vitest'],
    ['```sh\necho hi\n```', 'sh'],
    ['<!-- doctest: illustrative: sample output -->\n```\n| a |\n```', 'illustrative'],
    ['<!-- doctest: typecheck only: needs a recording -->\n```ts\nx\n```', 'typecheck-only'],
    ['<!-- doctest: server, stopped with Ctrl-C: status 130 -->\n```sh\nserve\n```', 'server'],
  ])('%s is a %s step', (markdown, kind) => {
    expect(kinds(markdown)).toEqual([kind]);
    expect(plan(markdown).problems).toEqual([]);
  });

  test('a with-server block runs inside the last server block of its file', () => {
    const md =
      '<!-- doctest: server, stopped with Ctrl-C: status 0 -->\n```sh\nserve\n```\n<!-- doctest: with server -->\n```sh\ncurl x\n```';
    const [server] = plan(md).steps;
    expect(server).toMatchObject({ kind: 'server', status: 0, clients: [{ line: 6, code: 'curl x' }] });
  });
});

describe('blocks that would go untested', () => {
  test.each([
    ['```json\n{}\n```', 'docs/README.md:1: a ```json block that cannot run and has no marker'],
    ['```\nplain\n```', 'docs/README.md:1: a ```(no language) block that cannot run and has no marker'],
    [
      '<!-- doctest: illustrative: -->\n```sh\nx\n```',
      "docs/README.md:2: doctest marker 'illustrative:' gives no reason",
    ],
    [
      '<!-- doctest: skip -->\n```sh\nx\n```',
      "docs/README.md:2: unknown doctest marker 'skip' (known: illustrative",
    ],
    [
      '<!-- doctest: with fakes -->\n```sh\nx\n```',
      "docs/README.md:2: the 'with-fakes' marker applies to ts blocks",
    ],
    ['<!-- doctest: with server -->\n```sh\nx\n```', "docs/README.md:2: 'with server' but no 'server' block"],
  ])('%s is a problem naming file and line', (markdown, problem) => {
    const { problems, steps } = plan(markdown);
    expect(steps).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
  });
});
