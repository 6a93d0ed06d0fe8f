import { esimAccessEsimStatusSchema, esimAccessSmdpStatusSchema } from '@esim-sandbox/core';
import { describe, expect, it } from 'vitest';
import {
  classifyStateDrift,
  decideTransition,
  ESIM_STATUS_RANK,
  expiryMayHaveMoved,
  orderStatusAdvances,
  type ProfileState,
  parseProviderTime,
  SMDP_STATUS_RANK,
} from '../src/domain/state-order.js';

const s = (esimStatus: string, smdpStatus: string, eventAt?: number | null): ProfileState => ({
  esimStatus,
  smdpStatus,
  eventAt,
});

describe('the state order', () => {
  it('ranks every esimStatus and smdpStatus that core knows', () => {
    expect(Object.keys(ESIM_STATUS_RANK).sort()).toEqual([...esimAccessEsimStatusSchema.options].sort());
    expect(Object.keys(SMDP_STATUS_RANK).sort()).toEqual([...esimAccessSmdpStatusSchema.options].sort());
  });

  it.each([
    [
      'a first event for an unknown profile',
      undefined,
      s('GOT_RESOURCE', 'RELEASED', 1),
      'applied',
      s('GOT_RESOURCE', 'RELEASED', 1),
    ],
    [
      'the documented install sequence, step by step',
      s('GOT_RESOURCE', 'DOWNLOAD', 1),
      s('GOT_RESOURCE', 'INSTALLATION', 2),
      'applied',
      s('GOT_RESOURCE', 'INSTALLATION', 2),
    ],
    [
      'a duplicate of the current state',
      s('IN_USE', 'ENABLED', 5),
      s('IN_USE', 'ENABLED', 5),
      'duplicate',
      s('IN_USE', 'ENABLED', 5),
    ],
    [
      'a late event (older provider time)',
      s('IN_USE', 'ENABLED', 5),
      s('GOT_RESOURCE', 'INSTALLATION', 3),
      'stale',
      s('IN_USE', 'ENABLED', 5),
    ],
    [
      'an earlier state without times',
      s('IN_USE', 'ENABLED', null),
      s('GOT_RESOURCE', 'DOWNLOAD', null),
      'stale',
      s('IN_USE', 'ENABLED', null),
    ],
    [
      'a forward move when one time is missing',
      s('IN_USE', 'ENABLED', null),
      s('USED_UP', 'ENABLED', 9),
      'applied',
      s('USED_UP', 'ENABLED', 9),
    ],
    [
      'anything after a terminal state',
      s('CANCEL', 'RELEASED', 5),
      s('GOT_RESOURCE', 'RELEASED', 6),
      'terminal',
      s('CANCEL', 'RELEASED', 5),
    ],
    [
      'a different terminal state after a terminal one',
      s('USED_EXPIRED', 'ENABLED', 5),
      s('REVOKED', 'ENABLED', 6),
      'terminal',
      s('USED_EXPIRED', 'ENABLED', 5),
    ],
    [
      'SM-DP+ deletion after expiry',
      s('USED_EXPIRED', 'ENABLED', 5),
      s('USED_EXPIRED', 'DELETED', 6),
      'applied',
      s('USED_EXPIRED', 'DELETED', 6),
    ],
    [
      'REVOKE and REVOKED as one state',
      s('REVOKE', 'ENABLED', 5),
      s('REVOKED', 'ENABLED', 6),
      'duplicate',
      s('REVOKE', 'ENABLED', 5),
    ],
    [
      'a suspension with a newer time',
      s('IN_USE', 'ENABLED', 5),
      s('SUSPENDED', 'ENABLED', 6),
      'applied',
      s('SUSPENDED', 'ENABLED', 6),
    ],
    [
      'an unsuspension with a newer time',
      s('SUSPENDED', 'ENABLED', 6),
      s('IN_USE', 'ENABLED', 7),
      'applied',
      s('IN_USE', 'ENABLED', 7),
    ],
    [
      'an unsuspension without times',
      s('SUSPENDED', 'ENABLED', null),
      s('IN_USE', 'ENABLED', null),
      'stale',
      s('SUSPENDED', 'ENABLED', null),
    ],
    [
      'a top-up reviving a used-up profile',
      s('USED_UP', 'ENABLED', 5),
      s('IN_USE', 'ENABLED', 6),
      'applied',
      s('IN_USE', 'ENABLED', 6),
    ],
    [
      'a late disable after an enable',
      s('IN_USE', 'ENABLED', 6),
      s('IN_USE', 'DISABLED', 4),
      'stale',
      s('IN_USE', 'ENABLED', 6),
    ],
    [
      'a newer disable after an enable',
      s('IN_USE', 'ENABLED', 6),
      s('IN_USE', 'DISABLED', 8),
      'applied',
      s('IN_USE', 'DISABLED', 8),
    ],
    [
      'a backward smdp move with a newer time',
      s('IN_USE', 'ENABLED', 6),
      s('IN_USE', 'RELEASED', 8),
      'stale',
      s('IN_USE', 'ENABLED', 6),
    ],
    [
      'a forward esim move, whose smdpStatus is the newer one',
      s('GOT_RESOURCE', 'ENABLED', null),
      s('CANCEL', 'RELEASED', null),
      'applied',
      s('CANCEL', 'RELEASED', null),
    ],
    [
      'a forward esim move after SM-DP+ deletion',
      s('IN_USE', 'DELETED', null),
      s('USED_EXPIRED', 'ENABLED', null),
      'applied',
      s('USED_EXPIRED', 'DELETED', null),
    ],
  ])('decides %s', (_name, current, incoming, outcome, next) => {
    const decision = decideTransition(current, incoming);
    expect(decision.outcome).toBe(outcome);
    expect(decision.next).toEqual(next);
  });

  it.each([
    ['equal states', s('IN_USE', 'ENABLED'), s('IN_USE', 'ENABLED'), 'none'],
    ['the provider further along', s('GOT_RESOURCE', 'RELEASED'), s('IN_USE', 'ENABLED'), 'missed_webhook'],
    ['a suspension we were not told of', s('IN_USE', 'ENABLED'), s('SUSPENDED', 'ENABLED'), 'missed_webhook'],
    [
      'the store ahead of the provider',
      s('USED_UP', 'ENABLED'),
      s('GOT_RESOURCE', 'RELEASED'),
      'status_mismatch',
    ],
    ['a different terminal state', s('CANCEL', 'RELEASED'), s('REVOKED', 'RELEASED'), 'status_mismatch'],
  ])('classifies drift between %s', (_name, store, provider, kind) => {
    expect(classifyStateDrift(store, provider)).toBe(kind);
  });

  it.each([
    ['activation', 'GOT_RESOURCE', 'IN_USE', true],
    ['a profile first heard of in use', null, 'IN_USE', true],
    ['the unused period ending', 'GOT_RESOURCE', 'UNUSED_EXPIRED', true],
    ['the validity ending', 'IN_USE', 'USED_EXPIRED', true],
    ['a suspended profile running out', 'SUSPENDED', 'USED_EXPIRED', true],
    ['a cancel', 'GOT_RESOURCE', 'CANCEL', false],
    ['no move', 'USED_EXPIRED', 'USED_EXPIRED', false],
    ['running out of data', 'IN_USE', 'USED_UP', false],
  ] as const)('knows whether %s may move the expiry no webhook carries', (_name, from, to, moved) => {
    expect(expiryMayHaveMoved(from, to)).toBe(moved);
  });

  it('moves an order from PENDING to GOT_RESOURCE and never back', () => {
    expect(orderStatusAdvances(null, 'PENDING')).toBe(true);
    expect(orderStatusAdvances('PENDING', 'GOT_RESOURCE')).toBe(true);
    expect(orderStatusAdvances('GOT_RESOURCE', 'PENDING')).toBe(false);
    expect(orderStatusAdvances('GOT_RESOURCE', 'GOT_RESOURCE')).toBe(false);
  });

  it.each([
    ['2024-05-29T18:34:17+0000', Date.UTC(2024, 4, 29, 18, 34, 17)],
    ['2025-08-09T00:23:45Z', Date.UTC(2025, 7, 9, 0, 23, 45)],
    ['2025-08-09T02:23:45+02:00', Date.UTC(2025, 7, 9, 0, 23, 45)],
    ['not a time', null],
    [null, null],
  ])('reads the provider time %s', (value, expected) => {
    expect(parseProviderTime(value)).toBe(expected);
  });
});
