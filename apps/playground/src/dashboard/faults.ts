/**
 * @module
 * What the "inject a fault" form offers per provider: the endpoints (from core's endpoint table for eSIM Access)
 * and the actions, including every documented error code.
 */
import { esimAccessEndpoints, esimAccessErrorCodes, iroamlyCodes } from '@esim-sandbox/core';
import type { ProviderName } from '../views/sources.js';

export interface FaultChoice {
  label: string;
  /** The fault action as the control API takes it. */
  action: unknown;
}

export interface FaultMenu {
  paths: string[];
  actions: FaultChoice[];
}

const TRANSPORT: FaultChoice[] = [
  { label: 'drop the connection', action: { type: 'drop' } },
  { label: 'HTTP 502 from a proxy', action: { type: 'http', status: 502, body: 'Bad Gateway' } },
  { label: 'slow: +3 s latency', action: { type: 'latency', ms: 3000 } },
];

const IROAMLY_PATHS = [
  '/openapi/purchaseCode',
  '/openapi/codeQuery',
  '/openapi/redeemQRcode',
  '/openapi/qrcodeQuery',
  '/common/getPlanItem',
];

export const FAULT_MENUS: Record<ProviderName, FaultMenu> = {
  esimaccess: {
    paths: ['/api/v1/open/**', ...Object.values(esimAccessEndpoints).map((e) => e.path)],
    actions: [
      // Sorted by code: the table's keys include integer-like ones, which objects enumerate first.
      ...Object.values(esimAccessErrorCodes)
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((e) => ({
          label: `error ${e.code}: ${e.meaning}`,
          action: { type: 'error', code: e.code },
        })),
      ...TRANSPORT,
    ],
  },
  iroamly: {
    paths: ['/openapi/**', ...IROAMLY_PATHS],
    actions: [
      ...[...iroamlyCodes]
        .filter((c) => c.code !== 1)
        .sort((a, b) => Number(b.retryable) - Number(a.retryable))
        .map((c) => ({
          label: `code ${c.code}: ${c.meaning}`,
          action: { type: 'error', code: String(c.code) },
        })),
      ...TRANSPORT,
    ],
  },
};
