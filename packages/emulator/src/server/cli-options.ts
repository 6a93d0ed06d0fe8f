/**
 * @module
 * Flag parsing for runCli: node:util parseArgs, environment-variable fallbacks, and value checks that fail with
 * a message naming the flag (never a stack trace).
 */
import { parseArgs } from 'node:util';
import { CHAOS_ENV } from '../chaos/env.js';
import { chaosFromFlags, DEFAULT_CHAOS_SEED } from '../chaos/flags.js';
import { CHAOS_PROFILES } from '../chaos/profile.js';
import type { ClockMode } from '../clock/clock.js';
import { controlTokenProblem } from '../control/http.js';
import { EmulatorError } from '../errors.js';
import { REQUEST_LOG_MODES, type RequestLogMode } from '../http/request-log.js';
import type { RateLimitConfig } from '../ratelimit/limiter.js';
import type { EmulatorOptions } from '../types/provider.js';

export interface CliFlag {
  type: 'string' | 'boolean';
  description: string;
  /** Placeholder in --help, e.g. 'CODE'. */
  valueName?: string;
  /** Default env var is `<NAME>_<FLAG>`, e.g. ESIMACCESS_MOCK_ACCESS_CODE for --access-code. */
  env?: string;
  default?: string | boolean;
  /** One-letter alias, e.g. 'h' for -h. */
  short?: string;
  /** A flag that prints and exits (--help, --version): no env var. */
  noEnv?: true;
}

export type CliFlags = Record<string, CliFlag>;

export const COMMON_FLAGS: CliFlags = {
  host: { type: 'string', valueName: 'HOST', default: '127.0.0.1', description: 'address to bind' },
  port: { type: 'string', valueName: 'PORT', description: 'port to listen on (0 = any free port)' },
  seed: {
    type: 'string',
    valueName: 'SEED',
    description: "seed for generated ids and fault randomness (default: the provider's name)",
  },
  'state-file': {
    type: 'string',
    valueName: 'FILE',
    description: 'persist all state to FILE (loaded at start)',
  },
  clock: { type: 'string', valueName: 'real|manual', default: 'real', description: 'virtual clock mode' },
  'rate-limit': {
    type: 'string',
    valueName: 'N[/MS]|off',
    description:
      "requests per window per account (default: the provider's limit, shown at start; window 1000 ms)",
  },
  'control-token': {
    type: 'string',
    valueName: 'TOKEN',
    description: 'bearer token for /_sandbox (required when --host is not loopback)',
  },
  'allowed-host': {
    type: 'string',
    valueName: 'NAMES',
    description:
      'comma-separated host names accepted in Host by /_sandbox (addresses and localhost always are)',
  },
  chaos: {
    type: 'string',
    valueName: 'PROFILE|FILE',
    description: `seeded chaos on every account: ${Object.keys(CHAOS_PROFILES).join(', ')} or a JSON profile file (else ${CHAOS_ENV}=PROFILE:SEED)`,
  },
  'chaos-seed': {
    type: 'string',
    valueName: 'SEED',
    description: `the seed of --chaos (default ${DEFAULT_CHAOS_SEED}, the first seed of esim-sandbox chaos)`,
  },
  log: {
    type: 'string',
    valueName: REQUEST_LOG_MODES.join('|'),
    description:
      'request log on stdout, one line per provider request (default pretty on a terminal, off otherwise)',
  },
  'show-secrets': {
    type: 'boolean',
    description: "print the default account's secret in full in the start banner (default: masked)",
  },
  help: { type: 'boolean', short: 'h', noEnv: true, description: 'show this help and exit' },
  version: { type: 'boolean', short: 'V', noEnv: true, description: 'print the version and exit' },
};

/** How the commands end; printed by --help and listed in the READMEs. */
export const EXIT_CODES = [
  '0  --help or --version, or stopped by SIGINT/SIGTERM (Ctrl-C) after a clean shutdown',
  '1  could not start or stop (port in use, unreadable state file, non-loopback host without a control token)',
  '2  usage error: unknown flag or bad flag value (the message names the flag)',
] as const;

export interface ParsedCli {
  host: string;
  port: number;
  /** Engine options from the common flags (seed, stateFile, clock, rateLimit, controlToken, chaos). */
  options: EmulatorOptions<never>;
  /** Every flag's value (provider flags included), after env fallbacks and defaults. */
  values: Record<string, string | boolean | undefined>;
  help: boolean;
  version: boolean;
  /** undefined when neither --log nor its env var was given (the caller picks by terminal). */
  log: RequestLogMode | undefined;
  showSecrets: boolean;
}

