import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarios } from '../scenarios/index.js';
import { runScenario } from '../src/scenario/run.js';
import { type ScenarioTarget, startOwnPlayground } from '../src/scenario/target.js';

describe('every scenario passes against a private playground', () => {
  let target: ScenarioTarget;
  beforeAll(async () => {
    target = await startOwnPlayground();
  });
  afterAll(() => target.close());

  it.each(scenarios.map((s) => [s.name, s] as const))('%s passes', async (_name, scenario) => {
    const lines: string[] = [];
    const result = await runScenario(scenario, target, (line) => lines.push(line));
    expect(result.ok, lines.join('\n')).toBe(true);
    expect(lines.some((l) => l.startsWith('  ✓ '))).toBe(true);
  });
});
