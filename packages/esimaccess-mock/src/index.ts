/**
 * @esim-sandbox/esimaccess-mock: a faithful, stateful fake of the eSIM Access partner API on the shared engine.
 * @module
 */
export {
  type AreaKind,
  type CatalogIndex,
  type EsimAccessCatalog,
  esimAccessCatalogSchema,
  indexCatalog,
  isDayPass,
  type PackageType,
  packageType,
  TOPUP_PREFIX,
} from './catalog/catalog.js';
export { COUNTRIES, type Country, REGIONS, type RegionDefinition } from './catalog/countries.js';
export { buildLocations, type GenerateCatalogOptions, generateCatalog } from './catalog/generate.js';
export {
  CATALOG_FILE_FORMAT,
  CATALOG_FILE_VERSION,
  type EsimAccessCatalogFile,
  loadCatalog,
  parseCatalogFile,
  readCatalogFile,
  toCatalogFile,
} from './catalog/load.js';
export { ESIMACCESS_MOCK_DEFAULT_PORT, runEsimAccessCli } from './cli.js';
export {
  createControlHandle,
  type EsimAccessAccountControl,
  type EsimAccessControl,
  EsimAccessControlError,
} from './control/handle.js';
export { TRIGGER_TYPES as ESIMACCESS_TRIGGER_TYPES } from './control/trigger.js';
export { createEsimAccessMock, type EsimAccessMock } from './mock/create.js';
export {
  DEFAULT_FIDELITY,
  ESIM_ACCESS_FIDELITY_PROFILES,
  ESIM_ACCESS_SIGNATURE_MODES,
  ESIM_ACCESS_TIMESTAMP_CLOCKS,
  type EsimAccessFidelity,
  type EsimAccessFidelityDefaults,
  type EsimAccessTimestampClock,
  FIDELITY_DEFAULTS,
} from './mock/fidelity.js';
export {
  DEFAULT_AUTH,
  DEFAULT_BALANCE,
  DEMO_ACCESS_CODE,
  DEMO_SECRET_KEY,
  type EsimAccessAccountParams,
  type EsimAccessAuthOptions,
  type EsimAccessEnvelopeOptions,
  type EsimAccessMockOptions,
  type EsimAccessSignatureMode,
} from './mock/options.js';
export { ESIM_ACCESS_STATE_VERSION } from './mock/provider.js';
export type { EsimAccessEmulator, EsimAccessTenant } from './mock/runtime.js';
export { esimAccessHandlers } from './msw.js';
export { DEFAULT_BEHAVIOUR, type EsimAccessBehaviour } from './ops/context.js';
export type { InstallOptions, InstallStep } from './ops/device.js';
export { USAGE_THRESHOLDS } from './ops/lifecycle.js';
export { esimAccessMagicValues, type MagicValue as EsimAccessMagicValue } from './ops/magic.js';
export { PROFILE_TRANSITIONS, type ProfileMove, type RevokedStatus } from './state/transitions.js';
export type {
  EsimAccessAccountState,
  LedgerEntry,
  OrderRecord,
  ProfilePackage,
  ProfileRecord,
  SmsRecord,
  TopUpRecord,
} from './state/types.js';
