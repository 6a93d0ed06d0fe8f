/**
 * Type-checking the consumer with the temporary project's own tsc. Library checking stays on, so errors inside our
 * packed `.d.ts` files count; errors tsc finds inside other packages' declarations (drizzle-orm ships some for
 * databases nobody installed) are theirs, not ours, and are only counted.
 * @module
 */
import { join } from 'node:path';
import { exec } from './exec.js';

export interface TypecheckResult {
  /** Diagnostics in the consumer's files or in @esim-sandbox packages, each with its continuation lines. */
  ours: string[];
  /** How many diagnostics fell in other packages. */
  theirs: number;
  code: number | null;
}

const DIAGNOSTIC = /^(.+?)\(\d+,\d+\): error TS\d+:/;

export function splitDiagnostics(output: string): { file: string; text: string }[] {
  const diagnostics: { file: string; text: string }[] = [];
  for (const line of output.split('\n')) {
    const start = DIAGNOSTIC.exec(line);
    if (start) diagnostics.push({ file: start[1]!, text: line });
    else if (line.trim() !== '' && diagnostics.length > 0)
      diagnostics[diagnostics.length - 1]!.text += `\n${line}`;
  }
  return diagnostics;
}

export function isOurs(file: string): boolean {
  return !file.includes('node_modules/') || file.includes('node_modules/@esim-sandbox/');
}

export async function typecheck(projectDir: string, tsconfig = 'tsconfig.json'): Promise<TypecheckResult> {
  const tsc = join(projectDir, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = await exec(process.execPath, [tsc, '-p', tsconfig, '--pretty', 'false'], {
    cwd: projectDir,
  });
  const diagnostics = splitDiagnostics(result.stdout);
  const ours = diagnostics.filter((d) => isOurs(d.file)).map((d) => d.text);
  if (result.code !== 0 && diagnostics.length === 0)
    ours.push(`tsc exited with ${result.code}:\n${result.stdout}${result.stderr}`);
  return { ours, theirs: diagnostics.length - ours.length, code: result.code };
}
