/**
 * The iRoamly endpoints as data (path, schemas, words), the one list the iRoamly document is generated from.
 * @module
 */
import type { z } from 'zod';
import {
  iroamlyCodeQueryRequestSchema,
  iroamlyPlanListQuerySchema,
  iroamlyPurchaseCodeRequestSchema,
  iroamlyQrcodeQueryRequestSchema,
  iroamlyRedeemQrcodeRequestSchema,
} from '../iroamly/schemas/requests.js';
import {
  iroamlyCodeQueryResponseSchema,
  iroamlyPlanListResponseSchema,
  iroamlyPurchaseCodeResponseSchema,
  iroamlyQrcodeQueryResponseSchema,
  iroamlyRedeemQrcodeResponseSchema,
} from '../iroamly/schemas/responses.js';

export interface IroamlyOperation {
  /** operationId of the POST form; the GET form adds `ByQuery`. */
  readonly id: string;
  readonly path: string;
  readonly request: z.ZodType;
  readonly response: z.ZodType;
  readonly tag: 'redeem codes' | 'plans';
  readonly summary: string;
  readonly description?: string;
}

export const IROAMLY_TAGS = [
  { name: 'redeem codes', description: 'Buying redeem codes and turning them into eSIM QR codes.' },
  { name: 'plans', description: 'The public plan list (no credentials).' },
] as const;

/** Authenticated endpoints: JSON body by POST (the spec's "GET / POST" also allows the query string). */
export const IROAMLY_OPERATIONS: readonly IroamlyOperation[] = [
  {
    id: 'purchaseCode',
    path: '/openapi/purchaseCode',
    request: iroamlyPurchaseCodeRequestSchema,
    response: iroamlyPurchaseCodeResponseSchema,
    tag: 'redeem codes',
    summary: 'Purchase redeem codes',
    description: 'Debits the balance; `orderId` finds the codes with codeQuery.',
  },
  {
    id: 'codeQuery',
    path: '/openapi/codeQuery',
    request: iroamlyCodeQueryRequestSchema,
    response: iroamlyCodeQueryResponseSchema,
    tag: 'redeem codes',
    summary: 'Query the redeem codes of an order',
  },
  {
    id: 'redeemQRcode',
    path: '/openapi/redeemQRcode',
    request: iroamlyRedeemQrcodeRequestSchema,
    response: iroamlyRedeemQrcodeResponseSchema,
    tag: 'redeem codes',
    summary: 'Redeem codes into eSIM QR codes',
    description: 'Asynchronous: the QR codes are sent to `email`; the more codes, the longer it takes.',
  },
  {
    id: 'qrcodeQuery',
    path: '/openapi/qrcodeQuery',
    request: iroamlyQrcodeQueryRequestSchema,
    response: iroamlyQrcodeQueryResponseSchema,
    tag: 'redeem codes',
    summary: 'Query the QR code of a redeemed code',
    description:
      'Send exactly one of `code` (the spec table) or `redeemCode` (the spec example); both or neither answer 3.',
  },
];

/** `GET /common/getPlanItem?region=`: public, a bare JSON array. */
export const IROAMLY_PLAN_LIST: IroamlyOperation = {
  id: 'getPlanItem',
  path: '/common/getPlanItem',
  request: iroamlyPlanListQuerySchema,
  response: iroamlyPlanListResponseSchema,
  tag: 'plans',
  summary: 'List the plans of a region',
  description: '`region` is an ISO2 code, a country name or a slug (`united-states`).',
};
