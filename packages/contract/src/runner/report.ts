/**
 * Printing a run, and the drift report: each check, what one target showed, what the other showed, and whether they
 * agree. Tables are Markdown, so a report can be pasted into an issue as is.
 * @module
 */
import { formatFacts, sameFacts } from './facts.js';
import type { CheckResult, RunReport } from './types.js';

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

/** A Markdown table with padded columns. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows].map((row) => row.map(escapeCell));
  const widths = header.map((_, i) => Math.max(3, ...all.map((row) => (row[i] ?? '').length)));
  const line = (row: readonly string[]) =>
    `| ${widths.map((w, i) => (row[i] ?? '').padEnd(w)).join(' | ')} |`;
  const [head, ...body] = all;
  return [line(head ?? []), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...body.map(line)].join(
    '\n',
  );
}

/** The facts a result observed, or why there are none. */
function observed(result: CheckResult): string {
  if (result.status === 'skip' || result.status === 'error') return result.reason ?? '';
  return formatFacts(result.facts);
}

/** What a result shows in one cell: `pass errorCode=101003`, `skip: spends up to ...`. */
export function resultCell(result: CheckResult | undefined): string {
  if (!result) return 'not in this run';
  const separator = result.status === 'skip' || result.status === 'error' ? ': ' : ' ';
  return `${result.status}${separator}${observed(result)}`.trim();
}

export function reportTitle(report: RunReport): string {
  return `${report.provider} ${report.target}${report.baseUrl ? ` (${report.baseUrl})` : ''}`;
}

export function summarise(report: RunReport): string {
  if (report.skipped !== undefined) return `${report.target}: skipped: ${report.skipped}`;
  const money = report.target === 'live' ? '' : ', mock money';
  const count = (status: CheckResult['status']) => report.results.filter((r) => r.status === status).length;
  const parts = [
    `${count('pass')} passed`,
    `${count('fail')} failed`,
    `${count('error')} errors`,
    `${count('info')} informational`,
    `${count('skip')} skipped`,
  ];
  const cap = report.spendCap === undefined ? '' : ` of a cap of ${report.spendCap}`;
  return `${parts.join(', ')}; spent at most ${report.spent}${cap} (${report.unit}${money})`;
}

/** The run as a table, then the problems of failed checks, then a one-line summary. */
export function formatReport(report: RunReport): string {
  if (report.skipped !== undefined) {
    const hint =
      report.target === 'live'
        ? '\n  (set them to run against the real API; it spends nothing without --allow-spend)'
        : '';
    return `${report.provider} ${summarise(report)}${hint}`;
  }
  const rows = report.results.map((r) => [r.id, r.status === 'fail' ? 'FAIL' : r.status, observed(r)]);
  const problems = report.results.flatMap((r) => (r.problems ?? []).map((p) => `  ${r.id}: ${p}`));
  return [
    reportTitle(report),
    renderTable(['check', 'status', 'observed'], rows),
    ...(problems.length > 0 ? ['problems:', ...problems] : []),
    summarise(report),
  ].join('\n');
}

export type DriftVerdict = 'same' | 'different' | 'not compared';

export interface DriftRow {
  id: string;
  title: string;
  left: CheckResult | undefined;
  right: CheckResult | undefined;
  verdict: DriftVerdict;
}

/** Row per check of either run, in the left run's order; facts compared only when both sides observed some. */
export function compareReports(left: RunReport, right: RunReport): DriftRow[] {
  const ids = [...new Set([...left.results.map((r) => r.id), ...right.results.map((r) => r.id)])];
  return ids.map((id) => {
    const l = left.results.find((r) => r.id === id);
    const r = right.results.find((x) => x.id === id);
    const verdict: DriftVerdict =
      l?.facts && r?.facts ? (sameFacts(l.facts, r.facts) ? 'same' : 'different') : 'not compared';
    return { id, title: l?.title ?? r?.title ?? id, left: l, right: r, verdict };
  });
}

/** The drift report table: check | left target | right target | same? */
export function formatDrift(left: RunReport, right: RunReport): string {
  const rows = compareReports(left, right);
  const different = rows.filter((r) => r.verdict === 'different').length;
  const compared = rows.filter((r) => r.verdict !== 'not compared').length;
  const same = { same: 'yes', different: 'NO', 'not compared': '-' } as const;
  return [
    `drift report: ${left.provider}, ${left.target} vs ${right.target}`,
    renderTable(
      ['check', left.target, right.target, 'same?'],
      rows.map((row) => [row.id, resultCell(row.left), resultCell(row.right), same[row.verdict]]),
    ),
    `${compared} checks compared, ${different} differ`,
  ].join('\n');
}
