import type { z } from 'zod';
import { InvalidArgumentError, ResponseValidationError, type ValidationIssue } from '../errors.js';

/** `packageInfoList[0].count` style path, the way users write it in code. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

export function toValidationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
}

/**
 * Validates caller arguments before anything is sent; the error names the first bad field,
 * prefixed with `root` (e.g. `order.transactionId`), so a user sees which argument to fix.
 */
export function parseArguments<S extends z.ZodType>(schema: S, value: unknown, root: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue ? formatIssuePath(issue.path) : '';
  const field = path ? `${root}.${path}` : root;
  throw new InvalidArgumentError(field, issue?.message ?? 'invalid value');
}

/** Validates a provider answer; a mismatch is a typed error carrying every issue path, never a crash later on. */
export function parseResponse<S extends z.ZodType>(
  schema: S,
  value: unknown,
  context = 'response',
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ResponseValidationError(toValidationIssues(result.error), value, context);
}
