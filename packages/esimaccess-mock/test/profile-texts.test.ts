/**
 * esim/query's kept profile texts (issue #20): whatever changed in a profile, and however, the text given is what
 * serialising its rendering gives now; an unchanged profile gets the kept text; the number kept is bounded.
 */
import { describe, expect, it } from 'vitest';
import type { ProfileLinks } from '../src/ops/context.js';
import { placeOrder } from '../src/ops/order.js';
import { renderProfile } from '../src/ops/profiles.js';
import { PROFILE_TEXTS_KEPT, ProfileTexts } from '../src/runtime/profile-texts.js';
import type { ProfileRecord } from '../src/state/types.js';
import { basePackage, world } from './builders.js';

const links = (origin: string): ProfileLinks => ({
  qrCodeUrl: (id) => `${origin}/qr/${id}.png`,
  shortUrl: (id) => `${origin}/qr/${id}`,
});
const LINKS = links('http://mock.test');

/** `count` allocated profiles of one order. */
function profiles(count: number): ProfileRecord[] {
  const w = world();
  const { orderNo } = w.ok((ctx) =>
    placeOrder(ctx, {
      transactionId: 'texts',
      packageInfoList: [{ packageCode: basePackage().packageCode, count }],
    }),
  );
  w.advance(w.behaviour.allocationDelayMs);
  return w.state.orders[orderNo]!.esimTranNos.map((id) => w.state.profiles[id]!);
}

const serialised = (profile: ProfileRecord, l = LINKS) => JSON.stringify(renderProfile(profile, l));

/** Edits a profile in place, as operations, a restore or a test editing the state do. */
const edits: { what: string; edit(p: ProfileRecord): void }[] = [
  { what: 'a status', edit: (p) => (p.esimStatus = 'CANCEL') },
  { what: 'a time set from null', edit: (p) => (p.activatedAt = p.createdAt + 1000) },
  { what: 'a number', edit: (p) => (p.orderUsage += 1) },
  { what: 'a string to the same length', edit: (p) => (p.apn = p.apn.replace(/.$/, '#')) },
  {
    what: 'a package pushed onto the list',
    edit: (p) => p.packages.push({ ...p.packages[0]!, packageCode: 'TOPUP_X', createTime: p.createdAt + 5 }),
  },
  { what: 'a field of a package', edit: (p) => (p.packages[0]!.volume += 1) },
  {
    what: 'the package list replaced by an equal-length one',
    edit: (p) => (p.packages = [{ ...p.packages[0]!, slug: 'other' }]),
  },
  {
    what: 'a key removed and another added (same count)',
    edit: (p) => {
      const record = p as unknown as Record<string, unknown>;
      delete record.pin;
      record.extra = 1;
    },
  },
];

describe('kept profile texts', () => {
  it('gives JSON.stringify of the rendering, and the same string again while the profile is unchanged', () => {
    const texts = new ProfileTexts();
    const [profile] = profiles(1) as [ProfileRecord];
    const first = texts.text(profile, LINKS);
    expect(first).toBe(serialised(profile));
    expect(texts.text(profile, LINKS)).toBe(first);
  });

  it.each(edits)('gives the new text after $what', ({ edit }) => {
    const texts = new ProfileTexts();
    const [profile] = profiles(1) as [ProfileRecord];
    const before = texts.text(profile, LINKS);
    edit(profile);
    const now = serialised(profile);
    expect(now).not.toBe(before);
    expect(texts.text(profile, LINKS)).toBe(now);
  });

  it('renders again a profile holding something other than plain data (a Date changed in place)', () => {
    const texts = new ProfileTexts();
    const [profile] = profiles(1) as [ProfileRecord];
    const date = new Date(0);
    (profile as unknown as Record<string, unknown>).eid = date;
    expect(texts.text(profile, LINKS)).toBe(serialised(profile));
    date.setTime(1000);
    expect(texts.text(profile, LINKS)).toBe(serialised(profile));
  });

  it('renders again for other links (another origin)', () => {
    const texts = new ProfileTexts();
    const [profile] = profiles(1) as [ProfileRecord];
    texts.text(profile, LINKS);
    const other = links('http://127.0.0.1:4000');
    expect(texts.text(profile, other)).toBe(serialised(profile, other));
  });

  it('lists profiles as JSON.stringify lists their renderings', () => {
    const texts = new ProfileTexts();
    const list = profiles(3);
    const expected = JSON.stringify(list.map((p) => renderProfile(p, LINKS)));
    expect(texts.list(list, LINKS)).toBe(expected);
    expect(texts.list(list, LINKS)).toBe(expected);
    expect(texts.list([], LINKS)).toBe('[]');
  });

  it(`keeps at most ${PROFILE_TEXTS_KEPT} texts`, () => {
    const texts = new ProfileTexts();
    const [profile] = profiles(1) as [ProfileRecord];
    const copies = Array.from({ length: PROFILE_TEXTS_KEPT + 10 }, (_, i) => ({
      ...profile,
      esimTranNo: `${profile.esimTranNo}-${i}`,
    }));
    for (const copy of copies) texts.text(copy, LINKS);
    expect(texts.size).toBe(PROFILE_TEXTS_KEPT);
  });
});
