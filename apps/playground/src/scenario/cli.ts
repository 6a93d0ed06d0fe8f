/**
 * @module
 * `pnpm scenario <name>...` (or `all`, or nothing for the list): runs scenarios against the playground at
 * PLAYGROUND_URL, or against a private one when it is unset. Exits 1 when any scenario fails, 2 on bad usage.
 */
import { exitAfterOutput } from '@esim-sandbox/core';
import { scenarios } from '../../scenarios/index.js';
import { runScenario } from './run.js';
import { targetFromEnv } from './target.js';

function usage(): string {
  return [
    'Usage: pnpm scenario <name>... | all',
    '',
    'Runs against the playground at PLAYGROUND_URL (it then shows on its dashboard), else a private one.',
    '',
    'Scenarios:',
    ...scenarios.map((s) => `  ${s.name.padEnd(36)} ${s.title}`),
  ].join('\n');
}

async function main(args: string[]): Promise<number> {
  const names = args.filter((a) => a !== '--');
  if (names.length === 0 || names.includes('--help')) {
    process.stdout.write(`${usage()}\n`);
    return names.length === 0 ? 2 : 0;
  }
  const unknown = names.filter((n) => n !== 'all' && !scenarios.some((s) => s.name === n));
  if (unknown.length > 0) {
    process.stderr.write(`scenario: unknown scenario ${unknown.join(', ')}\n\n${usage()}\n`);
    return 2;
  }
  const chosen = names.includes('all') ? scenarios : scenarios.filter((s) => names.includes(s.name));
  const target = await targetFromEnv();
  process.stdout.write(
    `Running on ${process.env.PLAYGROUND_URL ? target.dashboardUrl : 'a private playground'}\n\n`,
  );
  let failed = 0;
  try {
    for (const scenario of chosen) {
      const result = await runScenario(scenario, target, (line) => process.stdout.write(`${line}\n`));
      if (!result.ok) failed += 1;
    }
  } finally {
    await target.close();
  }
  const total = chosen.length;
  process.stdout.write(
    failed ? `${failed} of ${total} scenario(s) FAILED\n` : `all ${total} scenario(s) passed\n`,
  );
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => exitAfterOutput(code),
  (error: unknown) => {
    process.stderr.write(`scenario: ${error instanceof Error ? error.message : String(error)}\n`);
    return exitAfterOutput(1);
  },
);
