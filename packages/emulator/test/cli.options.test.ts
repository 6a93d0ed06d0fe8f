import { describe, expect, test } from 'vitest';
import { COMMON_FLAGS, parseCli } from '../src/server/cli-options.js';

describe('parseCli', () => {
  test('ignores a leading "--" separator passed through by npm/pnpm scripts', () => {
    const withSeparator = parseCli('demo', COMMON_FLAGS, ['--', '--port', '4123'], {}, 4000);
    const without = parseCli('demo', COMMON_FLAGS, ['--port', '4123'], {}, 4000);
    expect(withSeparator).toEqual(without);
    expect(withSeparator.port).toBe(4123);
  });

  test('still refuses a positional argument, naming it', () => {
    expect(() => parseCli('demo', COMMON_FLAGS, ['extra'], {}, 4000)).toThrow(/extra|positional/);
  });
});
