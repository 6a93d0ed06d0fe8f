/**
 * @module
 * The tiny step printer every scenario uses: each step prints its label and result, a failed check or an
 * unexpected error stops the scenario (and makes the run exit non-zero).
 */
import type { EsimAccessSide, IroamlySide } from '../src/scenario/sides.js';

export type Print = (line: string) => void;

/** A scenario's own failure: a check that did not hold, or an error that did not come. */
export class ScenarioFailure extends Error {
  readonly code = 'SCENARIO_FAILED';
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioFailure';
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // fetch's "fetch failed" says nothing; the socket error is in its cause.
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  if (error.message === 'fetch failed' && cause)
    return `fetch failed (${String(cause.code ?? cause.message)})`;
  const code = (error as { code?: unknown }).code;
  if (code === undefined || code === 'SCENARIO_FAILED' || error.message.includes(String(code)))
    return error.message;
  return `${String(code)}: ${error.message}`;
}

function summarise(value: unknown): string {
  if (value === undefined || value === null) return 'ok';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return 'ok';
}

/** Fails the scenario with `message` unless `condition` holds. */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ScenarioFailure(message);
}

export class Steps {
  constructor(private readonly print: Print) {}

  /** Runs one step and prints `✓ label → result` (`show` turns the value into the result text). */
  async step<T>(label: string, fn: () => T | Promise<T>, show: (value: T) => string = summarise): Promise<T> {
    let value: T;
    try {
      value = await fn();
    } catch (error) {
      this.print(`  ✗ ${label} → ${describe(error)}`);
      throw error;
    }
    this.print(`  ✓ ${label} → ${show(value)}`);
    return value;
  }

  /** A step that must be refused with the error `code` (a provider's code, or core's client error code). */
  async expectError(label: string, fn: () => unknown, code: string): Promise<Error> {
    let outcome: unknown;
    try {
      await fn();
      outcome = new ScenarioFailure(`expected error ${code}, but it succeeded`);
    } catch (error) {
      if (error instanceof Error && (error as { code?: unknown }).code === code) {
        this.print(`  ✓ ${label} → refused as expected: ${describe(error)}`);
        return error;
      }
      outcome = new ScenarioFailure(`expected error ${code}, got ${describe(error)}`);
    }
    this.print(`  ✗ ${label} → ${describe(outcome)}`);
    throw outcome;
  }

  note(text: string): void {
    this.print(`  · ${text}`);
  }
}

export interface ScenarioContext extends Pick<Steps, 'step' | 'expectError' | 'note'> {
  /** A fresh eSIM Access account (manual clock, webhooks to the sink) with a client. */
  esimaccess(params?: { balance?: number; stock?: Record<string, number> }): Promise<EsimAccessSide>;
  /** A fresh iRoamly account (manual clock) with a client. */
  iroamly(params?: { balance?: number }): Promise<IroamlySide>;
}

export interface Scenario {
  /** Kebab-case, used on the command line: `pnpm scenario esimaccess-happy-path`. */
  name: string;
  title: string;
  run(ctx: ScenarioContext): Promise<void>;
}

export function defineScenario(scenario: Scenario): Scenario {
  return scenario;
}
