/**
 * Each provider's suite through the `contract` command against both mock targets, compared with each other.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { esimAccessChecks } from '../src/checks/esimaccess.js';
import { iroamlyChecks } from '../src/checks/iroamly.js';
import { readRunFile } from '../src/runner/report-file.js';
import { runCli, tempDir } from './support.js';

const SUITES = [
  {
    provider: 'esimaccess',
    checks: esimAccessChecks,
    // The two probes of undocumented behaviour only inform.
    informOnly: ['auth.access-code-only', 'auth.unknown-access-code'],
  },
  { provider: 'iroamly', checks: iroamlyChecks, informOnly: [] },
] as const;

describe.each(SUITES)(
  'pnpm contract --provider $provider against the mocks',
  ({ provider, checks, informOnly }) => {
    it('passes every check in process and over HTTP, and the two agree on every fact', async () => {
      const json = join(tempDir(), 'run.json');
      const run = await runCli([
        '--provider',
        provider,
        '--target',
        'mock-inprocess,mock-http',
        '--json',
        json,
      ]);
      expect(run.err).toBe('');
      expect(run.code).toBe(0);
      const reports = await readRunFile(json);
      expect(reports.map((r) => r.target)).toEqual(['mock-inprocess', 'mock-http']);
      const expected = checks.map((c) => [
        c.id,
        (informOnly as readonly string[]).includes(c.id) ? 'info' : 'pass',
      ]);
      for (const report of reports) {
        expect(report.results.map((r) => [r.id, r.status])).toEqual(expected);
      }
      expect(run.out).toContain(`drift report: ${provider}, mock-inprocess vs mock-http`);
      expect(run.out).toContain(`${checks.length} checks compared, 0 differ`);
    });
  },
);
