/**
 * The exit statuses of `esim-reconcile`: the commands return them by name, and `--help` and the README list
 * exactly these rows (a test checks both).
 * @module
 */
export const EXIT_CODES = {
  ok: { code: 0, meaning: 'done; sync --watch and serve-webhooks also when stopped by SIGINT/SIGTERM' },
  failed: {
    code: 1,
    meaning: 'failed: an account not synced (failed or busy), a webhook still failing, any other error',
  },
  usage: { code: 2, meaning: 'usage: an unknown command or flag, a malformed value, no provider configured' },
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES]['code'];

/** The help text's section, one line per row. */
export function exitCodesHelp(): string {
  return Object.values(EXIT_CODES)
    .map(({ code, meaning }) => `  ${code}  ${meaning}`)
    .join('\n');
}
