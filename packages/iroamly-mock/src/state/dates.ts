/**
 * @module
 * Expiry on the virtual clock. The provider writes `expire_at` as a bare date; we read it as UTC and inclusive:
 * a code expiring `2024-06-30` can be redeemed until 2024-06-30T23:59:59.999Z.
 */

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` (UTC) of `now + days`. */
export function expiryDate(now: number, days: number): string {
  return new Date(now + days * DAY_MS).toISOString().slice(0, 10);
}

/** True from the first instant after the expiry day (UTC). */
export function isExpired(expireAt: string, now: number): boolean {
  return now >= Date.parse(`${expireAt}T00:00:00Z`) + DAY_MS;
}
