/**
 * @module
 * The one table `pnpm bench` prints (Markdown, so the README can quote it as is) and the JSON it writes.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type Figure, failedChecks } from './figures.js';
import { STABLE_SPREAD } from './rounds.js';

export interface BenchRun {
  startedAt: string;
  durationS: number;
  machine: {
    cores: number;
    cpu: string;
    node: string;
    platform: string;
    totalMemMB: number;
    /** 1-minute load average before and after: other work on the machine moves the figures. */
    loadAverage: { atStart: number; atEnd: number };
  };
  settings: Record<string, unknown>;
  figures: Figure[];
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function formatValue(f: Figure): string {
  if (f.unavailable) return `not available: ${f.unavailable}`;
  const details = Object.entries(f.details ?? {})
    .map(([k, v]) => `${k} ${typeof v === 'number' ? formatNumber(v) : v}`)
    .join(', ');
  return `${formatNumber(f.value)} ${f.unit}${details ? ` (${details})` : ''}`;
}

function formatBaseline(f: Figure): string {
  return f.baseline ? `${f.baseline.name}: ${formatNumber(f.baseline.value)}` : '';
}

function formatRatio(f: Figure): string {
  return f.ratio === undefined || !Number.isFinite(f.ratio) ? '' : `${formatNumber(f.ratio)}x`;
}

function formatTarget(f: Figure): string {
  const parts: string[] = [];
  if (f.target) parts.push(`${f.target.met ? 'met' : 'MISSED'}: ${f.target.text}`);
  if (f.checks) {
    const failed = failedChecks(f);
    const names = Object.keys(f.checks).join(', ');
    parts.push(failed.length === 0 ? `checked: ${names}` : `CHECK FAILED: ${failed.join(', ')}`);
  }
  return parts.join('; ');
}

/** Min-max of the rounds' ratios (of their values when there is no baseline). */
function formatSpread(f: Figure): string {
  const r = f.rounds;
  if (!r) return '';
  const range = `${formatNumber(r.min)}-${formatNumber(r.max)}`;
  return `${r.ratio === undefined ? `${range} ${f.unit}` : `${range}x`} (${r.count} rounds)`;
}

function formatStable(f: Figure): string {
  if (f.unavailable) return '';
  if (!f.rounds) return 'one reading';
  const percent = `${formatNumber(f.rounds.relativeSpread * 100)} %`;
  return `${f.rounds.stable ? 'yes' : 'no'} (${percent})`;
}

/** A Markdown table, one row per figure, in the order measured. */
export function renderTable(figures: readonly Figure[]): string {
  const header = ['#', 'figure', 'value', 'baseline (same run)', 'ratio', 'spread', 'stable', 'target'];
  const rows = figures.map((f) => [
    String(f.group),
    f.name,
    formatValue(f),
    formatBaseline(f),
    formatRatio(f),
    formatSpread(f),
    formatStable(f),
    formatTarget(f),
  ]);
  const escapeCell = (cell: string) => cell.replaceAll('|', '\\|');
  const lines = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.map(escapeCell).join(' | ')} |`);
  return lines.join('\n');
}

/** The lines under the table: what the columns mean, and the machine and its load before and after. */
export function renderFooter(run: BenchRun, out: string): string {
  const m = run.machine;
  return [
    'value, baseline and ratio: medians of alternating rounds (fake, baseline, fake, ...); ratio: median of the',
    `per-round ratios; spread: their min-max; stable: spread / median <= ${STABLE_SPREAD * 100} %.`,
    `${m.cores} cores (${m.cpu}), Node ${m.node}, load average ${m.loadAverage.atStart.toFixed(2)} before and ` +
      `${m.loadAverage.atEnd.toFixed(2)} after, ${run.durationS.toFixed(0)} s; JSON: ${out}`,
  ].join('\n');
}

export async function writeJson(path: string, run: BenchRun): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // NaN is not JSON: unavailable figures carry null and their reason.
  const text = JSON.stringify(run, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2);
  await writeFile(path, `${text}\n`);
}
