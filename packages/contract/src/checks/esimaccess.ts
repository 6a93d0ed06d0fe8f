/**
 * The eSIM Access contract suite: the check table (in order: later checks use what earlier ones found), the
 * endpoints it guards, and core's schemas for every answer.
 * @module
 */
import type { Suite } from '../runner/run.js';
import type { EsimAccessCredentials } from '../targets/esimaccess.js';
import {
  createEsimAccessContext,
  ESIMACCESS_GUARDED_PATHS,
  type EsimAccessContext,
  validateEsimAccessResponse,
} from './esimaccess-context.js';
import { orderChecks, profileChecks } from './esimaccess-orders.js';
import { authChecks, catalogueChecks } from './esimaccess-reads.js';

export const esimAccessChecks = [...catalogueChecks, ...authChecks, ...orderChecks, ...profileChecks];

export const esimAccessSuite: Suite<EsimAccessCredentials, EsimAccessContext> = {
  provider: 'esimaccess',
  unit: '1/10,000 USD',
  checks: esimAccessChecks,
  spendingPaths: ESIMACCESS_GUARDED_PATHS,
  validateResponse: validateEsimAccessResponse,
  createContext: createEsimAccessContext,
};
