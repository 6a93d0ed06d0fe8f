/**
 * @module
 * The one table `pnpm bench` prints (Markdown, so the README can quote it as is) and the JSON it writes.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Figure } from './figures.js';

export interface BenchRun {
  startedAt: string;
  durationS: number;
  machine: {
    cores: number;
    cpu: string;
    node: string;
    platform: string;
    totalMemMB: number;
    /** 1-minute load average: other work on the machine moves absolute numbers. */
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
  if (!f.target) return '';
  return `${f.target.met ? 'met' : 'MISSED'}: ${f.target.text}`;
}

/** A Markdown table, one row per figure, in the order measured. */
export function renderTable(figures: readonly Figure[]): string {
  const header = ['#', 'figure', 'value', 'baseline (same run)', 'ratio', 'target'];
  const rows = figures.map((f) => [
    String(f.group),
    f.name,
    formatValue(f),
    formatBaseline(f),
    formatRatio(f),
    formatTarget(f),
  ]);
  const escapeCell = (cell: string) => cell.replaceAll('|', '\\|');
  const lines = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.map(escapeCell).join(' | ')} |`);
  return lines.join('\n');
}

export async function writeJson(path: string, run: BenchRun): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // NaN is not JSON: unavailable figures carry null and their reason.
  const text = JSON.stringify(run, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2);
  await writeFile(path, `${text}\n`);
}
