/**
 * Real countries, operators and numbering data the generated catalogue and the profile ids are drawn from.
 * Kept as a fixed table (not faker's locale data) so ICCID prefixes, IMSI MCCs and operator names are real and stable
 * across faker versions.
 * @module
 */

export interface CountryOperator {
  readonly operatorName: string;
  readonly networkType: '4G' | '5G';
}

export interface Country {
  /** ISO 3166-1 alpha-2. */
  readonly code: string;
  readonly name: string;
  /** ITU-T E.164 country calling code: ICCIDs are `89` + this (ITU-T E.118). */
  readonly dial: string;
  /** Mobile country code: the first three digits of an IMSI. */
  readonly mcc: string;
  readonly operators: readonly CountryOperator[];
}

/** `'AT&T:5G, T-Mobile:5G'` -> operators; keeps the table one country per line. */
function country(code: string, name: string, dial: string, mcc: string, operators: string): Country {
  return {
    code,
    name,
    dial,
    mcc,
    operators: operators.split(', ').map((entry) => {
      const [operatorName = '', networkType] = entry.split(':');
      return { operatorName, networkType: networkType === '5G' ? '5G' : '4G' };
    }),
  };
}

export const COUNTRIES: readonly Country[] = [
  country('US', 'United States', '1', '310', 'AT&T:5G, T-Mobile:5G, Verizon:5G'),
  country('CA', 'Canada', '1', '302', 'Rogers:5G, Bell:5G, Telus:5G'),
  country('MX', 'Mexico', '52', '334', 'Telcel:4G, AT&T Mexico:4G'),
  country('BR', 'Brazil', '55', '724', 'Vivo:4G, Claro:4G, TIM:4G'),
  country('AR', 'Argentina', '54', '722', 'Claro:4G, Movistar:4G, Personal:4G'),
  country('CL', 'Chile', '56', '730', 'Entel:4G, Movistar:4G'),
  country('CO', 'Colombia', '57', '732', 'Claro:4G, Movistar:4G'),
  country('PE', 'Peru', '51', '716', 'Claro:4G, Movistar:4G'),
  country('GB', 'United Kingdom', '44', '234', 'EE:5G, Vodafone:5G, O2:4G, Three:5G'),
  country('FR', 'France', '33', '208', 'Orange:5G, SFR:5G, Bouygues Telecom:5G'),
  country('DE', 'Germany', '49', '262', 'Telekom:5G, Vodafone:5G, O2:4G'),
  country('ES', 'Spain', '34', '214', 'Movistar:5G, Orange:5G, Vodafone:4G'),
  country('IT', 'Italy', '39', '222', 'TIM:5G, Vodafone:5G, WindTre:4G'),
  country('PT', 'Portugal', '351', '268', 'MEO:4G, NOS:5G, Vodafone:4G'),
  country('NL', 'Netherlands', '31', '204', 'KPN:5G, Vodafone:4G, Odido:5G'),
  country('BE', 'Belgium', '32', '206', 'Proximus:4G, Orange:4G, BASE:4G'),
  country('AT', 'Austria', '43', '232', 'A1:5G, Magenta:5G, Drei:5G'),
  country('CH', 'Switzerland', '41', '228', 'Swisscom:5G, Sunrise:5G, Salt:4G'),
  country('IE', 'Ireland', '353', '272', 'Vodafone:4G, Three:5G, Eir:4G'),
  country('SE', 'Sweden', '46', '240', 'Telia:5G, Tele2:4G, Telenor:4G'),
  country('NO', 'Norway', '47', '242', 'Telenor:5G, Telia:4G'),
  country('DK', 'Denmark', '45', '238', 'TDC:5G, Telia:4G, 3:4G'),
  country('PL', 'Poland', '48', '260', 'Orange:4G, Plus:5G, Play:4G'),
  country('GR', 'Greece', '30', '202', 'Cosmote:5G, Vodafone:4G, Nova:4G'),
  country('TR', 'Turkey', '90', '286', 'Turkcell:4G, Vodafone:4G, Türk Telekom:4G'),
  country('JP', 'Japan', '81', '440', 'NTT Docomo:5G, SoftBank:5G, KDDI:4G'),
  country('KR', 'South Korea', '82', '450', 'SK Telecom:5G, KT:5G, LG U+:4G'),
  country('CN', 'China mainland', '86', '460', 'China Mobile:4G, China Unicom:4G'),
  country('HK', 'Hong Kong (China)', '852', '454', 'CSL:5G, SmarTone:4G, 3 HK:4G'),
  country('TW', 'Taiwan (China)', '886', '466', 'Chunghwa Telecom:5G, Taiwan Mobile:4G, FarEasTone:4G'),
  country('SG', 'Singapore', '65', '525', 'Singtel:5G, StarHub:4G, M1:4G'),
  country('TH', 'Thailand', '66', '520', 'AIS:5G, dtac:4G, TrueMove H:4G'),
  country('VN', 'Vietnam', '84', '452', 'Viettel:4G, Vinaphone:4G, Mobifone:4G'),
  country('MY', 'Malaysia', '60', '502', 'Maxis:4G, CelcomDigi:4G'),
  country('ID', 'Indonesia', '62', '510', 'Telkomsel:4G, Indosat:4G, XL Axiata:4G'),
  country('PH', 'Philippines', '63', '515', 'Smart:4G, Globe:4G'),
  country('IN', 'India', '91', '404', 'Airtel:4G, Vodafone Idea:4G, Jio:4G'),
  country('AU', 'Australia', '61', '505', 'Telstra:5G, Optus:5G, Vodafone:4G'),
  country('NZ', 'New Zealand', '64', '530', 'Spark:4G, One NZ:4G, 2degrees:4G'),
  country('AE', 'United Arab Emirates', '971', '424', 'Etisalat:5G, du:4G'),
  country('IL', 'Israel', '972', '425', 'Partner:4G, Cellcom:4G'),
  country('ZA', 'South Africa', '27', '655', 'Vodacom:4G, MTN:4G'),
  country('EG', 'Egypt', '20', '602', 'Vodafone:4G, Orange:4G'),
  country('MA', 'Morocco', '212', '604', 'Maroc Telecom:4G, Orange:4G'),
];

