/**
 * Magic values, like a payment sandbox's test card numbers: a packageCode or transactionId that always answers a
 * given error code, for the documented codes nothing a partner does can provoke in the fake (a server error, a
 * vendor or carrier missing on the provider's side). Codes with a natural trigger are not here: the fake reaches
 * them by the request itself (README, "Magic values"). The values cannot be sent by accident: no catalogue has
 * a package named SANDBOX_ERROR_..., and a transactionId of `sandbox-error-<code>` is chosen, never generated.
 * @module
 */
import { type EsimAccessErrorCode, esimAccessErrorCodes } from '@esim-sandbox/core';
import { fail } from './context.js';

export type MagicField = 'packageCode' | 'transactionId';

export interface MagicValue {
  readonly code: EsimAccessErrorCode;
  readonly field: MagicField;
  readonly value: string;
}

const byPackage = (code: EsimAccessErrorCode): MagicValue => ({
  code,
  field: 'packageCode',
  value: `SANDBOX_ERROR_${code}`,
});
const byTransaction = (code: EsimAccessErrorCode): MagicValue => ({
  code,
  field: 'transactionId',
  value: `sandbox-error-${code}`,
});

/** Recognised in esim/order (transactionId, any packageInfoList[].packageCode or slug) and esim/topup. */
export const esimAccessMagicValues: readonly MagicValue[] = [
  byTransaction('000001'),
  byTransaction('200009'),
  byTransaction('400001'),
  byPackage('310201'),
  byPackage('310211'),
  byPackage('310221'),
  byPackage('310231'),
  byPackage('310243'),
  byPackage('310251'),
];

const byKey = new Map(esimAccessMagicValues.map((m) => [`${m.field}:${m.value}`, m]));

/** The error a request carrying a magic value answers with, checked before anything else; undefined otherwise. */
export function magicFailure(values: {
  transactionId?: string | undefined;
  packageCodes: readonly (string | undefined)[];
}): ReturnType<typeof fail> | undefined {
  const magic =
    byKey.get(`transactionId:${values.transactionId}`) ??
    values.packageCodes.map((code) => byKey.get(`packageCode:${code}`)).find((m) => m !== undefined);
  if (!magic) return undefined;
  const { meaning } = esimAccessErrorCodes[magic.code];
  return fail(magic.code, `${meaning} (sandbox magic value ${magic.field} ${magic.value})`);
}
