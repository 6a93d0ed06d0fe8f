/**
 * @module
 * Zod parsing that throws the engine's error class with the first offending field named.
 */
import type { z } from 'zod';
import { EmulatorError } from './errors.js';

export function issuePath(path: readonly PropertyKey[], root?: string): string {
  const parts = path.map((p) => String(p));
  if (root) parts.unshift(root);
  return parts.join('.') || '(body)';
}

/** The first issue of a failed parse as `field: message` (an absent required field says `required`). */
export function describeIssue(error: z.ZodError, root?: string): { field: string; message: string } {
  const issue = error.issues[0];
  // An unexpected key is reported on its parent; name the key itself.
  const extra = issue?.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [];
  const field = issuePath([...(issue?.path ?? []), ...extra], root);
  const missing = issue?.code === 'invalid_type' && / received undefined$/.test(issue.message);
  return { field, message: missing ? 'required' : (issue?.message ?? 'invalid') };
}

export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, root?: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const { field } = describeIssue(result.error, root);
  throw new EmulatorError('INVALID_ARGUMENT', `${field}: ${result.error.issues[0]?.message ?? 'invalid'}`, {
    field,
  });
}
