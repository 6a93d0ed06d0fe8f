import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { chaosProfileSchema } from '../src/chaos/profile.js';
import { chaosUnit } from '../src/chaos/unit.js';
import { CHAOS_PROFILES, loadChaosProfile, parseChaosEnv } from '../src/index.js';

describe('chaosUnit', () => {
  test('is a pure function of its arguments: the same call gives the same unit, any change another', () => {
    const first = chaosUnit('17', 'default', 'api', 12, 'busy');
    // Calls in between (other seeds, other seqs) change nothing: there is no generator state.
    for (let seq = 0; seq < 100; seq++) chaosUnit('other', '#1', 'webhook', seq, 'drop');
    expect(chaosUnit('17', 'default', 'api', 12, 'busy')).toBe(first);
    const variants = [
      chaosUnit('18', 'default', 'api', 12, 'busy'),
      chaosUnit('17', '#1', 'api', 12, 'busy'),
      chaosUnit('17', 'default', 'webhook', 12, 'busy'),
      chaosUnit('17', 'default', 'api', 13, 'busy'),
      chaosUnit('17', 'default', 'api', 12, 'drop'),
    ];
    for (const v of variants) expect(v).not.toBe(first);
  });

  test.each([0.001, 0.01, 0.05, 0.1, 0.3, 0.5, 0.9])(
    'a rate of %s is honoured within a tolerance over 10,000 seqs',
    (rate) => {
      const n = 10_000;
      const units = Array.from({ length: n }, (_, i) => chaosUnit('seed-7', 'default', 'api', i + 1, 'busy'));
      expect(Math.min(...units)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...units)).toBeLessThan(1);
      const hits = units.filter((u) => u < rate).length;
      // Four standard deviations of a binomial count, plus a little for the smallest rates.
      const tolerance = 4 * Math.sqrt(n * rate * (1 - rate)) + 3;
      expect(Math.abs(hits - n * rate)).toBeLessThan(tolerance);
    },
  );
});

describe('chaos profiles', () => {
  test('every built-in profile passes the strict schema and is named after its key', () => {
    for (const [name, profile] of Object.entries(CHAOS_PROFILES)) {
      expect(chaosProfileSchema.parse(profile)).toEqual(profile);
      expect(profile.name).toBe(name);
    }
  });

  test('the built-in profiles grow harsher, rule by rule, from gentle to realistic to hostile', () => {
    const { gentle, realistic, hostile } = CHAOS_PROFILES;
    const rates = (p: typeof gentle) => [
      p.api?.busy ?? 0,
      p.api?.serverError ?? 0,
      p.api?.drop ?? 0,
      p.api?.timeoutAfterWrite ?? 0,
      p.api?.rateLimitBurst?.rate ?? 0,
      p.webhooks?.duplicate ?? 0,
      p.webhooks?.reorder ?? 0,
      p.webhooks?.lateAfterPoll ?? 0,
      p.streams?.allocation?.rate ?? 0,
    ];
    rates(gentle).forEach((g, i) => {
      expect(g).toBeLessThan(rates(realistic)[i] ?? 0);
      expect(rates(realistic)[i]).toBeLessThan(rates(hostile)[i] ?? 0);
    });
  });

  test.each([
    [{ name: 'x', api: { busy: 2 } }, 'api.busy'],
    [{ name: 'x', api: { bussy: 0.1 } }, 'api.bussy'],
    [{ name: 'x', webhooks: { delay: { rate: 0.1, minMs: 10, maxMs: 5 } } }, 'webhooks.delay.minMs'],
    [{ name: 'x', api: { rateLimitBurst: { rate: 0.1 } } }, 'api.rateLimitBurst.length'],
    [{ api: {} }, 'name'],
  ])('a bad JSON profile file gets an error naming the file and the field (%j)', (profile, field) => {
    const dir = mkdtempSync(join(tmpdir(), 'chaos-profile-'));
    const path = join(dir, 'mine.json');
    writeFileSync(path, JSON.stringify(profile));
    expect(() => loadChaosProfile(path)).toThrow(expect.objectContaining({ field }));
    expect(() => loadChaosProfile(path)).toThrow(`chaos profile ${path}: ${field}:`);
  });

  test('a profile file that is not JSON or does not exist is refused naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chaos-profile-'));
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{ name: ');
    expect(() => loadChaosProfile(path)).toThrow(`chaos profile ${path}: not JSON`);
    expect(() => loadChaosProfile(join(dir, 'missing.json'))).toThrow('cannot read');
  });
});

describe('parseChaosEnv', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chaos-env-'));
  const file = join(dir, 'a:b.json');
  writeFileSync(file, JSON.stringify({ name: 'mine', api: { busy: 0.5 } }));

  test.each([
    [{}, undefined],
    [{ ESIM_SANDBOX_CHAOS: '' }, undefined],
    [{ ESIM_SANDBOX_CHAOS: 'realistic:17' }, { profile: 'realistic', seed: '17' }],
    [
      { ESIM_SANDBOX_CHAOS: `${file}:9`, ESIM_SANDBOX_CHAOS_REPORT: '/tmp/r.jsonl' },
      { profile: { name: 'mine', api: { busy: 0.5 } }, seed: '9', report: '/tmp/r.jsonl' },
    ],
  ])('reads %j (split on the last colon; a path is a profile file)', (env, expected) => {
    expect(parseChaosEnv(env)).toEqual(expected);
  });

  test('a profile part that is neither a built-in name nor a readable file is refused naming it', () => {
    expect(() => parseChaosEnv({ ESIM_SANDBOX_CHAOS: 'hostile:a:b' })).toThrow(
      'chaos profile hostile:a: cannot read',
    );
  });

  test.each(['realistic', 'realistic:', ':17'])(
    '%j is refused naming the variable and the shape',
    (value) => {
      expect(() => parseChaosEnv({ ESIM_SANDBOX_CHAOS: value })).toThrow(
        expect.objectContaining({ field: 'ESIM_SANDBOX_CHAOS' }),
      );
      expect(() => parseChaosEnv({ ESIM_SANDBOX_CHAOS: value })).toThrow('expected <profile>:<seed>');
    },
  );
});
