/**
 * The rows of the transitions table for what a device does to its profile (disable, enable again, delete) and what
 * a disabled or deleted profile may still do, following the documented state table (NOTES 1.4).
 */
import type { EsimAccessEsimStatus, EsimAccessSmdpStatus } from '@esim-sandbox/core';
import { describe, expect, it } from 'vitest';
import { type ProfileMove, planMove } from '../src/state/transitions.js';
import type { ProfileRecord } from '../src/state/types.js';

type Pair = [EsimAccessEsimStatus, EsimAccessSmdpStatus];

const profile = ([esimStatus, smdpStatus]: Pair, suspendedFrom: Pair | null = null) =>
  ({
    esimTranNo: '25060112000001',
    esimStatus,
    smdpStatus,
    suspendedFrom: suspendedFrom && { esimStatus: suspendedFrom[0], smdpStatus: suspendedFrom[1] },
  }) as ProfileRecord;

const options = { revokedStatus: 'REVOKED' as const };

const allowed: [ProfileMove, Pair, Pair][] = [
  ['disable', ['IN_USE', 'ENABLED'], ['IN_USE', 'DISABLED']],
  ['disable', ['GOT_RESOURCE', 'ENABLED'], ['GOT_RESOURCE', 'DISABLED']],
  ['disable', ['USED_UP', 'ENABLED'], ['USED_UP', 'DISABLED']],
  ['disable', ['USED_EXPIRED', 'ENABLED'], ['USED_EXPIRED', 'DISABLED']],
  ['reenable', ['IN_USE', 'DISABLED'], ['IN_USE', 'ENABLED']],
  ['reenable', ['SUSPENDED', 'DISABLED'], ['SUSPENDED', 'ENABLED']],
  ['delete', ['IN_USE', 'ENABLED'], ['IN_USE', 'DELETED']],
  ['delete', ['USED_UP', 'DISABLED'], ['USED_UP', 'DELETED']],
  ['delete', ['USED_EXPIRED', 'DISABLED'], ['USED_EXPIRED', 'DELETED']],
  ['renewDay', ['USED_UP', 'ENABLED'], ['IN_USE', 'ENABLED']],
];

const refused: [ProfileMove, Pair][] = [
  ['disable', ['GOT_RESOURCE', 'RELEASED']],
  ['disable', ['IN_USE', 'DISABLED']],
  ['disable', ['CANCEL', 'RELEASED']],
  ['disable', ['REVOKED', 'DELETED']],
  ['reenable', ['IN_USE', 'ENABLED']],
  ['reenable', ['IN_USE', 'DELETED']],
  ['delete', ['GOT_RESOURCE', 'RELEASED']],
  ['delete', ['IN_USE', 'DELETED']],
  ['addUsage', ['IN_USE', 'DISABLED']],
  ['topUp', ['IN_USE', 'DELETED']],
  ['topUp', ['USED_UP', 'DELETED']],
  ['renewDay', ['IN_USE', 'ENABLED']],
];

describe('device moves in the transitions table', () => {
  it.each(allowed)('allows %s from %j to %j', (move, from, [toEsim, toSmdp]) => {
    expect(planMove(profile(from), move, options)).toMatchObject({
      ok: true,
      next: { esimStatus: toEsim, smdpStatus: toSmdp },
    });
  });

  it.each(refused)('refuses %s from %j with 200002', (move, from) => {
    expect(planMove(profile(from), move, options)).toMatchObject({ ok: false, code: '200002' });
  });

  it('unsuspends to the previous esimStatus but keeps the SM-DP+ status the device left it in', () => {
    const suspended = profile(['SUSPENDED', 'DISABLED'], ['IN_USE', 'ENABLED']);
    expect(planMove(suspended, 'unsuspend', options)).toMatchObject({
      ok: true,
      next: { esimStatus: 'IN_USE', smdpStatus: 'DISABLED' },
    });
  });
});
