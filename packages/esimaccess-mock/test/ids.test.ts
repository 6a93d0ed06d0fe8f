import { Random } from '@esim-sandbox/emulator';
import { describe, expect, it } from 'vitest';
import {
  formatEsimTranNo,
  formatOrderNo,
  isLuhnValid,
  newActivationCode,
  newEid,
  newIccid,
  newImsi,
  nextSequencedId,
} from '../src/state/ids.js';
import { formatProviderTime, formatWebhookTime, parseProviderTime } from '../src/state/time.js';

const rng = () => new Random('ids');
const at = Date.UTC(2025, 8, 11, 13, 27, 5);

describe('identifiers', () => {
  it('formats orderNo as B + yyMMddHHmm + a 4-digit sequence', () => {
    expect(formatOrderNo(at, 4)).toBe('B25091113270004');
    expect(formatOrderNo(at, 12_345)).toBe('B25091113272345');
  });

  it('formats esimTranNo as 14 digits on the same scheme', () => {
    expect(formatEsimTranNo(at, 4)).toBe('25091113270004');
  });

  it('widens the sequence instead of looping once a minute has issued all 10,000 ids', () => {
    const taken: Record<string, true> = {};
    const counters = { esim: 9_990 };
    for (let i = 0; i < 25_000; i++) {
      const id = nextSequencedId(counters, 'esim', at, '', taken);
      expect(taken[id]).toBeUndefined();
      taken[id] = true;
    }
    const ids = Object.keys(taken);
    const lengths = ids.map((id) => id.length);
    expect(lengths.filter((n) => n === 14)).toHaveLength(10_000);
    expect(lengths.filter((n) => n === 15)).toHaveLength(15_000);
    expect(ids.every((id) => id.startsWith('2509111327'))).toBe(true);
  });

  it('skips a 4-digit number a restored account already holds and keeps the 4-digit form', () => {
    const counters = { order: 6 };
    const id = nextSequencedId(counters, 'order', at, 'B', { B25091113270007: {} });
    expect(id).toBe('B25091113270008');
    expect(counters.order).toBe(8);
  });

  it.each([
    ['JP', '8981'],
    ['HK', '89852'],
    ['AT', '8943'],
    ['US', '891'],
  ])('makes Luhn-valid 20-digit ICCIDs for issuer %s starting %s', (country, prefix) => {
    const r = rng();
    for (let i = 0; i < 50; i++) {
      const iccid = newIccid(r, country);
      expect(iccid).toMatch(/^\d{20}$/);
      expect(iccid.startsWith(prefix)).toBe(true);
      expect(isLuhnValid(iccid)).toBe(true);
    }
  });

  it('agrees with a known Luhn-valid number and rejects a changed digit', () => {
    expect(isLuhnValid('79927398713')).toBe(true);
    expect(isLuhnValid('79927398710')).toBe(false);
  });

  it('makes 15-digit IMSIs starting with the issuer MCC', () => {
    expect(newImsi(rng(), 'HK')).toMatch(/^454\d{12}$/);
  });

  it('makes 32-digit EIDs starting 89049032', () => {
    expect(newEid(rng())).toMatch(/^89049032\d{24}$/);
  });

  it('makes LPA activation codes with 32 upper-case hex characters', () => {
    expect(newActivationCode(rng(), 'rsp-eu.redteamobile.com')).toMatch(
      /^LPA:1\$rsp-eu\.redteamobile\.com\$[0-9A-F]{32}$/,
    );
  });

  it('is deterministic for a seed', () => {
    expect(newIccid(rng(), 'JP')).toBe(newIccid(rng(), 'JP'));
  });
});

describe('provider time formats', () => {
  it('writes query times with +0000 and webhook times with Z', () => {
    expect(formatProviderTime(at)).toBe('2025-09-11T13:27:05+0000');
    expect(formatWebhookTime(at)).toBe('2025-09-11T13:27:05Z');
  });

  it.each(['2025-09-11T13:27:05+0000', '2025-09-11T13:27:05+00:00', '2025-09-11T13:27:05Z'])(
    'parses %s',
    (text) => {
      expect(parseProviderTime(text)).toBe(at);
    },
  );
});
