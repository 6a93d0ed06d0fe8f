/**
 * The README's "Add a provider" folder table is the layout both fakes share: each has exactly the folders it lists,
 * and `mock/` only the definition and the factory. A folder added to one fake, or left out of the table, fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const PACKAGES = join(import.meta.dirname, '../..');
const FAKES = ['esimaccess-mock', 'iroamly-mock'];

/** The folder column of the table under "## Add a provider". */
function readmeFolders(): string[] {
  const readme = readFileSync(join(import.meta.dirname, '../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Add a provider'));
  const table = section.slice(0, section.indexOf('\n\n', section.indexOf('| folder')));
  return [...table.matchAll(/^\| `([a-z]+)\/`/gm)].map((m) => m[1] as string).sort();
}

function entries(dir: string, folders: boolean): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() === folders)
    .map((entry) => entry.name)
    .sort();
}

describe('the provider layout both fakes share', () => {
  test('the README table lists the nine folders', () => {
    expect(readmeFolders()).toHaveLength(9);
  });

  test.each(FAKES)('%s has exactly the folders of the README table', (fake) => {
    expect(entries(join(PACKAGES, fake, 'src'), true)).toEqual(readmeFolders());
  });

  test.each(FAKES)('%s keeps only the provider definition and the factory in mock/', (fake) => {
    expect(entries(join(PACKAGES, fake, 'src/mock'), false)).toEqual(['create.ts', 'provider.ts']);
  });
});
