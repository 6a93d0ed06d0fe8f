import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InvalidArgumentError, ResponseValidationError } from '../src/errors.js';
import { formatIssuePath, parseArguments, parseResponse } from '../src/http/validate.js';

const order = z.object({
  transactionId: z.string().min(1).max(50),
  packageInfoList: z.array(z.object({ packageCode: z.string(), count: z.number().int().min(1) })).min(1),
});

describe('argument and response validation', () => {
  it.each([
    [['a', 'b', 0, 'c'], 'a.b[0].c'],
    [[0, 'x'], '[0].x'],
    [[], ''],
  ])('formats the path %j as %s', (path, expected) => {
    expect(formatIssuePath(path)).toBe(expected);
  });

  it('names the first bad argument field under its root', () => {
    const err = (() => {
      try {
        parseArguments(
          order,
          { transactionId: 'tx', packageInfoList: [{ packageCode: 'JC016', count: 0 }] },
          'order',
        );
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(InvalidArgumentError);
    expect((err as InvalidArgumentError).field).toBe('order.packageInfoList[0].count');
    expect((err as InvalidArgumentError).message).toMatch(/^order\.packageInfoList\[0\]\.count: /);
  });

  it('returns the parsed value when arguments are valid', () => {
    const value = { transactionId: 'tx', packageInfoList: [{ packageCode: 'JC016', count: 2 }] };
    expect(parseArguments(order, value, 'order')).toEqual(value);
  });

  it('turns a response mismatch into ResponseValidationError listing every path', () => {
    const body = { transactionId: 5, packageInfoList: [] };
    const err = (() => {
      try {
        parseResponse(order, body);
      } catch (e) {
        return e;
      }
    })() as ResponseValidationError;
    expect(err).toBeInstanceOf(ResponseValidationError);
    expect(err.code).toBe('RESPONSE_VALIDATION');
    expect(err.issues.map((i) => i.path)).toEqual(['transactionId', 'packageInfoList']);
    expect(err.body).toBe(body);
    expect(err.message).toMatch(/transactionId/);
  });
});
