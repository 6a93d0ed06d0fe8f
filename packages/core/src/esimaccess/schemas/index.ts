export * from './balance.js';
export {
  ESIM_ACCESS_CODE_PARAM,
  type EsimAccessEmptyObj,
  type EsimAccessEsimStatus,
  type EsimAccessPagerRequest,
  type EsimAccessPagerResponse,
  type EsimAccessSmdpStatus,
  esimAccessBytesSchema,
  esimAccessDateTimeSchema,
  esimAccessDurationUnitSchema,
  esimAccessEmptyObjSchema,
  esimAccessEsimStatusSchema,
  esimAccessEsimTranNoSchema,
  esimAccessIccidSchema,
  esimAccessMoneySchema,
  esimAccessPagerRequestSchema,
  esimAccessPagerResponseSchema,
  esimAccessSmdpStatusSchema,
  esimAccessTransactionIdSchema,
} from './common.js';
export * from './envelope.js';
export * from './locations.js';
export * from './orders.js';
export * from './packages.js';
export * from './profile-actions.js';
export * from './profiles.js';
export * from './topup.js';
export * from './usage.js';
export * from './webhook-config.js';
export * from './webhook-payloads.js';