export function envName(name: string, flag: string): string {
  return `${name}_${flag}`.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

export function parseCli(
  name: string,
  flags: CliFlags,
  argv: readonly string[],
  env: Record<string, string | undefined>,
  defaultPort: number,
): ParsedCli {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      // `npm run start -- --port 0` and some pnpm versions pass the separator through; a leading `--` means nothing here.
      args: argv[0] === '--' ? argv.slice(1) : [...argv],
      options: Object.fromEntries(
        Object.entries(flags).map(([k, f]) => [k, { type: f.type, ...(f.short ? { short: f.short } : {}) }]),
      ),
      strict: true,
      allowPositionals: false,
    });
  } catch (err) {
    throw new EmulatorError('INVALID_FLAG', (err as Error).message);
  }
  const values: Record<string, string | boolean | undefined> = {};
  for (const [flag, def] of Object.entries(flags)) {
    const given = parsed.values[flag];
    const fromEnv = def.noEnv ? undefined : env[def.env ?? envName(name, flag)];
    let value: string | boolean | undefined = Array.isArray(given) ? given.at(-1) : given;
    if (value === undefined && fromEnv !== undefined && fromEnv !== '') {
      value = def.type === 'boolean' ? /^(1|true|yes)$/i.test(fromEnv) : fromEnv;
    }
    values[flag] = value ?? def.default;
  }
  const host = String(values.host ?? '127.0.0.1');
  const port = parsePort(values.port, defaultPort);
  const clock = values.clock ?? 'real';
  if (clock !== 'real' && clock !== 'manual')
    throw flagError('clock', `must be 'real' or 'manual', got '${clock}'`);
  const options: EmulatorOptions<never> = { clock: clock as ClockMode };
  if (typeof values.seed === 'string') options.seed = values.seed;
  if (typeof values['state-file'] === 'string') options.stateFile = values['state-file'];
  if (typeof values['control-token'] === 'string') {
    const problem = controlTokenProblem(values['control-token']);
    if (problem) throw flagError('control-token', problem);
    options.controlToken = values['control-token'];
  }
  if (typeof values['allowed-host'] === 'string') {
    options.allowedHosts = values['allowed-host']
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean);
  }
  if (typeof values['rate-limit'] === 'string') options.rateLimit = parseRateLimit(values['rate-limit']);
  const chaos = chaosFromFlags(
    { profile: stringValue(values.chaos), seed: stringValue(values['chaos-seed']) },
    env,
  );
  if (chaos) options.chaos = chaos;
  const log = values.log;
  if (log !== undefined && !(REQUEST_LOG_MODES as readonly unknown[]).includes(log)) {
    throw flagError('log', `must be one of ${REQUEST_LOG_MODES.join(', ')}, got '${String(log)}'`);
  }
  return {
    host,
    port,
    options,
    values,
    help: values.help === true,
    version: values.version === true,
    log: log as RequestLogMode | undefined,
    showSecrets: values['show-secrets'] === true,
  };
}

const stringValue = (value: string | boolean | undefined) => (typeof value === 'string' ? value : undefined);

function parsePort(value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(String(value)) || n > 65535)
    throw flagError('port', `must be an integer 0-65535, got '${value}'`);
  return n;
}

/** 'off' | 'N' (per second) | 'N/MS'. */
export function parseRateLimit(value: string): RateLimitConfig | null {
  if (value === 'off') return null;
  const m = /^(\d+)(?:\/(\d+))?$/.exec(value);
  const limit = Number(m?.[1]);
  const windowMs = m?.[2] === undefined ? 1000 : Number(m[2]);
  if (!m || limit < 1 || windowMs < 1) {
    throw flagError('rate-limit', `must be 'off', N or N/WINDOW_MS (e.g. 8 or 8/1000), got '${value}'`);
  }
  return { limit, windowMs };
}

export function flagError(flag: string, message: string): EmulatorError {
  return new EmulatorError('INVALID_FLAG', `--${flag} ${message}`, { field: flag });
}

export function usage(name: string, description: string, flags: CliFlags): string {
  const lines = [`Usage: ${name} [options]`, '', description, '', 'Options:'];
  for (const [flag, def] of Object.entries(flags)) {
    const short = def.short ? `-${def.short}, ` : '';
    const left = `  ${short}--${flag}${def.type === 'string' ? ` ${def.valueName ?? 'VALUE'}` : ''}`;
    const extra = [
      def.default !== undefined && def.type === 'string' ? `default ${def.default}` : '',
      def.noEnv ? '' : `env ${def.env ?? envName(name, flag)}`,
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(`${left.padEnd(34)} ${def.description}${extra ? ` (${extra})` : ''}`);
  }
  lines.push('', 'Exit codes:', ...EXIT_CODES.map((line) => `  ${line}`));
  return lines.join('\n');
}
