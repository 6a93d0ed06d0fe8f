import { describe, expect, it } from 'vitest';
import { createProgressBar, renderProgress } from '../src/cli/progress.js';

describe('the progress bar', () => {
  it.each([
    [
      { accountId: 'esimaccess', stream: 'esimaccess:range', done: 50, total: 200 },
      'esimaccess range [######------------------] 25% 50/200',
    ],
    [
      { accountId: 'esimaccess', stream: 'esimaccess:usage', done: 200, total: 200 },
      'esimaccess usage [########################] 100% 200/200',
    ],
    [{ accountId: 'iroamly', stream: 'iroamly:codes', done: 3 }, 'iroamly codes 3'],
  ])('renders %j', (progress, line) => {
    expect(renderProgress(progress)).toBe(line);
  });

  it('draws on a terminal and clears itself', () => {
    let written = '';
    const bar = createProgressBar({ write: (t: string) => (written += t), isTTY: true }, undefined);
    bar.update({ accountId: 'a', stream: 'esimaccess:range', done: 1, total: 1 });
    bar.clear();
    expect(written).toBe('\r\u001b[2Ka range [########################] 100% 1/1\r\u001b[2K');
  });

  it('stays silent when the output is not a terminal, or when disabled', () => {
    let written = '';
    const write = (t: string) => (written += t);
    createProgressBar({ write, isTTY: false }, undefined).update({
      accountId: 'a',
      stream: 's',
      done: 1,
      total: 1,
    });
    createProgressBar({ write, isTTY: true }, false).update({
      accountId: 'a',
      stream: 's',
      done: 1,
      total: 1,
    });
    expect(written).toBe('');
  });
});