const byCode = new Map(COUNTRIES.map((country) => [country.code, country]));

export function findCountry(code: string): Country | undefined {
  return byCode.get(code);
}

/** A multi-country area: `code` follows the provider's `<prefix>-<member count>` convention (`NA-3`). */
export interface RegionDefinition {
  readonly prefix: string;
  readonly name: string;
  readonly members: readonly string[];
}

export const REGIONS: readonly RegionDefinition[] = [
  { prefix: 'NA', name: 'North America', members: ['US', 'CA', 'MX'] },
  { prefix: 'SA', name: 'South America', members: ['BR', 'AR', 'CL', 'CO', 'PE'] },
  {
    prefix: 'EU',
    name: 'Europe',
    members: ['GB', 'FR', 'DE', 'ES', 'IT', 'PT', 'NL', 'BE', 'AT', 'CH', 'IE', 'SE', 'NO', 'DK', 'PL', 'GR'],
  },
  {
    prefix: 'AS',
    name: 'Asia',
    members: ['JP', 'KR', 'CN', 'HK', 'TW', 'SG', 'TH', 'VN', 'MY', 'ID', 'PH', 'IN'],
  },
  { prefix: 'ME', name: 'Middle East', members: ['AE', 'IL', 'TR'] },
  { prefix: 'AF', name: 'Africa', members: ['ZA', 'EG', 'MA'] },
  { prefix: 'AUNZ', name: 'Australia & New Zealand', members: ['AU', 'NZ'] },
];

/** Global bundles cover every country of the table; the list filter `!GL` selects them. */
export const GLOBAL_REGION: RegionDefinition = {
  prefix: 'GL',
  name: 'Global',
  members: COUNTRIES.map((country) => country.code),
};

export function regionCode(region: RegionDefinition): string {
  return `${region.prefix}-${region.members.length}`;
}
