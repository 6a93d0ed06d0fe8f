/**
 * The JSON a run writes (`--json FILE`) and a later run compares against (`--compare FILE`): every report of the
 * run. A live run's file kept from yesterday gives today's mock run its drift report without calling the provider.
 * @module
 */
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from '../json-file.js';
import { PROVIDERS, REPORT_FORMAT, type RunReport, TARGET_KINDS } from './types.js';

export const RUN_FILE_FORMAT = 'esim-sandbox/contract-run';

const resultSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(['pass', 'fail', 'info', 'skip', 'error']),
  facts: z.record(z.string(), z.json()).optional(),
  expected: z.record(z.string(), z.json()).optional(),
  note: z.string().optional(),
  problems: z.array(z.string()).optional(),
  reason: z.string().optional(),
  spent: z.number().optional(),
});

const reportSchema = z.object({
  format: z.literal(REPORT_FORMAT),
  version: z.literal(1),
  provider: z.enum(PROVIDERS),
  target: z.enum(TARGET_KINDS),
  baseUrl: z.string().optional(),
  skipped: z.string().optional(),
  startedAt: z.string(),
  finishedAt: z.string(),
  unit: z.string(),
  spendCap: z.number().optional(),
  spent: z.number(),
  results: z.array(resultSchema),
});

const runFileSchema = z.object({
  format: z.literal(RUN_FILE_FORMAT, { error: `must be '${RUN_FILE_FORMAT}'` }),
  version: z.literal(1, { error: 'must be 1' }),
  reports: z.array(reportSchema),
});

export function writeRunFile(file: string, reports: readonly RunReport[]): Promise<void> {
  return writeJsonFile(file, { format: RUN_FILE_FORMAT, version: 1, reports });
}

/** The reports of a `--json` file; errors name the file and the first bad field. */
export async function readRunFile(file: string): Promise<RunReport[]> {
  return (await readJsonFile(runFileSchema, file)).reports as RunReport[];
}
