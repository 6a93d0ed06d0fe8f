/**
 * @module
 * The report file of one chaos run: the fakes' engine appends one JSON line per injected fault to the file named
 * by `ESIM_SANDBOX_CHAOS_REPORT`. Reading it never fails: a missing file is no faults, a line that is not a fault
 * (a write cut short when the command was killed, say) is counted and skipped.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** One line of the report, as the engine writes it; fields it may add later are kept. */
const FaultLine = z.looseObject({
  seed: z.string(),
  profile: z.string(),
  provider: z.string(),
  account: z.string(),
  stream: z.string(),
  seq: z.number().int(),
  rule: z.string(),
  method: z.string().optional(),
  path: z.string().optional(),
  detail: z.string().optional(),
});

export type InjectedFault = z.infer<typeof FaultLine>;

export interface ChaosReport {
  faults: InjectedFault[];
  /** Lines that were not a fault, skipped. */
  malformed: number;
}

export function readChaosReport(file: string): ChaosReport {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { faults: [], malformed: 0 };
  }
  const report: ChaosReport = { faults: [], malformed: 0 };
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const parsed = FaultLine.safeParse(parseJson(line));
    if (parsed.success) report.faults.push(parsed.data);
    else report.malformed += 1;
  }
  return report;
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

const NO_FAULTS =
  "no faults were injected (is the command using esim-sandbox fakes through the test helpers or the fakes' CLIs?)";

/** The faults one line each (where, which rule, on what), then the count per rule, most frequent first. */
export function describeFaults(report: ChaosReport): string[] {
  const lines =
    report.faults.length === 0
      ? [NO_FAULTS]
      : [
          `${report.faults.length} fault${report.faults.length === 1 ? '' : 's'} injected:`,
          ...report.faults.map((f) => {
            const on = f.stream === 'api' ? [f.method, f.path].filter(Boolean).join(' ') : '';
            const what = [on, f.detail].filter(Boolean).join(', ');
            return `  ${f.stream} #${f.seq} (${f.provider}, account ${f.account}): ${f.rule}${what ? `, ${what}` : ''}`;
          }),
          `by rule: ${countByRule(report.faults)}`,
        ];
  if (report.malformed > 0) {
    lines.push(`${report.malformed} malformed report line${report.malformed === 1 ? '' : 's'} skipped`);
  }
  return lines;
}

function countByRule(faults: readonly InjectedFault[]): string {
  const counts = new Map<string, number>();
  for (const f of faults) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([rule, n]) => `${rule} ${n}`)
    .join(', ');
}
