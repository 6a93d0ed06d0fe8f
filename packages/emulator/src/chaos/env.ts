/**
 * @module
 * Chaos from the environment: `ESIM_SANDBOX_CHAOS=<profile>:<seed>` (a built-in name or a JSON profile file) and
 * `ESIM_SANDBOX_CHAOS_REPORT=<file>`. Only the test harness and the command lines read these; createEmulator never
 * does, so an emulator's behaviour is always what its options say.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { EmulatorError } from '../errors.js';
import { describeIssue } from '../validate.js';
import { CHAOS_PROFILES, type ChaosProfile, type ChaosSetting, chaosProfileSchema } from './profile.js';

export const CHAOS_ENV = 'ESIM_SANDBOX_CHAOS';
export const CHAOS_REPORT_ENV = 'ESIM_SANDBOX_CHAOS_REPORT';

/** A user's profile file, checked by the same strict schema: a mistake names the file and the field. */
export function loadChaosProfile(path: string): ChaosProfile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new EmulatorError(
      'INVALID_ARGUMENT',
      `chaos profile ${path}: cannot read (${(err as Error).message})`,
      {
        field: 'profile',
      },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new EmulatorError(
      'INVALID_ARGUMENT',
      `chaos profile ${path}: not JSON (${(err as Error).message})`,
      {
        field: 'profile',
      },
    );
  }
  const parsed = chaosProfileSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const { field, message } = describeIssue(parsed.error);
  throw new EmulatorError('INVALID_ARGUMENT', `chaos profile ${path}: ${field}: ${message}`, { field });
}

/** A built-in profile name as it is, anything else read as a profile file. */
export function chaosProfileArgument(value: string): ChaosSetting['profile'] {
  return Object.hasOwn(CHAOS_PROFILES, value)
    ? (value as keyof typeof CHAOS_PROFILES)
    : loadChaosProfile(value);
}

/**
 * What a command line's profile argument names: a built-in profile, a profile file (read and checked; `file` is
 * its absolute path), or neither (`missing`: each command says so in its own words, naming its flag). A file with a
 * bad field throws as {@link loadChaosProfile} does.
 */
export function chaosProfileChoice(
  value: string,
): { profile: ChaosSetting['profile']; file?: string } | { missing: true } {
  if (Object.hasOwn(CHAOS_PROFILES, value)) return { profile: value as keyof typeof CHAOS_PROFILES };
  const file = resolve(value);
  if (!existsSync(file)) return { missing: true };
  return { profile: loadChaosProfile(file), file };
}

/**
 * The setting the environment asks for, undefined when `ESIM_SANDBOX_CHAOS` is unset or empty. The value is split
 * on its LAST `:`, so a profile path may hold colons (`C:\chaos.json:7`).
 * @example
 * parseChaosEnv({ ESIM_SANDBOX_CHAOS: 'realistic:17' }); // { profile: 'realistic', seed: '17' }
 */
export function parseChaosEnv(
  env: Record<string, string | undefined> = process.env,
): ChaosSetting | undefined {
  const value = env[CHAOS_ENV];
  if (!value) return undefined;
  const at = value.lastIndexOf(':');
  if (at <= 0 || at === value.length - 1) {
    throw new EmulatorError(
      'INVALID_ARGUMENT',
      `${CHAOS_ENV}: expected <profile>:<seed> (a profile of ${Object.keys(CHAOS_PROFILES).join(', ')} or a JSON file), got '${value}'`,
      { field: CHAOS_ENV },
    );
  }
  const report = env[CHAOS_REPORT_ENV];
  return {
    profile: chaosProfileArgument(value.slice(0, at)),
    seed: value.slice(at + 1),
    ...(report ? { report } : {}),
  };
}
