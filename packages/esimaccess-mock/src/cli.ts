import { createRequire } from 'node:module';
import { ESIM_ACCESS_DEFAULT_TIMESTAMP_WINDOW_MS } from '@esim-sandbox/core';
import { type CliIo, flagError, type RunningServer, runCli } from '@esim-sandbox/emulator';
import { catalogFile } from './catalog/load.js';
import { createEsimAccessMock } from './mock/create.js';
import {
  DEFAULT_FIDELITY,
  ESIM_ACCESS_FIDELITY_PROFILES,
  ESIM_ACCESS_SIGNATURE_MODES,
  ESIM_ACCESS_TIMESTAMP_CLOCKS,
  FIDELITY_DEFAULTS,
} from './runtime/fidelity.js';
import {
  DEFAULT_BALANCE,
  DEMO_ACCESS_CODE,
  DEMO_SECRET_KEY,
  type EsimAccessAuthOptions,
  resolveFidelity,
} from './runtime/options.js';

/** src/cli.ts and dist/cli.js are both one folder below the package's package.json. */
const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/** Port when neither --port nor ESIMACCESS_MOCK_PORT is given (`--port 0` picks a free one). */
export const ESIMACCESS_MOCK_DEFAULT_PORT = 4010;

function integerFlag(flag: string, value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw flagError(flag, `must be a non-negative integer, got '${String(value)}'`);
  }
  return Number(value);
}

/** A flag whose value is one of `choices`; undefined when not given (the fidelity profile decides). */
function choiceFlag<T extends string>(
  flag: string,
  choices: readonly T[],
  value: string | boolean | undefined,
): T | undefined {
  if (value === undefined) return undefined;
  if ((choices as readonly unknown[]).includes(value)) return value as T;
  throw flagError(flag, `must be one of ${choices.join(', ')}, got '${String(value)}'`);
}

/** The auth options the flags give; the ones not given are left to the fidelity profile. */
function authFlags(values: Record<string, string | boolean | undefined>): Partial<EsimAccessAuthOptions> {
  const signature = choiceFlag('signature', ESIM_ACCESS_SIGNATURE_MODES, values.signature);
  const timestampClock = choiceFlag(
    'timestamp-clock',
    ESIM_ACCESS_TIMESTAMP_CLOCKS,
    values['timestamp-clock'],
  );
  const timestampWindowMs = integerFlag('timestamp-window', values['timestamp-window']);
  return {
    ...(signature === undefined ? {} : { signature }),
    ...(timestampClock === undefined ? {} : { timestampClock }),
    ...(timestampWindowMs === undefined ? {} : { timestampWindowMs }),
  };
}

export function runEsimAccessCli(io?: CliIo): Promise<RunningServer | undefined> {
  return runCli(
    {
      name: 'esimaccess-mock',
      version,
      credentialNames: ['access code', 'secret key'],
      description: 'A stateful fake of the eSIM Access partner API (https://api.esimaccess.com).',
      defaultPort: ESIMACCESS_MOCK_DEFAULT_PORT,
      options: {
        'access-code': {
          type: 'string',
          valueName: 'CODE',
          default: DEMO_ACCESS_CODE,
          description: 'RT-AccessCode of the default account',
        },
        'secret-key': {
          type: 'string',
          valueName: 'KEY',
          default: DEMO_SECRET_KEY,
          description: 'SecretKey of the default account',
        },
        balance: {
          type: 'string',
          valueName: 'UNITS',
          default: String(DEFAULT_BALANCE),
          description: 'starting balance in 1/10,000 USD',
        },
        'webhook-url': {
          type: 'string',
          valueName: 'URL',
          description: 'webhook URL of the default account',
        },
        fidelity: {
          type: 'string',
          valueName: ESIM_ACCESS_FIDELITY_PROFILES.join('|'),
          default: DEFAULT_FIDELITY,
          description: "defaults of the flags below: what live does, or the documents' strict reading",
        },
        signature: {
          type: 'string',
          valueName: ESIM_ACCESS_SIGNATURE_MODES.join('|'),
          description: `what auth requires (default: ${FIDELITY_DEFAULTS.live.signature}; documented: ${FIDELITY_DEFAULTS.documented.signature})`,
        },
        'timestamp-clock': {
          type: 'string',
          valueName: ESIM_ACCESS_TIMESTAMP_CLOCKS.join('|'),
          description: `what RT-Timestamp is checked against (default ${FIDELITY_DEFAULTS.live.timestampClock}: the wall clock)`,
        },
        'timestamp-window': {
          type: 'string',
          valueName: 'MS',
          description: `allowed RT-Timestamp distance, both ways (default ${ESIM_ACCESS_DEFAULT_TIMESTAMP_WINDOW_MS})`,
        },
        catalog: {
          type: 'string',
          valueName: 'FILE',
          description:
            'sell the packages and locations of a catalogue file (capture-catalog) instead of generated ones',
        },
        'allocation-delay': {
          type: 'string',
          valueName: 'MS',
          description: 'virtual ms from order to allocated profiles (default 2000)',
        },
      },
      create: ({ options, values }) => {
        const delay = integerFlag('allocation-delay', values['allocation-delay']);
        const catalog = catalogFile.flag(values.catalog);
        const fidelity = choiceFlag('fidelity', ESIM_ACCESS_FIDELITY_PROFILES, values.fidelity);
        const mock = createEsimAccessMock({
          ...options,
          ...(catalog === undefined ? {} : { catalog }),
          accessCode: String(values['access-code']),
          secretKey: String(values['secret-key']),
          balance: integerFlag('balance', values.balance) ?? DEFAULT_BALANCE,
          fidelity,
          auth: authFlags(values),
          ...(typeof values['webhook-url'] === 'string' ? { webhookUrl: values['webhook-url'] } : {}),
          ...(delay === undefined ? {} : { behaviour: { allocationDelayMs: delay } }),
        });
        const auth = mock.control.auth();
        return {
          emulator: mock.emulator,
          banner: [
            ['fidelity', resolveFidelity(fidelity)],
            ['signature', auth.signature],
            ['timestamps', `${auth.timestampClock} clock, window ${auth.timestampWindowMs} ms`],
            ['allocation', `${mock.behaviour.allocationDelayMs} virtual ms after an order`],
          ],
        };
      },
    },
    io,
  );
}
