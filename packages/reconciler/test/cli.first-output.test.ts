/**
 * An operator sees the command alive from its first second: opening the store takes seconds (PGlite), so a line
 * says so before it starts, and `--progress` gives plain lines where stderr is not a terminal (a container's log).
 */
import { describe, expect, it } from 'vitest';
import { createProgressBar } from '../src/cli/progress.js';
import { FakeEsimAccess } from './helpers/fake-esimaccess.js';
import { newPlace, removePlaces, runSync, withProvider } from './helpers/processes.js';
import { usingPostgres } from './helpers/store.js';

describe('progress as plain lines (--progress, stderr not a terminal)', () => {
  it('writes a status at once and every stream’s last step on its own line, without terminal codes', () => {
    let written = '';
    const bar = createProgressBar({ write: (t: string) => (written += t), isTTY: false }, true);
    bar.status('opening the store at ./data...');
    bar.update({ accountId: 'a', stream: 'esimaccess:range', done: 5, total: 5 });
    bar.update({ accountId: 'a', stream: 'esimaccess:usage', done: 2, total: 2 });
    bar.clear();
    expect(written).toBe(
      'opening the store at ./data...\n' +
        'a range [########################] 100% 5/5\n' +
        'a usage [########################] 100% 2/2\n',
    );
  });

  it('shows a status in place on a terminal, and nothing when progress is off', () => {
    let tty = '';
    createProgressBar({ write: (t: string) => (tty += t), isTTY: true }, undefined).status('opening');
    let off = '';
    createProgressBar({ write: (t: string) => (off += t), isTTY: false }, undefined).status('opening');
    createProgressBar({ write: (t: string) => (off += t), isTTY: true }, false).status('opening');
    expect(tty).toBe('\r\u001b[2Kopening');
    expect(off).toBe('');
  });
});

describe('esim-reconcile sync --progress in a child process', () => {
  it('says it is opening the store before the store is open, then shows each stream', async () => {
    const fake = new FakeEsimAccess();
    fake.addOrder(12);
    const place = newPlace();
    try {
      const exit = await withProvider(fake, (url) => runSync(place, url, { args: ['--progress'] }).exit);
      expect(exit).toMatchObject({
        code: 0,
        stdout: 'esimaccess: run 1 completed; drift: unknown_to_us 13\n',
      });
      const lines = exit.stderr.trimEnd().split('\n');
      const where = usingPostgres
        ? /^opening the store at .+:\d+\/.+\.\.\.$/
        : /^opening the store at .+\.\.\.$/;
      expect(lines[0]).toMatch(where);
      expect(lines[1]).toMatch(/^store open \((pglite|postgres), \d+\.\d s\)$/);
      // Every stream's last step is shown, after the store opened.
      expect(lines.slice(2)).toEqual(
        expect.arrayContaining([
          'esimaccess range [########################] 100% 12/12',
          'esimaccess balance [########################] 100% 1/1',
        ]),
      );
      expect(lines.slice(2).every((line) => line.startsWith('esimaccess '))).toBe(true);
      expect(exit.stderr).not.toContain('\u001b');
    } finally {
      removePlaces();
    }
  }, 120_000);
});
