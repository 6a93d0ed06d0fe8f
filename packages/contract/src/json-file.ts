/**
 * The JSON files the contract tool reads and writes (fixtures, run files): one place that reads, parses and
 * checks them, so every bad file fails the same way, with the file and the first bad field in the message.
 * @module
 */
import { readFile, writeFile } from 'node:fs/promises';
import { formatIssuePath } from '@esim-sandbox/core';
import type { z } from 'zod';
import { ContractFileError } from './errors.js';

/** `value` checked against `schema`; a ContractFileError names `file` and the first bad field. */
export function parseJsonFile<S extends z.ZodType>(schema: S, value: unknown, file: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ContractFileError(
    file,
    issue?.message ?? 'invalid',
    formatIssuePath(issue?.path ?? []) || undefined,
  );
}

/** A file read and checked against `schema`; unreadable files and non-JSON fail as ContractFileError too. */
export async function readJsonFile<S extends z.ZodType>(schema: S, file: string): Promise<z.infer<S>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ContractFileError(
      file,
      `cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ContractFileError(file, `not JSON: ${(error as Error).message}`);
  }
  return parseJsonFile(schema, json, file);
}

/** Indented JSON with a final newline, so the files diff well when kept in a repository. */
export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  await writeFile(file, `${JSON.stringify(value, null, 2)}\n`);
}
