/**
 * @module
 * Chaos from a command line: `--chaos <profile|file.json>` and `--chaos-seed <seed>`, else `ESIM_SANDBOX_CHAOS`, and
 * `ESIM_SANDBOX_CHAOS_REPORT` either way (the runner sets both). Shared by the fakes' `runCli` and the playground, so
 * a mistake reads the same everywhere: an INVALID_FLAG naming the flag or the variable.
 */
import { EmulatorError } from '../errors.js';
import { CHAOS_ENV, CHAOS_REPORT_ENV, chaosProfileChoice, parseChaosEnv } from './env.js';
import { CHAOS_PROFILES, type ChaosSetting } from './profile.js';

/**
 * The seed `--chaos` runs with when `--chaos-seed` is not given: the first seed of `esim-sandbox chaos`, so
 * `--chaos realistic` faults exactly as the runner's first run does.
 */
export const DEFAULT_CHAOS_SEED = '1';

const MAX_SEED_LENGTH = 200;

const invalid = (field: string, message: string) =>
  new EmulatorError('INVALID_FLAG', `${field} ${message}`, { field });

/**
 * The chaos setting of a command line, undefined when neither the flags nor `ESIM_SANDBOX_CHAOS` ask for it. A
 * profile file is made absolute (the state file and the banner then name it the same from any directory).
 * @example
 * chaosFromFlags({ profile: 'realistic', seed: undefined }, {}); // { profile: 'realistic', seed: '1' }
 */
export function chaosFromFlags(
  flags: { profile: string | undefined; seed: string | undefined },
  env: Record<string, string | undefined>,
): ChaosSetting | undefined {
  const report = env[CHAOS_REPORT_ENV] || undefined;
  if (flags.profile === undefined) {
    if (flags.seed !== undefined)
      throw invalid('--chaos-seed', 'needs --chaos (the profile the seed drives)');
    try {
      return parseChaosEnv(env);
    } catch (error) {
      const message = (error as Error).message;
      throw new EmulatorError(
        'INVALID_FLAG',
        message.startsWith(CHAOS_ENV) ? message : `${CHAOS_ENV}: ${message}`,
        { field: CHAOS_ENV, cause: error },
      );
    }
  }
  const seed = flags.seed ?? DEFAULT_CHAOS_SEED;
  if (seed === '' || seed.length > MAX_SEED_LENGTH) {
    throw invalid('--chaos-seed', `must be text of 1 to ${MAX_SEED_LENGTH} characters, got '${seed}'`);
  }
  return { profile: chaosProfile(flags.profile), seed, ...(report ? { report } : {}) };
}

function chaosProfile(value: string): ChaosSetting['profile'] {
  let choice: ReturnType<typeof chaosProfileChoice>;
  try {
    choice = chaosProfileChoice(value);
  } catch (error) {
    throw invalid('--chaos', (error as Error).message);
  }
  if ('missing' in choice) {
    const names = Object.keys(CHAOS_PROFILES).join(', ');
    throw invalid('--chaos', `must be one of ${names} or a JSON profile file, got '${value}'`);
  }
  return choice.profile;
}
