import { describe, expect, it } from 'vitest';
import { esimAccessBalanceObjSchema } from '../src/esimaccess/schemas/balance.js';
import { esimAccessEsimStatusSchema } from '../src/esimaccess/schemas/common.js';
import {
  buildEsimAccessFailureEnvelope,
  buildEsimAccessSuccessEnvelope,
  esimAccessEnvelopeSchema,
  esimAccessFailureEnvelopeSchema,
  esimAccessSuccessEnvelopeSchema,
  readEsimAccessEnvelope,
} from '../src/esimaccess/schemas/envelope.js';
import { esimAccessLocationListObjSchema } from '../src/esimaccess/schemas/locations.js';
import { esimAccessOrderObjSchema } from '../src/esimaccess/schemas/orders.js';
import { esimAccessPackageListObjSchema } from '../src/esimaccess/schemas/packages.js';
import {
  esimAccessProfileQueryObjSchema,
  esimAccessProfileSchema,
} from '../src/esimaccess/schemas/profiles.js';
import { esimAccessUsageQueryObjSchema } from '../src/esimaccess/schemas/usage.js';
import { aPackage, aProfile } from './esimaccess/fixtures.js';

describe('response schemas parse the provider examples', () => {
  it('parses the package/list example', () => {
    const obj = {
      packageList: [
        {
          packageCode: 'JC016',
          slug: 'AU_1_7',
          name: 'Asia 11 countries 1GB 30 Days',
          price: 10000,
          currencyCode: 'USD',
          volume: 10485760,
          duration: 30,
          durationUnit: 'DAY',
          location: 'JP...',
          speed: '3G/4G',
          favorite: false,
          supportTopUpType: 2,
        },
      ],
    };
    expect(esimAccessPackageListObjSchema.parse(obj)).toEqual(obj);
  });

  it('parses the esim/query profile example', () => {
    const profile = {
      esimTranNo: '22102706381912',
      orderNo: 'B22102706381924',
      imsi: '454006109846571',
      iccid: '89852245280000942210',
      ac: 'LPA:1$rsp-eu.redteamobile.com$451F9802E6',
      qrCodeUrl: 'http://static.redtea.io/x.png',
      smdpStatus: 'RELEASED',
      esimStatus: 'UNUSED_EXPIRED',
      packageList: [{ packageCode: 'CKH179', duration: 7, volume: 1073741824, locationCode: 'JP' }],
    };
    expect(esimAccessProfileSchema.parse(profile)).toEqual(profile);
  });

  it('parses the location/list example, which spells subLocation', () => {
    const obj = {
      locationList: [
        { code: 'ES', name: 'Spain', type: 1 },
        {
          code: 'NA-3',
          name: 'North America',
          type: 2,
          subLocation: [{ code: 'US', name: 'United States' }],
        },
      ],
    };
    expect(esimAccessLocationListObjSchema.parse(obj)).toEqual(obj);
  });

  it('parses order and balance examples', () => {
    expect(esimAccessOrderObjSchema.parse({ orderNo: 'B22102010075311' })).toEqual({
      orderNo: 'B22102010075311',
    });
    expect(esimAccessBalanceObjSchema.parse({ balance: 100000 })).toEqual({ balance: 100000 });
  });

  it('accepts nulls in optional profile fields, as before installation', () => {
    const profile = aProfile({ activateTime: null, eid: '', msisdn: null, apn: null, pin: null, puk: null });
    expect(esimAccessProfileSchema.parse(profile)).toEqual(profile);
  });

  it('accepts both spellings of the revoked status', () => {
    expect(esimAccessEsimStatusSchema.parse('REVOKE')).toBe('REVOKE');
    expect(esimAccessEsimStatusSchema.parse('REVOKED')).toBe('REVOKED');
  });
});

describe('response schemas reject what a fake must never send', () => {
  it.each([
    {
      name: 'a float price',
      obj: { packageList: [aPackage({ price: 1.5 })] },
      path: ['packageList', 0, 'price'],
    },
    {
      name: 'a negative volume',
      obj: { packageList: [aPackage({ volume: -1 })] },
      path: ['packageList', 0, 'volume'],
    },
    {
      name: 'a package without packageCode',
      obj: { packageList: [{ ...aPackage(), packageCode: undefined }] },
      path: ['packageList', 0, 'packageCode'],
    },
  ])('rejects $name', ({ obj, path }) => {
    const result = esimAccessPackageListObjSchema.safeParse(obj);
    expect(result.error?.issues[0]?.path).toEqual(path);
  });

  it('rejects an unknown esimStatus and a pager without total', () => {
    const bad = { esimList: [{ ...aProfile(), esimStatus: 'ACTIVE' }], pager: { pageNum: 1, pageSize: 5 } };
    const paths = esimAccessProfileQueryObjSchema.safeParse(bad).error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(['esimList.0.esimStatus', 'pager.total']);
  });

  it('requires the canonical esimUsageList object (the bare array is client-side leniency only)', () => {
    expect(esimAccessUsageQueryObjSchema.safeParse([]).success).toBe(false);
  });
});

describe('envelope', () => {
  it('builds canonical success and failure envelopes that their schemas accept', () => {
    const success = buildEsimAccessSuccessEnvelope({ balance: 5 });
    expect(success).toEqual({ success: true, errorCode: null, errorMsg: null, obj: { balance: 5 } });
    expect(esimAccessSuccessEnvelopeSchema(esimAccessBalanceObjSchema).parse(success)).toEqual(success);
    const failure = buildEsimAccessFailureEnvelope('200007', 'the balance is insufficient');
    expect(esimAccessFailureEnvelopeSchema.parse(failure)).toEqual(failure);
  });

  it('rejects a failure envelope whose code is not six digits', () => {
    expect(
      esimAccessFailureEnvelopeSchema.safeParse(buildEsimAccessFailureEnvelope('105', 'x')).success,
    ).toBe(false);
  });

  it.each([
    { envelope: { success: true, errorCode: null, errorMsg: null, obj: 1 }, outcome: { ok: true, obj: 1 } },
    { envelope: { success: 'true', errorCode: '0', obj: 2 }, outcome: { ok: true, obj: 2 } },
    {
      envelope: { success: false, errorCode: '310272', errorMsg: "the orderNo doesn't exist" },
      outcome: { ok: false, code: '310272', message: "the orderNo doesn't exist" },
    },
    {
      envelope: { success: 'false', errorCode: '200010', errorMessage: 'allocating' },
      outcome: { ok: false, code: '200010', message: 'allocating' },
    },
    {
      envelope: { success: false, errorCode: 1 },
      outcome: { ok: false, code: '000001', message: undefined },
    },
  ])('reads $envelope', ({ envelope, outcome }) => {
    expect(readEsimAccessEnvelope(esimAccessEnvelopeSchema.parse(envelope))).toEqual(outcome);
  });
});
