/**
 * @module
 * The provider's endpoints as one table: path, request schema (core's), list fields sent as JSON text in a query
 * string, whether the endpoint only reads (so it never saves the state file), and whether it needs credentials.
 * Routes, authentication and persistence all derive from it.
 */
import {
  iroamlyCodeQueryRequestSchema,
  iroamlyPlanListQuerySchema,
  iroamlyPurchaseCodeRequestSchema,
  iroamlyQrcodeQueryRequestSchema,
  iroamlyRedeemQrcodeRequestSchema,
} from '@esim-sandbox/core';
import type { z } from 'zod';

export interface IroamlyEndpoint {
  readonly path: string;
  readonly schema: z.ZodType;
  readonly listFields: readonly string[];
  /** Changes nothing: the engine does not save the state file after it. */
  readonly read: boolean;
  /** Served without credentials (spec: the plan list is public). */
  readonly public: boolean;
}

export const IROAMLY_ENDPOINTS = {
  purchaseCode: {
    path: '/openapi/purchaseCode',
    schema: iroamlyPurchaseCodeRequestSchema,
    listFields: ['productList'],
    read: false,
    public: false,
  },
  codeQuery: {
    path: '/openapi/codeQuery',
    schema: iroamlyCodeQueryRequestSchema,
    listFields: [],
    read: true,
    public: false,
  },
  redeemQRcode: {
    path: '/openapi/redeemQRcode',
    schema: iroamlyRedeemQrcodeRequestSchema,
    listFields: ['codeList'],
    read: false,
    public: false,
  },
  qrcodeQuery: {
    path: '/openapi/qrcodeQuery',
    schema: iroamlyQrcodeQueryRequestSchema,
    listFields: [],
    read: true,
    public: false,
  },
  getPlanItem: {
    path: '/common/getPlanItem',
    schema: iroamlyPlanListQuerySchema,
    listFields: [],
    read: true,
    public: true,
  },
} as const satisfies Record<string, IroamlyEndpoint>;

const endpoints: readonly IroamlyEndpoint[] = Object.values(IROAMLY_ENDPOINTS);

/** Paths of the endpoints that only read. */
export const READ_PATHS: ReadonlySet<string> = new Set(endpoints.filter((e) => e.read).map((e) => e.path));

/** Paths served without credentials. */
export const PUBLIC_PATHS: ReadonlySet<string> = new Set(
  endpoints.filter((e) => e.public).map((e) => e.path),
);
