/**
 * @module
 * Runs scenarios against a target, printing a header, every step, and a verdict. A scenario passes when its
 * `run` returns; any error fails it.
 */
import { randomBytes } from 'node:crypto';
import { type Print, type Scenario, type ScenarioContext, Steps } from '../../scenarios/steps.js';
import { openEsimAccess, openIroamly } from './sides.js';
import type { ScenarioTarget } from './target.js';

export interface ScenarioResult {
  name: string;
  ok: boolean;
  error?: unknown;
  /** Accounts the run created, by provider. */
  accounts: { esimaccess: string[]; iroamly: string[] };
}

/** An account key that says which scenario made it, unique per run, within iRoamly's 32 characters. */
export function accountKey(scenario: string): string {
  return `${scenario.slice(0, 24)}-${randomBytes(4).toString('hex').slice(0, 6)}`;
}

export async function runScenario(
  scenario: Scenario,
  target: ScenarioTarget,
  print: Print,
): Promise<ScenarioResult> {
  const steps = new Steps(print);
  const accounts: ScenarioResult['accounts'] = { esimaccess: [], iroamly: [] };
  const ctx: ScenarioContext = {
    step: steps.step.bind(steps),
    expectError: steps.expectError.bind(steps),
    note: steps.note.bind(steps),
    esimaccess: async (params) => {
      const side = await openEsimAccess(target, accountKey(scenario.name), params);
      accounts.esimaccess.push(side.accessCode);
      steps.note(`eSIM Access account ${side.accessCode} (manual clock, webhooks to ${side.sink.url})`);
      return side;
    },
    iroamly: async (params) => {
      const side = await openIroamly(target, accountKey(scenario.name), params);
      accounts.iroamly.push(side.authKey);
      steps.note(`iRoamly account ${side.authKey} (manual clock)`);
      return side;
    },
  };
  print(`▶ ${scenario.name}: ${scenario.title}`);
  try {
    await scenario.run(ctx);
    print(`✔ ${scenario.name} passed\n`);
    return { name: scenario.name, ok: true, accounts };
  } catch (error) {
    print(`✘ ${scenario.name} FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
    return { name: scenario.name, ok: false, error, accounts };
  }
}
