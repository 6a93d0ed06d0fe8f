/** Realistic eSIM Access objects (formats from the provider's own examples), with overrides. */
import type { EsimAccessPackage } from '../../src/esimaccess/schemas/packages.js';
import type { EsimAccessProfile } from '../../src/esimaccess/schemas/profiles.js';
import type { EsimAccessTopUpObj } from '../../src/esimaccess/schemas/topup.js';

export function aPackage(overrides: Partial<EsimAccessPackage> = {}): EsimAccessPackage {
  return {
    packageCode: 'JC016',
    slug: 'AU_1_7',
    name: 'Asia 11 countries 1GB 30 Days',
    price: 10000,
    currencyCode: 'USD',
    volume: 1073741824,
    duration: 30,
    durationUnit: 'DAY',
    location: 'JP,KR,SG',
    speed: '3G/4G',
    favorite: false,
    supportTopUpType: 2,
    ...overrides,
  };
}

export function aProfile(overrides: Partial<EsimAccessProfile> = {}): EsimAccessProfile {
  return {
    esimTranNo: '23120118156818',
    orderNo: 'B23120118131854',
    transactionId: 'txn-0001',
    imsi: '454006109846571',
    iccid: '89852245280000942210',
    ac: 'LPA:1$rsp-eu.redteamobile.com$451F9802E6E84C34B1D0E4A9E0B1C2D3',
    qrCodeUrl: 'https://p.qrsim.net/7f1c5a0e2b7d4c6f9a3e8b1d2c4f6a8b.png',
    smdpStatus: 'RELEASED',
    esimStatus: 'GOT_RESOURCE',
    eid: '',
    totalVolume: 1073741824,
    totalDuration: 30,
    durationUnit: 'DAY',
    orderUsage: 0,
    expiredTime: '2024-06-28T18:34:17+0000',
    packageList: [{ packageCode: 'CKH179', duration: 7, volume: 1073741824, locationCode: 'JP' }],
    ...overrides,
  };
}

export function aTopUp(overrides: Partial<EsimAccessTopUpObj> = {}): EsimAccessTopUpObj {
  return {
    transactionId: '1747191693771_topup_partner7',
    iccid: '89852245280000942210',
    expiredTime: '2024-07-28T18:34:17+0000',
    totalVolume: 2147483648,
    totalDuration: 60,
    orderUsage: 1048576,
    topUpEsimTranNo: '26032702180013',
    ...overrides,
  };
}

/** Profiles with distinct esimTranNo/iccid, numbered from `from`. */
export function profiles(count: number, from = 0): EsimAccessProfile[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(from + i).padStart(4, '0');
    return aProfile({ esimTranNo: `2312011815${n}`, iccid: `898522452800009${n}0` });
  });
}
