import { describe, expect, it } from 'vitest';
import {
  addProfile,
  pageCreatedBetween,
  profileList,
  profilesCreatedBetween,
} from '../src/state/profile-list.js';
import { createAccountState, type ProfileRecord } from '../src/state/types.js';

function profile(n: number): ProfileRecord {
  return {
    esimTranNo: `2506011200${String(n).padStart(4, '0')}`,
    iccid: `8985200000000000${n}`,
  } as ProfileRecord;
}

const ids = (list: readonly ProfileRecord[]) => list.map((p) => p.esimTranNo);

describe('profile list', () => {
  it('lists profiles in creation order, including ones added after the first read', () => {
    const state = createAccountState();
    for (const n of [3, 1, 2]) addProfile(state, profile(n));
    expect(ids(profileList(state))).toEqual(ids([profile(3), profile(1), profile(2)]));
    addProfile(state, profile(9));
    expect(ids(profileList(state))).toEqual(ids([profile(3), profile(1), profile(2), profile(9)]));
    expect(state.esimTranNoByIccid[profile(9).iccid]).toBe(profile(9).esimTranNo);
  });

  it('lists the copies, not the originals, of a state that was restored from a snapshot', () => {
    const state = createAccountState();
    for (const n of [1, 2]) addProfile(state, profile(n));
    profileList(state);
    const restored = structuredClone(state);
    const list = profileList(restored);
    expect(ids(list)).toEqual(ids([profile(1), profile(2)]));
    expect(list[1]).toBe(restored.profiles[profile(2).esimTranNo]);
  });

  it('stores ids built a character at a time with exactly the same characters', () => {
    const state = createAccountState();
    let qrId = '';
    for (const c of 'ab12'.repeat(8)) qrId += c;
    const ac = `LPA:1$rsp.example$${qrId.toUpperCase()}é`;
    const imsi = `454${'0'.repeat(2)}${'1234567890'}`;
    addProfile(state, { ...profile(1), qrId, ac, imsi });
    expect(state.profiles[profile(1).esimTranNo]).toMatchObject({ qrId, ac, imsi });
    expect(profileList(state)[0]).toMatchObject({ qrId: 'ab12'.repeat(8), ac, imsi: '454001234567890' });
  });

  it('notices a newest profile replaced in the map without going through addProfile', () => {
    const state = createAccountState();
    for (const n of [1, 2]) addProfile(state, profile(n));
    profileList(state);
    const replacement = { ...profile(2), iccid: 'replaced' };
    state.profiles[replacement.esimTranNo] = replacement;
    expect(profileList(state)[1]).toBe(replacement);
  });
});

describe('profiles created between two times', () => {
  const at = (n: number, createdAt: number) => ({ ...profile(n), createdAt });

  it.each([
    ['a range inside the list', 20, 40, [2, 3, 4]],
    ['a range covering everything', 0, 100, [1, 2, 3, 4, 5]],
    ['a range before the first', 0, 5, []],
    ['a range after the last', 51, 99, []],
    ['a single instant shared by two profiles', 30, 30, [3, 4]],
  ])('finds %s', (_name, from, to, expected) => {
    const state = createAccountState();
    for (const [n, t] of [
      [1, 10],
      [2, 20],
      [3, 30],
      [4, 30],
      [5, 50],
    ] as const)
      addProfile(state, at(n, t));
    expect(ids(profilesCreatedBetween(state, from, to))).toEqual(ids(expected.map((n) => profile(n))));
  });

  it('still answers right when profiles were not created in time order', () => {
    const state = createAccountState();
    profileList(state);
    for (const [n, t] of [
      [1, 30],
      [2, 10],
      [3, 20],
    ] as const)
      addProfile(state, at(n, t));
    expect(ids(profilesCreatedBetween(state, 15, 30))).toEqual(ids([profile(1), profile(3)]));
    expect(ids(profilesCreatedBetween(structuredClone(state), 15, 30))).toEqual(
      ids([profile(1), profile(3)]),
    );
  });

  it.each([
    ['the first page', 0, 2, true],
    ['a middle page', 1, 2, true],
    ['a page running past the end', 2, 5, true],
    ['a page after the end', 9, 2, true],
    ['a page of a list not in time order', 1, 2, false],
  ])('pages them without copying the rest: %s', (_name, skip, take, ordered) => {
    const state = createAccountState();
    const times = ordered ? [10, 20, 30, 30, 50, 60] : [30, 10, 20, 50, 30, 60];
    for (const [i, t] of times.entries()) addProfile(state, at(i + 1, t));
    const all = profilesCreatedBetween(state, 20, 50);
    const { page, total } = pageCreatedBetween(state, 20, 50, skip, take);
    expect({ page: ids(page), total }).toEqual({ page: ids(all.slice(skip, skip + take)), total: 4 });
  });
});
