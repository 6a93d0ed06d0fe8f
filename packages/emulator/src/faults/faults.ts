/**
 * @module
 * Per-tenant request fault rules. Rules are plain data in the tenant's state (listable, deletable, persisted);
 * coin flips use the tenant's seeded fault generator so a run replays.
 */
import { EmulatorError } from '../errors.js';
import type { Random } from '../random/random.js';
import { parseOrThrow } from '../validate.js';
import { globMatch } from './match.js';
import { type FaultAction, type FaultInput, faultInputSchema } from './schema.js';

export interface FaultRule {
  id: string;
  path: string;
  method?: string;
  /** Remaining count; absent = unlimited. */
  times?: number;
  probability?: number;
  action: FaultAction;
  /** How many requests this rule has fired on. */
  hits: number;
}

export interface FaultsHost {
  rules(): FaultRule[];
  random(): Random;
  nextSeq(): number;
  changed(): void;
  /** The provider's error codes; undefined when the provider declares no table (any code is then accepted). */
  errorCodes(): ReadonlySet<string> | undefined;
}

/** The outcome for one request: added latency (sum of latency rules) and at most one terminal action. */
export interface FaultDecision {
  latencyMs: number;
  latencyRuleId?: string;
  terminal?: { ruleId: string; action: Exclude<FaultAction, { type: 'latency' }> };
}

/**
 * @example
 * tenant.faults.add({ path: '/api/v1/open/esim/order', times: 1, action: { type: 'error', code: '900001' } });
 * tenant.faults.add({ path: '/api/**', probability: 0.2, action: { type: 'drop' } });
 */
export class Faults {
  readonly #host: FaultsHost;

  constructor(host: FaultsHost) {
    this.#host = host;
  }

  /** Adds a rule (validated; throws EmulatorError INVALID_ARGUMENT naming the field). */
  add(input: FaultInput): FaultRule {
    const parsed = parseOrThrow(faultInputSchema, input, 'fault');
    const { action } = parsed;
    const table = this.#host.errorCodes();
    if (action.type === 'error' && action.custom !== true && table && !table.has(action.code)) {
      throw new EmulatorError(
        'INVALID_ARGUMENT',
        `action.code: '${action.code}' is not in the provider's error table (set action.custom: true to send it anyway)`,
        { field: 'action.code' },
      );
    }
    const rule: FaultRule = { id: `fault_${this.#host.nextSeq()}`, ...stripUndefined(parsed), hits: 0 };
    this.#host.rules().push(rule);
    this.#host.changed();
    return structuredClone(rule);
  }

  list(): FaultRule[] {
    return structuredClone(this.#host.rules());
  }

  /** Removes one rule; throws UNKNOWN_FAULT when absent. */
  remove(id: string): void {
    const rules = this.#host.rules();
    const i = rules.findIndex((r) => r.id === id);
    if (i < 0) throw new EmulatorError('UNKNOWN_FAULT', `no fault rule '${id}'`, { field: 'id' });
    rules.splice(i, 1);
    this.#host.changed();
  }

  clear(): void {
    this.#host.rules().length = 0;
    this.#host.changed();
  }

  /** @internal evaluates and consumes the rules for one request. */
  decide(method: string, path: string): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0 };
    const rules = this.#host.rules();
    if (rules.length === 0) return decision;
    let fired = false;
    for (const rule of [...rules]) {
      if (rule.method !== undefined && rule.method !== method) continue;
      if (!globMatch(rule.path, path)) continue;
      if (rule.action.type !== 'latency' && decision.terminal) continue;
      if (rule.probability !== undefined && !this.#host.random().chance(rule.probability)) continue;
      fired = true;
      rule.hits++;
      if (rule.times !== undefined) {
        rule.times--;
        if (rule.times <= 0) rules.splice(rules.indexOf(rule), 1);
      }
      if (rule.action.type === 'latency') {
        decision.latencyMs += rule.action.ms;
        decision.latencyRuleId ??= rule.id;
      } else {
        decision.terminal = { ruleId: rule.id, action: rule.action };
      }
    }
    if (fired) this.#host.changed();
    return decision;
  }
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
