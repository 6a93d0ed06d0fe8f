import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ContractFileError } from '../src/errors.js';
import { readJsonFile, writeJsonFile } from '../src/json-file.js';
import { tempDir } from './support.js';

const schema = z.object({ format: z.literal('demo'), items: z.array(z.number()) });

function fileWith(text: string): string {
  const file = join(tempDir(), 'data.json');
  writeFileSync(file, text);
  return file;
}

describe('readJsonFile', () => {
  it('reads a file that matches the schema', async () => {
    await expect(readJsonFile(schema, fileWith('{"format":"demo","items":[1,2]}'))).resolves.toEqual({
      format: 'demo',
      items: [1, 2],
    });
  });

  it.each([
    { case: 'a missing file', file: () => join(tempDir(), 'absent.json'), message: /cannot read \(ENOENT\)/ },
    { case: 'text that is not JSON', file: () => fileWith('{"format":'), message: /not JSON: / },
    {
      case: 'a bad field',
      file: () => fileWith('{"format":"demo","items":[1,"x"]}'),
      message: /items\[1\]: /,
    },
  ])('fails on $case with a ContractFileError naming the file', async ({ file, message }) => {
    const path = file();
    const error = await readJsonFile(schema, path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractFileError);
    expect(error).toMatchObject({ code: 'CONTRACT_FILE_INVALID', file: path });
    expect((error as Error).message).toMatch(message);
  });

  it('names the field at fault', async () => {
    const error = await readJsonFile(schema, fileWith('{"format":"other","items":[]}')).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ field: 'format' });
  });
});

describe('writeJsonFile', () => {
  it('writes indented JSON ending in a newline, which readJsonFile reads back', async () => {
    const file = join(tempDir(), 'out.json');
    await writeJsonFile(file, { format: 'demo', items: [3] });
    expect(readFileSync(file, 'utf8')).toBe('{\n  "format": "demo",\n  "items": [\n    3\n  ]\n}\n');
    await expect(readJsonFile(schema, file)).resolves.toEqual({ format: 'demo', items: [3] });
  });
});
