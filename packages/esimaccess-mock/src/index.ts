/**
 * @esim-sandbox/esimaccess-mock: a faithful, stateful fake of the eSIM Access partner API on the shared engine.
 * Every public name is listed here, grouped by concern; anything not listed is internal. Test helpers are in the
 * `./testing` entry, the msw handlers alone in `./msw`.
 * @module
 */

// Catalogues: classify a package, load and write the file `capture-catalog` records
export { type EsimAccessCatalog, isDayPass } from './catalog/catalog.js';
export { type EsimAccessCatalogFile, loadCatalog, toCatalogFile } from './catalog/load.js';
// Driving it: the per-account control handle and its error, the trigger types of the control API
export { type EsimAccessAccountControl, EsimAccessControlError } from './control/handle.js';
export { TRIGGER_TYPES as ESIMACCESS_TRIGGER_TYPES } from './control/trigger.js';
// The mock
export { createEsimAccessMock, type EsimAccessMock } from './mock/create.js';
// msw mode (also the `./msw` entry)
export { esimAccessHandlers } from './msw.js';
// The usage percentages that send DATA_USAGE webhooks
export { USAGE_THRESHOLDS } from './ops/lifecycle.js';
// The default account's credentials (not secrets: the playground prints them)
export { DEMO_ACCESS_CODE, DEMO_SECRET_KEY } from './runtime/options.js';
// The account state, as `control.account(id).state()` and the state file hold it
export type { EsimAccessAccountState, LedgerEntry, OrderRecord, ProfileRecord } from './state/types.js';
