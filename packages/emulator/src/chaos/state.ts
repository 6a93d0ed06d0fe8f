/**
 * @module
 * An account's chaos as plain data (part of its TenantData, so snapshots and the state file carry it), the schema a
 * state file or a restored snapshot is checked with, and the records chaos leaves in the journal, on deliveries and
 * in the report file.
 */
import { z } from 'zod';
import { chaosProfileSchema, type ResolvedChaos } from './profile.js';

export interface ChaosData {
  /** The account's part of every decision: 'default', or '#<n>' (its creation ordinal in the emulator). */
  account: string;
  /** Off when null. */
  setting: ResolvedChaos | null;
  /** The last sequence number drawn per stream ('api', 'webhook', provider streams such as 'allocation'). */
  seqs: Record<string, number>;
  /** Faults injected since the setting was made. */
  injected: number;
}

export const chaosDataSchema = z.strictObject({
  account: z.string().regex(/^(default|#[1-9]\d*)$/, "expected 'default' or '#<n>'"),
  setting: z.strictObject({ profile: chaosProfileSchema, seed: z.string().min(1) }).nullable(),
  seqs: z.record(z.string(), z.number().int().min(0)),
  injected: z.number().int().min(0),
});

export function freshChaosData(account: string, setting: ResolvedChaos | null): ChaosData {
  return { account, setting: setting && structuredClone(setting), seqs: {}, injected: 0 };
}

/** On a journal entry of a request chaos acted on. */
export interface ChaosMark {
  seed: string;
  profile: string;
  rule: string;
  seq: number;
}

/** On a webhook delivery chaos acted on (several rules may fire on one event). */
export interface ChaosDeliveryMark {
  seed: string;
  profile: string;
  rules: string[];
  seq: number;
}

/** One line of the report file (`ESIM_SANDBOX_CHAOS_REPORT`), in this field order. */
export interface ChaosReportLine {
  seed: string;
  profile: string;
  provider: string;
  account: string;
  stream: string;
  seq: number;
  rule: string;
  method?: string;
  path?: string;
  detail: string;
}
