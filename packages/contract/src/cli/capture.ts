/**
 * `capture-catalog`: reads what an account sells and writes the catalogue file both mocks start from
 * (`--catalog FILE`). Exit 0 written, 1 the source failed, 2 a usage error.
 * @module
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { EsimSandboxError } from '@esim-sandbox/core';
import { captureEsimAccessCatalog, captureIroamlyCatalog } from '../catalog/capture.js';
import { UsageError } from '../errors.js';
import { ESIMACCESS_ENV } from '../targets/esimaccess.js';
import { missingEnv } from '../targets/shared.js';
import { CONTRACT_VERSION, EXIT_CODES_HELP, resolveFile, withoutSeparator } from './args.js';
import type { CliIo } from './contract.js';

export const CAPTURE_HELP = `Usage: capture-catalog --provider esimaccess|iroamly --out FILE [options]

Reads the package and location lists (eSIM Access) or the plan lists (iRoamly) of the real API, or of a mock with
--base-url, and writes a catalogue file. Start a mock from it: esimaccess-mock --catalog FILE, iroamly-mock --catalog FILE.

Options:
  --provider esimaccess|iroamly
  --out FILE
  --base-url URL          default the real API
  --access-code CODE      eSIM Access (or ESIMACCESS_ACCESS_CODE)
  --secret-key KEY        eSIM Access (or ESIMACCESS_SECRET_KEY); a mock started with defaults: demo-access-code / demo-secret-key
  --regions A,B,...       iRoamly: regions to read (ISO2, name or slug); default the countries and regions the mock knows
  --control-token TOKEN   iRoamly mock: bearer token of its /_sandbox API, if it has one
  -h, --help              this text
  -V, --version           the version

${EXIT_CODES_HELP}`;

const OPTIONS = {
  provider: { type: 'string' },
  out: { type: 'string' },
  'base-url': { type: 'string' },
  'access-code': { type: 'string' },
  'secret-key': { type: 'string' },
  regions: { type: 'string' },
  'control-token': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'V', default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];

async function capture(values: Values, io: CliIo): Promise<{ content: unknown; summary: string }> {
  const baseUrl = values['base-url'];
  if (values.provider === 'esimaccess') {
    const env = {
      [ESIMACCESS_ENV.accessCode]: values['access-code'] ?? io.env[ESIMACCESS_ENV.accessCode],
      [ESIMACCESS_ENV.secretKey]: values['secret-key'] ?? io.env[ESIMACCESS_ENV.secretKey],
    };
    const missing = missingEnv(env, [ESIMACCESS_ENV.accessCode, ESIMACCESS_ENV.secretKey]);
    if (missing) throw new UsageError(`needs --access-code and --secret-key: ${missing}`, 'access-code');
    const file = await captureEsimAccessCatalog({
      credentials: { accessCode: env[ESIMACCESS_ENV.accessCode]!, secretKey: env[ESIMACCESS_ENV.secretKey]! },
      ...(baseUrl === undefined ? {} : { baseUrl }),
      ...(io.fetch ? { fetch: io.fetch } : {}),
    });
    return {
      content: file,
      summary: `${file.packages.length} packages and ${file.locations.length} locations`,
    };
  }
  const regions = values.regions
    ?.split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const file = await captureIroamlyCatalog({
    ...(baseUrl === undefined ? {} : { baseUrl }),
    ...(regions ? { regions } : {}),
    ...(values['control-token'] ? { controlToken: values['control-token'] } : {}),
    ...(io.fetch ? { fetch: io.fetch } : {}),
  });
  const regionCount = new Set(file.products.map((p) => p.region)).size;
  return { content: file, summary: `${file.products.length} plans in ${regionCount} regions` };
}

export async function runCaptureCli(io: CliIo): Promise<number> {
  const cwd = io.cwd ?? io.env.INIT_CWD ?? process.cwd();
  try {
    let values: Values;
    try {
      values = parseArgs({ args: withoutSeparator(io.argv), options: OPTIONS, strict: true }).values;
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (values.help || values.version) {
      io.stdout(values.help ? CAPTURE_HELP : `capture-catalog ${CONTRACT_VERSION}`);
      return 0;
    }
    if (values.provider !== 'esimaccess' && values.provider !== 'iroamly') {
      throw new UsageError(
        `--provider must be esimaccess or iroamly, got '${values.provider ?? ''}'`,
        'provider',
      );
    }
    const out = resolveFile(values.out, cwd);
    if (!out) throw new UsageError('--out FILE is required', 'out');
    if (values['base-url'] !== undefined && !URL.canParse(values['base-url'])) {
      throw new UsageError(`--base-url must be a URL, got '${values['base-url']}'`, 'base-url');
    }
    const { content, summary } = await capture(values, io);
    await writeFile(out, `${JSON.stringify(content, null, 2)}\n`);
    io.stdout(`wrote ${summary} to ${out}`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`capture-catalog: ${error.message}\nRun 'capture-catalog --help' for usage.`);
      return 2;
    }
    // Core's errors say what failed without secrets (no signatures, no keys).
    if (error instanceof EsimSandboxError) {
      io.stderr(`capture-catalog: ${error.code}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
