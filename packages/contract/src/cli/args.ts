/**
 * The command line of `contract`: flags to a checked configuration. Every mistake is a UsageError naming the flag.
 * @module
 */
import { createRequire } from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { PROVIDERS, type ProviderName, TARGET_KINDS, type TargetKind } from '../runner/types.js';

/** The package's version, for `--version` of both commands. */
export const CONTRACT_VERSION: string = (
  createRequire(import.meta.url)('../../package.json') as { version: string }
).version;

/** Exit codes, the same for `contract` and `capture-catalog`. */
export const EXIT_CODES_HELP = `Exit codes:
  0  done (contract: every check passed, or a live target was skipped for lack of credentials)
  1  a check failed, a compared check differs with --fail-on-drift, or the provider could not be read
  2  a usage error (a flag, a file), nothing was run`;

export const CONTRACT_HELP = `Usage: contract --target KIND[,KIND] [options]

Runs the contract suite of eSIM Access and/or iRoamly against a target and prints what each check observed.
With two targets (or --compare), prints the drift report: check | first | second | same?

Targets:
  mock-inprocess   the mock through msw on the provider's real base URL, in this process
  mock-http        the mock's HTTP server on 127.0.0.1 (a free port), or a running mock with --base-url
  live             the real API: ESIMACCESS_ACCESS_CODE + ESIMACCESS_SECRET_KEY, IROAMLY_AUTH_KEY + IROAMLY_AUTH_SECRET
                   (skipped, exit 0, when they are not set). Spends nothing unless --allow-spend.

Options:
  --provider esimaccess|iroamly|all   default all
  --target KIND[,KIND]                one target, or two to compare (e.g. mock-http,live)
  --base-url URL                      live: another base URL; mock-http: a mock that is already running
  --allow-spend                       live: also run checks that spend money or cannot be undone (one provider)
  --spend-cap N                       live: the most to spend, in 1/10,000 USD (eSIM Access) or 1/100 credit (iRoamly)
  --email ADDRESS                     where iRoamly mails bought codes and QR codes (live purchase/redeem need it)
  --region REGION                     iRoamly region for the plan checks (default US)
  --json FILE                         write every report as JSON
  --compare FILE                      compare with the reports of an earlier --json run (e.g. a live run)
  --fail-on-drift                     exit 1 when a compared check differs
  --record FILE                       record the session (one provider, one target) as a replayable fixture
  --redact-iccids                     with --record: replace ICCIDs too (emails and credentials always are)
  -h, --help                          this text
  -V, --version                       the version

${EXIT_CODES_HELP}`;

export interface ContractCliConfig {
  help: boolean;
  version: boolean;
  providers: ProviderName[];
  targets: TargetKind[];
  baseUrl?: string;
  allowSpend: boolean;
  spendCap?: number;
  email?: string;
  region?: string;
  json?: string;
  compare?: string;
  record?: string;
  redactIccids: boolean;
  failOnDrift: boolean;
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}, got '${value}'`, flag);
}

function targetsOf(values: readonly string[] | undefined): TargetKind[] {
  const kinds = [
    ...new Set(
      (values ?? [])
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
  if (kinds.length === 0) throw new UsageError(`--target is required (${TARGET_KINDS.join(', ')})`, 'target');
  if (kinds.length > 2) throw new UsageError('--target takes one target, or two to compare', 'target');
  return kinds.map((k) => oneOf('target', k, TARGET_KINDS));
}

function spendCapOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,15}$/.test(value)) {
    throw new UsageError(
      `--spend-cap must be a whole number in the provider's unit, got '${value}'`,
      'spend-cap',
    );
  }
  return Number(value);
}

/** Relative file names are taken from where the user ran the command (pnpm runs scripts in the package). */
export function resolveFile(file: string | undefined, cwd: string): string | undefined {
  return file === undefined || isAbsolute(file) ? file : resolve(cwd, file);
}

const OPTIONS = {
  provider: { type: 'string', default: 'all' },
  target: { type: 'string', multiple: true },
  'base-url': { type: 'string' },
  'allow-spend': { type: 'boolean', default: false },
  'spend-cap': { type: 'string' },
  email: { type: 'string' },
  region: { type: 'string' },
  json: { type: 'string' },
  compare: { type: 'string' },
  record: { type: 'string' },
  'redact-iccids': { type: 'boolean', default: false },
  'fail-on-drift': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'V', default: false },
} as const;

/** npm and pnpm pass a lone `--` through to scripts. */
export function withoutSeparator(argv: readonly string[]): string[] {
  return argv[0] === '--' ? argv.slice(1) : [...argv];
}

export function parseContractArgs(argv: readonly string[], cwd: string): ContractCliConfig {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
  try {
    values = parseArgs({
      args: withoutSeparator(argv),
      options: OPTIONS,
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help || values.version)
    return {
      help: values.help ?? false,
      version: !values.help && (values.version ?? false),
      providers: [],
      targets: [],
      allowSpend: false,
      redactIccids: false,
      failOnDrift: false,
    };
  const provider = oneOf('provider', values.provider ?? 'all', [...PROVIDERS, 'all'] as const);
  const providers = provider === 'all' ? [...PROVIDERS] : [provider];
  const targets = targetsOf(values.target);
  const spendCap = spendCapOf(values['spend-cap']);
  const allowSpend = values['allow-spend'] ?? false;
  if (allowSpend && spendCap === undefined) {
    throw new UsageError('--allow-spend needs --spend-cap N, the most the run may spend', 'spend-cap');
  }
  if (!allowSpend && spendCap !== undefined)
    throw new UsageError('--spend-cap applies only with --allow-spend', 'spend-cap');
  if (allowSpend && providers.length > 1) {
    throw new UsageError(
      "--allow-spend needs one --provider: the spend cap is in that provider's unit",
      'provider',
    );
  }
  if (values.record !== undefined && (providers.length > 1 || targets.length > 1)) {
    throw new UsageError('--record records one provider on one target', 'record');
  }
  if (values['redact-iccids'] && values.record === undefined) {
    throw new UsageError('--redact-iccids applies only with --record', 'redact-iccids');
  }
  const baseUrl = values['base-url'];
  if (baseUrl !== undefined && targets.length > 1) {
    throw new UsageError('--base-url applies to one target: a running mock, or another live URL', 'base-url');
  }
  if (baseUrl !== undefined && !URL.canParse(baseUrl))
    throw new UsageError(`--base-url must be a URL, got '${baseUrl}'`, 'base-url');
  return {
    help: false,
    version: false,
    providers,
    targets,
    allowSpend,
    redactIccids: values['redact-iccids'] ?? false,
    failOnDrift: values['fail-on-drift'] ?? false,
    ...(baseUrl === undefined ? {} : { baseUrl: baseUrl.replace(/\/+$/, '') }),
    ...(spendCap === undefined ? {} : { spendCap }),
    ...(values.email === undefined ? {} : { email: values.email }),
    ...(values.region === undefined ? {} : { region: values.region }),
    ...(values.json === undefined ? {} : { json: resolveFile(values.json, cwd) }),
    ...(values.compare === undefined ? {} : { compare: resolveFile(values.compare, cwd) }),
    ...(values.record === undefined ? {} : { record: resolveFile(values.record, cwd) }),
  };
}
