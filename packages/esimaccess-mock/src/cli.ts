import { type CliIo, flagError, type RunningServer, runCli } from '@esim-sandbox/emulator';
import { catalogFile } from './catalog/load.js';
import { createEsimAccessMock } from './mock/create.js';
import {
  DEFAULT_BALANCE,
  DEMO_ACCESS_CODE,
  DEMO_SECRET_KEY,
  type EsimAccessSignatureMode,
} from './mock/options.js';

/** Port when neither --port nor ESIMACCESS_MOCK_PORT is given (`--port 0` picks a free one). */
export const ESIMACCESS_MOCK_DEFAULT_PORT = 4010;

function integerFlag(flag: string, value: string | boolean | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw flagError(flag, `must be a non-negative integer, got '${String(value)}'`);
  }
  return Number(value);
}

function signatureFlag(value: string | boolean | undefined): EsimAccessSignatureMode {
  if (value === 'hmac' || value === 'access-code-only') return value;
  throw flagError('signature', `must be 'hmac' or 'access-code-only', got '${String(value)}'`);
}

export function runEsimAccessCli(io?: CliIo): Promise<RunningServer | undefined> {
  return runCli(
    {
      name: 'esimaccess-mock',
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
        signature: {
          type: 'string',
          valueName: 'hmac|access-code-only',
          default: 'hmac',
          description: 'what auth requires',
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
        return createEsimAccessMock({
          ...options,
          ...(catalog === undefined ? {} : { catalog }),
          accessCode: String(values['access-code']),
          secretKey: String(values['secret-key']),
          balance: integerFlag('balance', values.balance) ?? DEFAULT_BALANCE,
          auth: { signature: signatureFlag(values.signature) },
          ...(typeof values['webhook-url'] === 'string' ? { webhookUrl: values['webhook-url'] } : {}),
          ...(delay === undefined ? {} : { behaviour: { allocationDelayMs: delay } }),
        }).emulator;
      },
    },
    io,
  );
}
