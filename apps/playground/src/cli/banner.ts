/**
 * @module
 * What the start command prints once everything listens: where the dashboard is, both fakes with their demo
 * credentials, the webhook sink, and how to run a scenario against it.
 */
import type { ChaosSetting } from '@esim-sandbox/emulator';
import { scenarioCommand } from '../dashboard/page.js';
import type { Playground } from '../server/playground.js';

/** What a replay needs: the profile and seed the fakes started here run under. */
function chaosText(chaos: ChaosSetting | undefined): string {
  if (!chaos) return 'off';
  const name = typeof chaos.profile === 'string' ? chaos.profile : chaos.profile.name;
  return `${name}, seed ${chaos.seed} (the fakes started here; the same seed and requests replay the same faults)`;
}

export function banner(playground: Playground, clock: string, chaos?: ChaosSetting): string {
  const { esimaccess, iroamly } = playground.sources;
  const creds = (
    names: [string, string],
    c: { key: string; secret: string } | undefined,
    external: boolean,
  ) =>
    external || !c
      ? '(credentials: those of the external fake)'
      : `${names[0]} ${c.key}  ${names[1]} ${c.secret}`;
  return [
    '',
    'esim-sandbox playground',
    '',
    `  dashboard     ${playground.url}`,
    `  eSIM Access   ${esimaccess.baseUrl}   ${creds(['access code', 'secret key'], esimaccess.credentials, esimaccess.external)}`,
    `  iRoamly       ${iroamly.baseUrl}   ${creds(['AuthKey', 'AuthSecret'], iroamly.credentials, iroamly.external)}`,
    `  webhook sink  ${playground.sink.url}/webhooks/<account>   (the eSIM Access default account delivers here)`,
    `  clock         ${clock}`,
    `  chaos         ${chaosText(chaos)}`,
    '',
    'Run a scenario from another terminal (repository root):',
    `  ${scenarioCommand(playground.url).replace('<name>', 'esimaccess-happy-path')}`,
    '',
    'Press Ctrl+C to stop.',
    '',
  ].join('\n');
}
