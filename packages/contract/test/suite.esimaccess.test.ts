/**
 * The eSIM Access suite through the `contract` command against both mock targets, compared with each other.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { esimAccessChecks } from '../src/checks/esimaccess.js';
import { readRunFile } from '../src/runner/report-file.js';
import { runCli, tempDir } from './support.js';

describe('pnpm contract --provider esimaccess against the mocks', () => {
  it('passes every check in process and over HTTP, and the two agree on every fact', async () => {
    const json = join(tempDir(), 'run.json');
    const run = await runCli([
      '--provider',
      'esimaccess',
      '--target',
      'mock-inprocess,mock-http',
      '--json',
      json,
    ]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const reports = await readRunFile(json);
    expect(reports.map((r) => r.target)).toEqual(['mock-inprocess', 'mock-http']);
    for (const report of reports) {
      expect(report.results.map((r) => r.id)).toEqual(esimAccessChecks.map((c) => c.id));
      // Every check with an expectation passes; the two probes of undocumented behaviour only inform.
      expect(report.results.filter((r) => r.status !== 'pass').map((r) => [r.id, r.status])).toEqual([
        ['auth.access-code-only', 'info'],
        ['auth.unknown-access-code', 'info'],
      ]);
    }
    expect(run.out).toContain('drift report: esimaccess, mock-inprocess vs mock-http');
    expect(run.out).toContain(`${esimAccessChecks.length} checks compared, 0 differ`);
  });
});
