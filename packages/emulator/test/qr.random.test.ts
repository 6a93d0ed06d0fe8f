import { describe, expect, test } from 'vitest';
import { hashSeed, qrPngResponse, Random, renderQrPng } from '../src/index.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('QR codes', () => {
  test('renderQrPng returns PNG bytes, different for different texts', async () => {
    const a = await renderQrPng('LPA:1$rsp.example.com$ABC');
    const b = await renderQrPng('LPA:1$rsp.example.com$XYZ');
    expect([...a.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  test('qrPngResponse serves it as image/png', async () => {
    const res = await qrPngResponse('hello');
    expect(res.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await res.arrayBuffer()).slice(0, 8)]).toEqual(PNG_SIGNATURE);
  });
});

describe('seeded randomness', () => {
  test('the same seed gives the same sequence and a saved state continues it', () => {
    const a = new Random('seed');
    const b = new Random(hashSeed('seed'));
    expect([a.hex(8), a.digits(5), a.int(1, 6)]).toEqual([b.hex(8), b.digits(5), b.int(1, 6)]);
    const resumed = new Random(a.state);
    expect(resumed.alnum(10)).toBe(a.alnum(10));
    expect(new Random('other').hex(8)).not.toBe(new Random('seed').hex(8));
  });

  test('generators produce the documented shapes', () => {
    const r = new Random(1);
    expect(r.hex(32)).toMatch(/^[0-9a-f]{32}$/);
    expect(r.digits(14)).toMatch(/^\d{14}$/);
    expect(r.alnum(13, { lower: true })).toMatch(/^[a-z0-9]{13}$/);
    expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    for (let i = 0; i < 100; i++) {
      const n = r.int(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
    }
    expect(r.pick(['only'])).toBe('only');
    expect(() => r.pick([])).toThrow(RangeError);
  });

  test('chance(p) is always true at 1 and always false at 0', () => {
    const r = new Random(2);
    expect(Array.from({ length: 50 }, () => r.chance(1)).every(Boolean)).toBe(true);
    expect(Array.from({ length: 50 }, () => r.chance(0)).some(Boolean)).toBe(false);
  });
});
