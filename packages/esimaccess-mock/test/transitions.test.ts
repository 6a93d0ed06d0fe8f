import type { EsimAccessEsimStatus, EsimAccessSmdpStatus } from '@esim-sandbox/core';
import { describe, expect, it } from 'vitest';
import { type ProfileMove, planMove } from '../src/state/transitions.js';
import type { ProfileRecord } from '../src/state/types.js';

function profile(
  esimStatus: EsimAccessEsimStatus,
  smdpStatus: EsimAccessSmdpStatus,
  extra: Partial<ProfileRecord> = {},
) {
  return {
    esimTranNo: '25060112000001',
    esimStatus,
    smdpStatus,
    suspendedFrom: null,
    ...extra,
  } as ProfileRecord;
}

const options = { revokedStatus: 'REVOKED' as const };
type Pair = [EsimAccessEsimStatus, EsimAccessSmdpStatus];

const allowed: [ProfileMove, Pair, Pair][] = [
  ['download', ['GOT_RESOURCE', 'RELEASED'], ['GOT_RESOURCE', 'DOWNLOAD']],
  ['install', ['GOT_RESOURCE', 'DOWNLOAD'], ['GOT_RESOURCE', 'INSTALLATION']],
  ['enable', ['GOT_RESOURCE', 'INSTALLATION'], ['GOT_RESOURCE', 'ENABLED']],
  ['activate', ['GOT_RESOURCE', 'ENABLED'], ['IN_USE', 'ENABLED']],
  ['useUp', ['IN_USE', 'ENABLED'], ['USED_UP', 'ENABLED']],
  ['expireUnused', ['GOT_RESOURCE', 'RELEASED'], ['UNUSED_EXPIRED', 'RELEASED']],
  ['expireUnused', ['GOT_RESOURCE', 'ENABLED'], ['UNUSED_EXPIRED', 'ENABLED']],
  ['expireUsed', ['IN_USE', 'ENABLED'], ['USED_EXPIRED', 'ENABLED']],
  ['expireUsed', ['USED_UP', 'DISABLED'], ['USED_EXPIRED', 'DISABLED']],
  ['suspend', ['IN_USE', 'ENABLED'], ['SUSPENDED', 'ENABLED']],
  ['suspend', ['GOT_RESOURCE', 'RELEASED'], ['SUSPENDED', 'RELEASED']],
  ['cancel', ['GOT_RESOURCE', 'RELEASED'], ['CANCEL', 'RELEASED']],
  ['revoke', ['IN_USE', 'ENABLED'], ['REVOKED', 'DELETED']],
  ['revoke', ['GOT_RESOURCE', 'RELEASED'], ['REVOKED', 'DELETED']],
  ['topUp', ['GOT_RESOURCE', 'RELEASED'], ['GOT_RESOURCE', 'RELEASED']],
  ['topUp', ['IN_USE', 'ENABLED'], ['IN_USE', 'ENABLED']],
  ['topUp', ['USED_UP', 'ENABLED'], ['IN_USE', 'ENABLED']],
  ['sendSms', ['IN_USE', 'ENABLED'], ['IN_USE', 'ENABLED']],
];

const refused: [ProfileMove, Pair][] = [
  ['download', ['GOT_RESOURCE', 'ENABLED']],
  ['install', ['GOT_RESOURCE', 'RELEASED']],
  ['activate', ['GOT_RESOURCE', 'RELEASED']],
  ['addUsage', ['GOT_RESOURCE', 'ENABLED']],
  ['addUsage', ['SUSPENDED', 'ENABLED']],
  ['cancel', ['GOT_RESOURCE', 'DOWNLOAD']],
  ['cancel', ['IN_USE', 'ENABLED']],
  ['cancel', ['CANCEL', 'RELEASED']],
  ['expireUnused', ['IN_USE', 'ENABLED']],
  ['suspend', ['SUSPENDED', 'ENABLED']],
  ['suspend', ['USED_EXPIRED', 'ENABLED']],
  ['unsuspend', ['IN_USE', 'ENABLED']],
  ['revoke', ['REVOKED', 'DELETED']],
  ['revoke', ['CANCEL', 'RELEASED']],
  ['revoke', ['UNUSED_EXPIRED', 'RELEASED']],
  ['topUp', ['USED_EXPIRED', 'ENABLED']],
  ['topUp', ['UNUSED_EXPIRED', 'RELEASED']],
  ['topUp', ['SUSPENDED', 'ENABLED']],
  ['topUp', ['CANCEL', 'RELEASED']],
  ['sendSms', ['CANCEL', 'RELEASED']],
];

describe('profile transitions table', () => {
  it.each(allowed)('allows %s from %j to %j', (move, [esim, smdp], [toEsim, toSmdp]) => {
    expect(planMove(profile(esim, smdp), move, options)).toMatchObject({
      ok: true,
      next: { esimStatus: toEsim, smdpStatus: toSmdp },
    });
  });

  it.each(refused)('refuses %s from %j with 200002 naming the current pair', (move, [esim, smdp]) => {
    const plan = planMove(profile(esim, smdp), move, options);
    expect(plan).toMatchObject({ ok: false, code: '200002' });
    expect(!plan.ok && plan.message).toContain(`${esim} / smdpStatus ${smdp}`);
  });

  it('returns an unsuspended profile to the pair it was suspended from', () => {
    const suspended = profile('SUSPENDED', 'ENABLED', {
      suspendedFrom: { esimStatus: 'IN_USE', smdpStatus: 'ENABLED' },
    });
    expect(planMove(suspended, 'unsuspend', options)).toMatchObject({
      ok: true,
      next: { esimStatus: 'IN_USE' },
    });
  });

  it('writes REVOKE instead of REVOKED when configured so', () => {
    expect(planMove(profile('IN_USE', 'ENABLED'), 'revoke', { revokedStatus: 'REVOKE' })).toMatchObject({
      ok: true,
      next: { esimStatus: 'REVOKE' },
    });
  });
});
