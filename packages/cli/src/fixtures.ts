/**
 * @module
 * `esim-sandbox fixtures run FILE`: a JSON or YAML list of named steps, each one operation of the command (same
 * names and params as the subcommands: `order`, `clock.advance`, `trigger`...), run in order; a later step's params
 * may quote an earlier step's answer as `${name.path}` (e.g. `${order.orderNo}`), as Stripe's fixtures do. The file
 * is checked before anything runs; every error names the step and the field.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { CliError, EXIT, usageError } from './errors.js';
import { OPERATIONS, type OperationName, runOperation } from './operations.js';
import type { Target } from './target.js';

const NAMES = Object.keys(OPERATIONS) as [OperationName, ...OperationName[]];

export const fixtureSchema = z.strictObject({
  steps: z
    .array(
      z.strictObject({
        name: z
          .string()
          .regex(/^[A-Za-z_][\w-]*$/, { error: 'letters, digits, _ and -, not starting with a digit' }),
        op: z.enum(NAMES),
        params: z.record(z.string(), z.unknown()).default({}),
      }),
    )
    .min(1),
});
export type Fixture = z.output<typeof fixtureSchema>;

export function readFixture(file: string): Fixture {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw usageError(`${file}: cannot read it (${(error as Error).message})`);
  }
  let data: unknown;
  try {
    data = /\.json$/i.test(file) ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw usageError(
      `${file}: not valid ${/\.json$/i.test(file) ? 'JSON' : 'YAML'} (${(error as Error).message})`,
    );
  }
  const parsed = fixtureSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const steps = (data as { steps?: { name?: unknown }[] } | null)?.steps;
    const index = issue.path[0] === 'steps' ? issue.path[1] : undefined;
    const name = typeof index === 'number' ? steps?.[index]?.name : undefined;
    const step = typeof name === 'string' ? ` (step '${name}')` : '';
    throw usageError(`${file}: ${issue.path.join('.') || 'file'}${step}: ${issue.message}`);
  }
  const seen = new Set<string>();
  for (const [i, step] of parsed.data.steps.entries()) {
    if (seen.has(step.name)) throw usageError(`${file}: steps.${i}.name: '${step.name}' is used twice`);
    seen.add(step.name);
  }
  return parsed.data;
}

const REFERENCE = /\$\{([A-Za-z_][\w-]*)((?:\.[\w-]+)*)\}/g;

/** `${order.orderNo}` -> the value at that path of step `order`'s answer; a whole-string reference keeps its type. */
function resolve(value: unknown, results: Map<string, unknown>, where: string): unknown {
  if (Array.isArray(value)) return value.map((v, i) => resolve(v, results, `${where}.${i}`));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, resolve(v, results, `${where}.${k}`)]),
    );
  }
  if (typeof value !== 'string') return value;
  const lookup = (name: string, path: string) => {
    if (!results.has(name))
      throw usageError(`${where}: \${${name}${path}}: no earlier step is named '${name}'`);
    let current: unknown = results.get(name);
    for (const key of path.split('.').filter(Boolean)) {
      current =
        current && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
      if (current === undefined)
        throw usageError(`${where}: \${${name}${path}}: step '${name}' answered no '${key}'`);
    }
    return current;
  };
  const whole = /^\$\{([A-Za-z_][\w-]*)((?:\.[\w-]+)*)\}$/.exec(value);
  if (whole) return lookup(whole[1]!, whole[2]!);
  return value.replace(REFERENCE, (_m, name: string, path: string) => String(lookup(name, path)));
}

export interface FixtureStepResult {
  name: string;
  op: OperationName;
  result: unknown;
  text: string;
}

export async function runFixture(
  target: Target,
  fixture: Fixture,
  onStep: (step: FixtureStepResult) => void,
): Promise<FixtureStepResult[]> {
  const results = new Map<string, unknown>();
  const done: FixtureStepResult[] = [];
  for (const [i, step] of fixture.steps.entries()) {
    const where = `step '${step.name}' (steps.${i}.params)`;
    const params = resolve(step.params, results, where);
    try {
      const { result, text } = await runOperation(target, step.op, params, where);
      results.set(step.name, result);
      const entry = { name: step.name, op: step.op, result, text };
      done.push(entry);
      onStep(entry);
    } catch (error) {
      if (error instanceof CliError && error.exitCode !== EXIT.USAGE) {
        throw new CliError(error.exitCode, `step '${step.name}' (${step.op}): ${error.message}`);
      }
      throw error;
    }
  }
  return done;
}
