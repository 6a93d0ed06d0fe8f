/**
 * @module
 * The report file: one JSON line appended per injected fault, synchronously, so a process that dies mid-run has
 * still written every fault it injected.
 */
import { appendFileSync } from 'node:fs';
import type { ChaosReportLine } from './state.js';

export function chaosReporter(
  path: string,
  provider: string,
): (line: Omit<ChaosReportLine, 'provider'>) => void {
  return ({ seed, profile, ...rest }) => {
    const line: ChaosReportLine = { seed, profile, provider, ...rest };
    appendFileSync(path, `${JSON.stringify(line)}\n`);
  };
}
