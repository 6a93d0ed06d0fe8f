import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readmeBlocks, where } from '../src/blocks.js';
import { planBlocks, type Step } from '../src/plan.js';
import { describeRun } from '../src/processes.js';
import { REPO_ROOT, runServer, runShell } from '../src/shell.js';
import {
  createScratch,
  runScript,
  runTestFiles,
  type Scratch,
  writeScript,
  writeTestFile,
} from '../src/typescript.js';

const plan = planBlocks(readmeBlocks(REPO_ROOT));
const of = <K extends Step['kind']>(kind: K) =>
  plan.steps
    .filter((s): s is Extract<Step, { kind: K }> => s.kind === kind)
    .map((step) => ({ at: where(step.block), step }));

test('every fenced block in every README runs or is marked with a reason', () => {
  expect(plan.steps.length).toBeGreaterThan(0);
  expect(plan.problems).toEqual([]);
});

describe('TypeScript blocks', () => {
  let scratch: Scratch;
  const scriptDirs = new Map<Step, string>();

  beforeAll(() => {
    scratch = createScratch();
    for (const { step } of of('script')) scriptDirs.set(step, writeScript(scratch, step.block, step.fakes));
    for (const { step } of of('vitest')) writeTestFile(scratch, step.block);
  });
  afterAll(() => scratch?.remove());

  test.each(of('script'))('$at runs to its end', async ({ step }) => {
    const r = await runScript(scriptDirs.get(step)!);
    expect(r.status, describeRun(r, 'the block')).toBe(0);
  });

  test('the blocks that are test files pass under vitest', async () => {
    const failures = await runTestFiles(scratch);
    expect([...failures.values()]).toEqual([]);
  });
});

describe('shell blocks', () => {
  test.each(of('sh'))('$at runs to its end with status 0', async ({ step }) => {
    expect(await runShell(step.block)).toBeUndefined();
  });

  test.each(of('server'))(
    '$at serves, serves the blocks that use it, and stops on Ctrl-C',
    async ({ step }) => {
      expect(await runServer(step)).toEqual([]);
    },
  );
});
