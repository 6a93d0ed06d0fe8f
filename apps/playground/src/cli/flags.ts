/**
 * @module
 * The start command's flags (`--port 4700 --clock manual ...`), each with an environment fallback
 * (`PLAYGROUND_PORT`, `PLAYGROUND_ESIMACCESS_URL`...). Bad values throw a PlaygroundError naming the flag.
 */
import { parseArgs } from 'node:util';
import { chaosFromFlags, DEFAULT_CHAOS_SEED, EmulatorError } from '@esim-sandbox/emulator';
import { PlaygroundError } from '../errors.js';
import { DEFAULT_PORT, type PlaygroundOptions } from '../server/playground.js';

const FLAGS = {
  host: { type: 'string', description: 'address to bind (loopback only)', value: 'HOST' },
  port: {
    type: 'string',
    description: `dashboard port (default ${DEFAULT_PORT}; 0 = free ports for everything)`,
    value: 'N',
  },
  'esimaccess-port': {
    type: 'string',
    description: 'eSIM Access fake port (default dashboard port + 1)',
    value: 'N',
  },
  'iroamly-port': {
    type: 'string',
    description: 'iRoamly fake port (default dashboard port + 2)',
    value: 'N',
  },
  'sink-port': { type: 'string', description: 'webhook sink port (default dashboard port + 3)', value: 'N' },
  'esimaccess-url': {
    type: 'string',
    description: 'use the eSIM Access fake running at this URL',
    value: 'URL',
  },
  'iroamly-url': { type: 'string', description: 'use the iRoamly fake running at this URL', value: 'URL' },
  clock: {
    type: 'string',
    description: 'clock of the fakes started here: real (default) or manual',
    value: 'MODE',
  },
  seed: { type: 'string', description: 'seed for ids and catalogues', value: 'TEXT' },
  'state-file': {
    type: 'string',
    description: "keep both fakes' state across restarts: FILE.esimaccess.json and FILE.iroamly.json",
    value: 'FILE',
  },
  catalog: {
    type: 'string',
    description: 'catalogue files (capture-catalog), comma-separated; each names its provider',
    value: 'FILES',
  },
  chaos: {
    type: 'string',
    description: `seeded chaos on the fakes started here: gentle, realistic, hostile or a JSON file (else ESIM_SANDBOX_CHAOS=PROFILE:SEED)`,
    value: 'PROFILE',
  },
  'chaos-seed': {
    type: 'string',
    description: `the seed of --chaos (default ${DEFAULT_CHAOS_SEED}, the first seed of esim-sandbox chaos)`,
    value: 'SEED',
  },
  help: { type: 'boolean', description: 'show this help' },
} as const;

type FlagName = keyof typeof FLAGS;

/** The start command's exit statuses (main.ts returns them); `--help` and the README list exactly these. */
export const EXIT_CODES: ReadonlyArray<{ code: number; meaning: string }> = [
  { code: 0, meaning: '--help, or stopped by SIGINT/SIGTERM' },
  { code: 1, meaning: 'could not start: a port taken, a --host beyond loopback, an unusable fake URL' },
  { code: 2, meaning: 'an unknown flag or a malformed value (flag or PLAYGROUND_* variable), named' },
];

export function envName(flag: string): string {
  return `PLAYGROUND_${flag.toUpperCase().replaceAll('-', '_')}`;
}

export function helpText(): string {
  const lines = Object.entries(FLAGS).map(([name, flag]) => {
    const left = `--${name}${'value' in flag ? ` ${flag.value}` : ''}`;
    const env = flag.type === 'string' ? ` [${envName(name)}]` : '';
    return `  ${left.padEnd(24)} ${flag.description}${env}`;
  });
  return [
    'Usage: pnpm start [flags]',
    '',
    'Starts both fake providers, a webhook sink and the dashboard.',
    '',
    ...lines,
    '',
    'Exit codes:',
    ...EXIT_CODES.map(({ code, meaning }) => `  ${code}  ${meaning}`),
  ].join('\n');
}

function portValue(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 65_535) {
    throw new PlaygroundError('INVALID_ARGUMENT', `--${flag}: must be a port number 0-65535, got '${text}'`, {
      field: `--${flag}`,
    });
  }
  return n;
}

/** The engine's reading of the chaos flags (and ESIM_SANDBOX_CHAOS), its errors as the playground's. */
function chaosFlags(profile: string | undefined, seed: string | undefined, env: NodeJS.ProcessEnv) {
  try {
    return chaosFromFlags({ profile, seed }, env);
  } catch (error) {
    // The engine names the flag or variable first (`--chaos must be ...`): the playground's form is `--chaos: ...`.
    const field = (error instanceof EmulatorError && error.field) || '--chaos';
    const message = (error as Error).message.slice(field.length).replace(/^:? /, '');
    throw new PlaygroundError('INVALID_ARGUMENT', `${field}: ${message}`, { field });
  }
}

export type ParsedFlags = { help: true } | { help: false; options: PlaygroundOptions };

export function parseFlags(argv: string[], env: NodeJS.ProcessEnv = process.env): ParsedFlags {
  let values: Partial<Record<FlagName, string | boolean>>;
  try {
    const options = Object.fromEntries(Object.entries(FLAGS).map(([name, f]) => [name, { type: f.type }]));
    values = parseArgs({ args: argv, options: options as never, strict: true, allowPositionals: false })
      .values as never;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const flag = /'(--[a-z-]+)/.exec(message)?.[1];
    throw new PlaygroundError('INVALID_ARGUMENT', message, flag ? { field: flag } : {});
  }
  if (values.help) return { help: true };
  const get = (name: FlagName): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : env[envName(name)] || undefined;
  };
  const clock = get('clock');
  if (clock !== undefined && clock !== 'real' && clock !== 'manual') {
    throw new PlaygroundError('INVALID_ARGUMENT', `--clock: must be 'real' or 'manual', got '${clock}'`, {
      field: '--clock',
    });
  }
  const options: PlaygroundOptions = {};
  const set = <K extends keyof PlaygroundOptions>(key: K, value: PlaygroundOptions[K] | undefined) => {
    if (value !== undefined) options[key] = value;
  };
  set('host', get('host'));
  set('port', portValue('port', get('port')));
  set('esimaccessPort', portValue('esimaccess-port', get('esimaccess-port')));
  set('iroamlyPort', portValue('iroamly-port', get('iroamly-port')));
  set('sinkPort', portValue('sink-port', get('sink-port')));
  set('esimaccessUrl', get('esimaccess-url'));
  set('iroamlyUrl', get('iroamly-url'));
  set('clock', clock);
  set('seed', get('seed'));
  set('stateFile', get('state-file'));
  set('catalogFiles', get('catalog')?.split(',').filter(Boolean));
  set('chaos', chaosFlags(get('chaos'), get('chaos-seed'), env));
  return { help: false, options };
}
