/**
 * The report as a readable text table (what `report` prints without `--json`).
 * @module
 */
import { DRIFT_KIND_DESCRIPTIONS, DRIFT_KINDS } from '../drift/findings.js';
import type { AccountReport, Report } from './build.js';

const PROVIDER_NAMES = { esimaccess: 'eSIM Access', iroamly: 'iRoamly' } as const;

/** Integer amounts with a decimal rendering when the unit is `X/10^n`: 984500 USD/10000 -> "98.4500 USD". */
export function formatMoney(amount: number, unit: string): string {
  const match = /^([A-Za-z]+)\/(10+)$/.exec(unit);
  if (!match) return `${amount.toLocaleString('en-US')} ${unit}`;
  const digits = match[2]!.length - 1;
  const scale = 10 ** digits;
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const whole = Math.trunc(abs / scale).toLocaleString('en-US');
  return `${sign}${whole}.${String(abs % scale).padStart(digits, '0')} ${match[1]}`;
}

function cell(value: string | null, width: number): string {
  const text = value ?? '-';
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  maxWidth = 28,
): string[] {
  const widths = header.map((title, i) =>
    Math.min(maxWidth, Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length))),
  );
  const line = (row: readonly string[]) =>
    row
      .map((value, i) => cell(value, widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

function accountSection(account: AccountReport, limit: number): string[] {
  const out: string[] = [];
  const name = PROVIDER_NAMES[account.provider];
  out.push(`${name} account "${account.id}"`);
  const run = account.lastRun;
  out.push(
    run
      ? `  last sync: run ${run.id} ${run.status}, started ${run.startedAt}${run.finishedAt ? `, finished ${run.finishedAt}` : ''}${run.error ? ` (${run.error})` : ''}`
      : '  last sync: never',
  );
  const { balance } = account;
  if (balance.source === 'provider') {
    const provider =
      balance.provider === null ? 'not read yet' : formatMoney(balance.provider, account.moneyUnit);
    out.push(`  balance: provider ${provider}, ledger ${formatMoney(balance.ledger, account.moneyUnit)}`);
  } else {
    out.push(
      `  balance: ${formatMoney(balance.ledger, account.moneyUnit)} from the ledger (${balance.note})`,
    );
  }
  const c = account.counts;
  const items =
    account.provider === 'esimaccess' ? `profiles ${c.profiles}` : `redeem codes ${c.redeemCodes}`;
  const hooks =
    account.provider === 'esimaccess'
      ? ` · webhooks not applied ${account.webhooks.pending} (given up ${account.webhooks.failed})`
      : '';
  out.push(`  orders ${c.orders} · ${items} · missing at provider ${c.missingAtProvider}${hooks}`);
  const found = account.findings.items;
  if (found.length === 0) {
    out.push('  drift: none in the latest sync');
    return out;
  }
  const counts = DRIFT_KINDS.filter((kind) => account.findings.byKind[kind] > 0)
    .map((kind) => `${kind} ${account.findings.byKind[kind]}`)
    .join(', ');
  out.push(`  drift in the latest sync: ${counts}`, '');
  const rows = found.slice(0, limit).map((f) => [
    f.kind,
    `${f.subjectType} ${f.subjectId}`,
    f.field,
    f.storeValue ?? '-',
    f.providerValue ?? '-',
    // The reason is in --json; the table only says the finding needs no more looking into.
    `${f.corrected ? 'corrected' : 'flagged'}${f.resolution === null ? '' : ', resolved'}`,
  ]);
  out.push(...table(['KIND', 'SUBJECT', 'FIELD', 'STORE', 'PROVIDER', 'ACTION'], rows).map((l) => `  ${l}`));
  if (found.length > limit) out.push(`  … and ${found.length - limit} more (use --json for all)`);
  return out;
}

export function formatReport(report: Report, options: { limit?: number } = {}): string {
  const out = [
    `esim-reconcile report, ${report.generatedAt} (store: ${report.store.kind} ${report.store.location})`,
    '',
  ];
  if (report.accounts.length === 0) out.push('No accounts yet: run `esim-reconcile sync --once` first.');
  for (const account of report.accounts) out.push(...accountSection(account, options.limit ?? 50), '');
  const used = new Set(report.accounts.flatMap((a) => a.findings.items.map((f) => f.kind)));
  if (used.size > 0) {
    out.push('Drift kinds:');
    for (const kind of DRIFT_KINDS)
      if (used.has(kind)) out.push(`  ${kind.padEnd(20)} ${DRIFT_KIND_DESCRIPTIONS[kind]}`);
  }
  return `${out.join('\n').trimEnd()}\n`;
}
