/**
 * @module
 * The start banner printed under `listening on URL`: where the documents are, the default account's credentials
 * (secret masked unless asked), and the settings in force as the emulator resolved them, never as the flags'
 * defaults are written down elsewhere.
 */

import type { ChaosView } from '../chaos/chaos.js';
import type { RequestLogMode } from '../http/request-log.js';
import type { Emulator } from '../types/emulator.js';

/** One `label: value` line of the banner. */
export type BannerLine = readonly [label: string, value: string];

export interface BannerInput {
  url: string;
  emulator: Pick<Emulator<unknown, unknown>, 'defaultAccount' | 'controlToken' | 'stateFile'>;
  /** What the provider calls its key and secret, e.g. `['access code', 'secret key']`. */
  credentialNames: readonly [key: string, secret: string];
  showSecrets: boolean;
  log: RequestLogMode;
  /** Where injected faults are reported (`ESIM_SANDBOX_CHAOS_REPORT`), if anywhere. */
  chaosReport?: string | undefined;
  /** The provider's own settings (fidelity profile, signature mode…). */
  extra: readonly BannerLine[];
}

/** `demo-s…-key`: enough to tell secrets apart, not enough to use one. Short secrets show nothing. */
export function maskSecret(secret: string): string {
  return secret.length < 12 ? '…' : `${secret.slice(0, 6)}…${secret.slice(-4)}`;
}

/** The profile and seed in force: what a replay needs. */
function chaosLine(chaos: ChaosView | null, report: string | undefined): string {
  if (!chaos) return 'off';
  const faults = report ? `; faults reported to ${report}` : '';
  return `${chaos.profile.name}, seed ${chaos.seed} (the same seed and requests replay the same faults${faults})`;
}

export function bannerLines(b: BannerInput): string[] {
  const account = b.emulator.defaultAccount;
  const [keyName, secretName] = b.credentialNames;
  const secret = b.showSecrets
    ? account.secret
    : `${maskSecret(account.secret)} (--show-secrets to print it)`;
  const rate = account.rateLimit.config;
  const lines: BannerLine[] = [
    ['docs', `${b.url}/docs (OpenAPI: ${b.url}/openapi.json)`],
    ['sandbox API', `${b.url}/_sandbox/docs (index: ${b.url}/_sandbox)`],
    ['account', `${keyName} ${account.key}, ${secretName} ${secret}`],
    ['clock', account.clock.mode === 'manual' ? 'manual (advance it with /_sandbox)' : 'real'],
    ['rate limit', rate ? `${rate.limit} requests per ${rate.windowMs} ms` : 'off'],
    ['chaos', chaosLine(account.chaos.get(), b.chaosReport)],
    ...b.extra,
    ['state file', b.emulator.stateFile ?? 'none (state is lost on exit)'],
    ['control token', b.emulator.controlToken ? 'required' : 'none'],
    ['request log', b.log],
  ];
  const width = Math.max(...lines.map(([label]) => label.length)) + 1;
  return lines.map(([label, value]) => `  ${`${label}:`.padEnd(width)} ${value}`);
}
