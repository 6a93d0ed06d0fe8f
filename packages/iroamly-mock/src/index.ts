/**
 * @module
 * @esim-sandbox/iroamly-mock: a stateful fake of the iRoamly reseller API on the shared emulator engine.
 */
export {
  type Catalog,
  type CatalogProduct,
  creditToMinor,
  findProduct,
  MINOR_UNITS_PER_CREDIT,
  minorToCredit,
  plansForRegion,
} from './catalog/catalog.js';
export { type GenerateCatalogOptions, generateCatalog } from './catalog/generate.js';
export {
  CATALOG_FILE_FORMAT,
  CATALOG_FILE_VERSION,
  type CatalogExport,
  type CatalogInput,
  type CatalogRegionInput,
  exportCatalog,
  type IroamlyCatalogFile,
  loadCatalog,
  parseCatalogFile,
  readCatalogFile,
  toCatalogFile,
} from './catalog/load.js';
export { type CatalogRegion, COUNTRIES, findRegion, REGIONAL_NAMES, slugify } from './catalog/regions.js';
export { IROAMLY_MOCK_DEFAULT_PORT, iroamlyCli, runIroamlyCli } from './cli.js';
export { createControlHandle, type IroamlyControl } from './control/handle.js';
export type { MessageWithQr } from './control/view.js';
export { createIroamlyMock, type IroamlyMock } from './mock/create.js';
export {
  accountParamsSchema,
  DEFAULT_BALANCE,
  DEMO_AUTH_KEY,
  DEMO_AUTH_SECRET,
  type IroamlyAccountParams,
  type IroamlyHttpOptions,
  type IroamlyMockOptions,
} from './mock/options.js';
export { IROAMLY_STATE_VERSION } from './mock/provider.js';
export type { IroamlyEmulator, IroamlyTenant } from './mock/runtime.js';
export { iroamlyHandlers } from './msw.js';
export {
  type IroamlyBehaviour,
  type IroamlyBehaviourOptions,
  type OperationContext,
  resolveBehaviour,
} from './operations/behaviour.js';
export {
  DEFAULT_FAILURE_REASON,
  type FailNextRedemptionInput,
  failNextRedemptionSchema,
  failNextRedemptions,
  setBalance,
  setBalanceSchema,
} from './operations/control.js';
export { type IroamlyMagicValue, iroamlyMagicValues } from './operations/magic.js';
export { purchase } from './operations/purchase.js';
export { findByQrToken, type QrCodeAnswer, queryCodes, queryQrCode } from './operations/query.js';
export {
  completeRedemption,
  REDEMPTION_TASK_KIND,
  type RedemptionTaskData,
  redemptionDelayMs,
  startRedemption,
} from './operations/redeem.js';
export { TRIGGER_KINDS as IROAMLY_TRIGGER_KINDS } from './operations/trigger.js';
export { expiryDate, isExpired } from './state/dates.js';
export { ORDER_ID_PATTERN, REDEEM_CODE_PATTERN, type Rng } from './state/ids.js';
export {
  qrImagePath,
  qrImageUrl,
  type RenderedCode,
  type RenderedMessage,
  renderOutboxMessage,
} from './state/outbox.js';
export type { IroamlyFailure, Result } from './state/result.js';
export { canTransition, REDEEM_TRANSITIONS } from './state/transitions.js';
export {
  type AccountState,
  createAccountState,
  type Order,
  type OrderLine,
  type OutboxMessage,
  type RedeemCodeRecord,
  type Redemption,
} from './state/types.js';
