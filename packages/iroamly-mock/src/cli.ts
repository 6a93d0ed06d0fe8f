/**
 * @module
 * The `iroamly-mock` command: the engine's runCli with iRoamly's flags (--auth-key, --auth-secret, --balance).
 */
import { createRequire } from 'node:module';
import { InvalidArgumentError } from '@esim-sandbox/core';
import { type CliDefinition, type CliIo, flagError, runCli } from '@esim-sandbox/emulator';
import { catalogFile } from './catalog/load.js';
import { createIroamlyMock } from './mock/create.js';
import { DEFAULT_BALANCE, DEMO_AUTH_KEY, DEMO_AUTH_SECRET } from './runtime/options.js';

/** src/cli.ts and dist/cli.js are both one folder below the package's package.json. */
const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/** Port when neither --port nor IROAMLY_MOCK_PORT is given. */
export const IROAMLY_MOCK_DEFAULT_PORT = 4020;

const FLAG_OF_FIELD: Readonly<Record<string, string>> = {
  authKey: 'auth-key',
  authSecret: 'auth-secret',
  balance: 'balance',
};

function balanceFlag(value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value)) {
    throw flagError('balance', `must be a non-negative integer in 1/100 credit, got '${String(value)}'`);
  }
  return Number(value);
}

function stringFlag(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export const iroamlyCli: CliDefinition = {
  name: 'iroamly-mock',
  version,
  credentialNames: ['AuthKey', 'AuthSecret'],
  description: 'A stateful fake of the iRoamly reseller API (spec v1.2), for tests and local development.',
  defaultPort: IROAMLY_MOCK_DEFAULT_PORT,
  options: {
    'auth-key': {
      type: 'string',
      valueName: 'KEY',
      default: DEMO_AUTH_KEY,
      description: 'AuthKey of the default account (at most 32 characters)',
    },
    'auth-secret': {
      type: 'string',
      valueName: 'SECRET',
      default: DEMO_AUTH_SECRET,
      description: 'AuthSecret of the default account (at most 50 characters)',
    },
    balance: {
      type: 'string',
      valueName: 'MINOR',
      description: `starting balance in 1/100 credit (default ${DEFAULT_BALANCE})`,
    },
    catalog: {
      type: 'string',
      valueName: 'FILE',
      description: 'sell the plans of a catalogue file (capture-catalog) instead of generated ones',
    },
  },
  create: ({ options, values }) => {
    const catalog = catalogFile.flag(values.catalog);
    try {
      return createIroamlyMock({
        ...(catalog === undefined ? {} : { catalog }),
        ...options,
        authKey: stringFlag(values['auth-key']),
        authSecret: stringFlag(values['auth-secret']),
        balance: balanceFlag(values.balance),
      }).emulator;
    } catch (error) {
      // The mock checks credentials with core's rules; report them as the flag the user typed.
      const flag = error instanceof InvalidArgumentError ? FLAG_OF_FIELD[error.field] : undefined;
      if (flag && error instanceof Error) throw flagError(flag, error.message.replace(/^[^:]+: /, ''));
      throw error;
    }
  },
};

/** Runs the command; `io` is injectable for tests. */
export function runIroamlyCli(io?: CliIo) {
  return runCli(iroamlyCli, io);
}
