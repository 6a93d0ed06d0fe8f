/**
 * `--target live` without credentials: says it was skipped and why, sends nothing, exits 0.
 */
import { describe, expect, it } from 'vitest';
import { noNetwork, runCli } from './support.js';

describe('the live target without credentials', () => {
  it('skips both providers, names the missing variables and exits 0 without sending anything', async () => {
    const run = await runCli(['--target', 'live'], { env: {}, fetch: noNetwork });
    expect(run.code).toBe(0);
    expect(run.out).toContain(
      'esimaccess live: skipped: ESIMACCESS_ACCESS_CODE and ESIMACCESS_SECRET_KEY are not set',
    );
    expect(run.out).toContain('iroamly live: skipped: IROAMLY_AUTH_KEY and IROAMLY_AUTH_SECRET are not set');
  });

  it('names only the variable that is missing', async () => {
    const run = await runCli(['--provider', 'esimaccess', '--target', 'live'], {
      env: { ESIMACCESS_ACCESS_CODE: 'set' },
      fetch: noNetwork,
    });
    expect(run.code).toBe(0);
    expect(run.out).toContain('esimaccess live: skipped: ESIMACCESS_SECRET_KEY is not set');
  });

  it('still compares nothing and writes no recording when the only target was skipped', async () => {
    const run = await runCli(['--provider', 'iroamly', '--target', 'live', '--record', 'session.json'], {
      env: {},
      fetch: noNetwork,
    });
    expect(run.code).toBe(0);
    expect(run.out).toContain('nothing recorded: the target was skipped');
    expect(run.out).not.toContain('drift report');
  });
});
