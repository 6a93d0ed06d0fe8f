/**
 * Reports and the drift report: which checks agree, which differ, which cannot be compared; and `--compare` with
 * an earlier run's JSON.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareReports, formatDrift, formatReport, renderTable } from '../src/runner/report.js';
import { writeRunFile } from '../src/runner/report-file.js';
import { type CheckResult, REPORT_FORMAT, type RunReport, type TargetKind } from '../src/runner/types.js';
import { runCli, tempDir } from './support.js';

function report(target: TargetKind, results: CheckResult[]): RunReport {
  return {
    format: REPORT_FORMAT,
    version: 1,
    provider: 'esimaccess',
    target,
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    unit: '1/10,000 USD',
    spent: 0,
    results,
  };
}

const pass = (id: string, facts: CheckResult['facts']): CheckResult => ({
  id,
  title: id,
  status: 'pass',
  facts,
});

describe('the drift report', () => {
  const mock = report('mock-http', [
    pass('auth.wrong-signature', { success: false, errorCode: '101003' }),
    pass('auth.access-code-only', { success: false, errorCode: '000101' }),
    pass('order.buy', { allocatedAll: true }),
  ]);
  const live = report('live', [
    pass('auth.wrong-signature', { errorCode: '101003', success: false }),
    { ...pass('auth.access-code-only', { success: true, errorCode: null }), status: 'info' },
    { id: 'order.buy', title: 'order.buy', status: 'skip', reason: 'spends up to 1 u' },
  ]);

  it('calls facts equal whatever their key order, and different when a value differs', () => {
    expect(compareReports(mock, live).map((row) => [row.id, row.verdict])).toEqual([
      ['auth.wrong-signature', 'same'],
      ['auth.access-code-only', 'different'],
      ['order.buy', 'not compared'],
    ]);
  });

  it('prints check | mock | live | same? with what each side observed', () => {
    const text = formatDrift(mock, live);
    expect(text).toContain('| check                 | mock-http');
    expect(text).toMatch(
      /\| auth\.access-code-only +\| pass success=false errorCode=000101 +\| info success=true errorCode=null +\| NO +\|/,
    );
    expect(text).toMatch(/\| order\.buy +\| pass allocatedAll=true +\| skip: spends up to 1 u +\| - +\|/);
    expect(text).toContain('2 checks compared, 1 differ');
  });

  it('lists the problems of failed checks under the table', () => {
    const failed = report('mock-inprocess', [
      {
        id: 'balance.read',
        title: 'x',
        status: 'fail',
        facts: { integer: false },
        problems: ['integer: expected true, got false'],
      },
    ]);
    expect(formatReport(failed)).toContain('  balance.read: integer: expected true, got false');
    expect(formatReport(failed)).toContain('0 passed, 1 failed');
  });

  it('escapes pipes inside cells so the Markdown table keeps its columns', () => {
    expect(renderTable(['a', 'b'], [['x|y', 'z']]).split('\n')[2]).toBe('| x\\|y | z   |');
  });
});

describe('contract --compare', () => {
  async function earlierLiveRun(facts: CheckResult['facts']): Promise<string> {
    const file = join(tempDir(), 'live.json');
    await writeRunFile(file, [
      { ...report('live', [pass('codes.unknown-order', facts)]), provider: 'iroamly', unit: '1/100 credit' },
    ]);
    return file;
  }

  it('prints the drift against an earlier live run and still exits 0 when only facts differ', async () => {
    const file = await earlierLiveRun({ errorCode: '3' });
    const run = await runCli(['--provider', 'iroamly', '--target', 'mock-inprocess', '--compare', file]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('drift report: iroamly, mock-inprocess vs live');
    expect(run.out).toMatch(/\| codes\.unknown-order +\| pass errorCode=7 +\| pass errorCode=3 +\| NO +\|/);
  });

  it('exits 1 with --fail-on-drift when a compared check differs', async () => {
    const file = await earlierLiveRun({ errorCode: '3' });
    const run = await runCli([
      '--provider',
      'iroamly',
      '--target',
      'mock-inprocess',
      '--compare',
      file,
      '--fail-on-drift',
    ]);
    expect(run.code).toBe(1);
  });

  it('refuses a file that is not a run report, naming the file and the field', async () => {
    const file = join(tempDir(), 'bad.json');
    await writeFile(
      file,
      JSON.stringify({ format: 'esim-sandbox/contract-run', version: 1, reports: [{ provider: 'x' }] }),
    );
    const run = await runCli(['--provider', 'iroamly', '--target', 'mock-inprocess', '--compare', file]);
    expect(run.code).toBe(2);
    expect(run.err).toContain(`${file}: reports[0].format:`);
  });
});
