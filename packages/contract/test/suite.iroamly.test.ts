/**
 * The iRoamly suite through the `contract` command against both mock targets, compared with each other.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { iroamlyChecks } from '../src/checks/iroamly.js';
import { readRunFile } from '../src/runner/report-file.js';
import { runCli, tempDir } from './support.js';

describe('pnpm contract --provider iroamly against the mocks', () => {
  it('passes every check in process and over HTTP, and the two agree on every fact', async () => {
    const json = join(tempDir(), 'run.json');
    const run = await runCli([
      '--provider',
      'iroamly',
      '--target',
      'mock-inprocess,mock-http',
      '--json',
      json,
    ]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const reports = await readRunFile(json);
    for (const report of reports) {
      expect(report.results.map((r) => [r.id, r.status])).toEqual(iroamlyChecks.map((c) => [c.id, 'pass']));
    }
    expect(run.out).toContain(`${iroamlyChecks.length} checks compared, 0 differ`);
  });
});
