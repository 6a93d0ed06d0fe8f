import { describe, expect, it } from 'vitest';
import { parseFlags } from '../src/cli/flags.js';
import { PlaygroundError } from '../src/errors.js';

describe('the start command’s flags', () => {
  it('gives the defaults to startPlayground when nothing is passed', () => {
    expect(parseFlags([], {})).toEqual({ help: false, options: {} });
  });

  it('reads every flag', () => {
    const parsed = parseFlags(
      [
        '--port',
        '0',
        '--clock',
        'manual',
        '--esimaccess-url',
        'http://127.0.0.1:9000',
        '--iroamly-port',
        '5000',
        '--seed',
        's',
      ],
      {},
    );
    expect(parsed).toEqual({
      help: false,
      options: {
        port: 0,
        clock: 'manual',
        esimaccessUrl: 'http://127.0.0.1:9000',
        iroamlyPort: 5000,
        seed: 's',
      },
    });
  });

  it('falls back to PLAYGROUND_* variables, and a flag wins over its variable', () => {
    const env = { PLAYGROUND_PORT: '4800', PLAYGROUND_IROAMLY_URL: 'http://127.0.0.1:9001' };
    expect(parseFlags([], env)).toEqual({
      help: false,
      options: { port: 4800, iroamlyUrl: 'http://127.0.0.1:9001' },
    });
    expect(parseFlags(['--port', '4900'], env)).toMatchObject({ options: { port: 4900 } });
  });

  it.each([
    [['--port', 'abc'], '--port'],
    [['--port', '70000'], '--port'],
    [['--sink-port', '-1'], '--sink-port'],
    [['--clock', 'fast'], '--clock'],
  ])('refuses %j naming %s', (argv, field) => {
    const error = (() => {
      try {
        parseFlags(argv, {});
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(PlaygroundError);
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', field });
  });

  it('refuses an unknown flag', () => {
    expect(() => parseFlags(['--nope'], {})).toThrow(PlaygroundError);
  });

  it('asks for help with --help', () => {
    expect(parseFlags(['--help'], {})).toEqual({ help: true });
  });
});
