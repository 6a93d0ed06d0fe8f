/**
 * @module
 * @esim-sandbox/iroamly-mock: a stateful fake of the iRoamly reseller API on the shared emulator engine.
 */

// Catalogue
export { creditToMinor } from './catalog/catalog.js';
export {
  type CatalogExport,
  type CatalogRegionInput,
  type IroamlyCatalogFile,
  loadCatalog,
  toCatalogFile,
} from './catalog/load.js';
export { COUNTRIES, REGIONAL_NAMES, slugify } from './catalog/regions.js';
export { TRIGGER_KINDS as IROAMLY_TRIGGER_KINDS } from './control/trigger.js';

// The control handle's views and the trigger kinds
export type { MessageWithQr } from './control/view.js';
// The mock and its options
export { createIroamlyMock, type IroamlyMock } from './mock/create.js';
export { iroamlyHandlers } from './msw.js';
export { DEMO_AUTH_KEY, DEMO_AUTH_SECRET } from './runtime/options.js';
export type { IroamlyTenant } from './runtime/runtime.js';

// Account state, as snapshots and the outbox show it
export { qrImageUrl, type RenderedMessage } from './state/outbox.js';
export type { AccountState, Order, RedeemCodeRecord } from './state/types.js';
