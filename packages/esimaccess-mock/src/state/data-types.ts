/**
 * What a package's `dataType` means for a profile's data, as one table (NOTES 1.5: 1 total volume, 2 daily
 * speed-reduced, 3 daily cut-off, 4 daily unlimited). The docs name the types and nothing more; the columns are our
 * reading, recorded in the README's Fidelity table.
 * @module
 */

/** What happens once the allowance (the whole volume, or today's for a day pass) is used. */
export type AtAllowance =
  /** Data stops: USED_UP (ESIM_STATUS); a day pass is IN_USE again at the next daily reset. */
  | 'cut-off'
  /** Data goes on at the reduced (`fupPolicy`) speed: still IN_USE, and usage keeps counting. */
  | 'reduced-speed'
  /** Nothing to run out of: still IN_USE, usage keeps counting. */
  | 'unlimited';

export interface DataTypeRule {
  /** The allowance is `volume` per day, renewed every 24 h from activation; else it is the whole volume. */
  readonly daily: boolean;
  /** DATA_USAGE at 50/80/90 % of the allowance. */
  readonly usageWebhooks: boolean;
  readonly atAllowance: AtAllowance;
}

export const DATA_TYPE_RULES: Readonly<Record<1 | 2 | 3 | 4, DataTypeRule>> = {
  1: { daily: false, usageWebhooks: true, atAllowance: 'cut-off' },
  2: { daily: true, usageWebhooks: true, atAllowance: 'reduced-speed' },
  3: { daily: true, usageWebhooks: true, atAllowance: 'cut-off' },
  4: { daily: true, usageWebhooks: false, atAllowance: 'unlimited' },
};

/** A dataType the docs do not list (a captured catalogue could carry one) is treated as a total volume. */
export function dataTypeRule(dataType: number): DataTypeRule {
  return DATA_TYPE_RULES[dataType as keyof typeof DATA_TYPE_RULES] ?? DATA_TYPE_RULES[1];
}
