/**
 * @module
 * The per-account runtime: what every tenant gets from the engine (fresh data, task dispatch, webhook settings,
 * state checks), built from the provider definition and the options that concern accounts.
 */
import type { ChaosRuntime } from '../chaos/chaos.js';
import type { ResolvedChaos } from '../chaos/profile.js';
import { type ChaosData, freshChaosData } from '../chaos/state.js';
import { type ClockMode, initialClockData } from '../clock/clock.js';
import type { Task } from '../clock/scheduler.js';
import { EmulatorError } from '../errors.js';
import { DEFAULT_JOURNAL_BODY_CHARS, DEFAULT_JOURNAL_TOTAL_CHARS } from '../journal/journal.js';
import { Random } from '../random/random.js';
import type { RateLimitConfig } from '../ratelimit/limiter.js';
import { TENANT_DATA_VERSION, type TenantData } from '../tenants/data.js';
import type { TenantRuntime } from '../tenants/tenant.js';
import type { EmulatorOptions, Logger, ProviderDefinition } from '../types/provider.js';
import { describeIssue } from '../validate.js';
import { webhookConcurrency } from '../webhooks/pool.js';

export const DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS = [10_000, 30_000, 120_000, 600_000, 3_600_000] as const;

/** The options that shape accounts, resolved. */
export interface AccountSettings {
  seed: string;
  clockMode: ClockMode;
  startTime: number | undefined;
  rateLimit: RateLimitConfig | null;
  realNow(): number;
  logger: Logger;
  /** The `chaos` option, applied to every account. */
  chaos: ResolvedChaos | null;
  chaosRuntime: ChaosRuntime;
  /** The chaos account key of a new account ('default', else '#<n>'). */
  chaosAccount(isDefault: boolean): string;
}

export function accountRuntime<S, P>(
  provider: ProviderDefinition<S, P>,
  settings: AccountSettings,
  options: Pick<
    EmulatorOptions<P>,
    | 'journalSize'
    | 'journalBodyChars'
    | 'journalTotalChars'
    | 'webhookRetryScheduleMs'
    | 'webhookTimeoutMs'
    | 'webhookLogSize'
    | 'webhookConcurrency'
    | 'fetch'
  >,
  /** Told of every persistent change of any account. */
  changed: () => void,
): TenantRuntime<S, P> {
  const { seed, logger } = settings;
  return {
    realNow: settings.realNow,
    journal: {
      size: options.journalSize ?? 500,
      bodyChars: options.journalBodyChars ?? DEFAULT_JOURNAL_BODY_CHARS,
      totalChars: options.journalTotalChars ?? DEFAULT_JOURNAL_TOTAL_CHARS,
    },
    webhookOptions: {
      retryScheduleMs: options.webhookRetryScheduleMs ??
        provider.defaults?.webhookRetryScheduleMs ?? [...DEFAULT_WEBHOOK_RETRY_SCHEDULE_MS],
      timeoutMs: options.webhookTimeoutMs ?? provider.defaults?.webhookTimeoutMs ?? 10_000,
      logSize: options.webhookLogSize ?? 1000,
      concurrency: webhookConcurrency(options.webhookConcurrency),
    },
    fetch: () => options.fetch,
    fresh: ({ id, key, secret, params, isDefault, chaos }) => {
      const random = new Random(`${seed}:${id}`);
      const clock = initialClockData(settings.clockMode, settings.startTime, settings.realNow());
      const state = provider.initialState({ id, key, isDefault, params, random, now: clock.nowMs });
      const data: TenantData<S, P> = {
        version: TENANT_DATA_VERSION,
        id,
        key,
        secret,
        params,
        state,
        clock,
        tasks: [],
        seq: 0,
        random: random.state,
        faultRandom: new Random(`${seed}:${id}:faults`).state,
        faults: [],
        rateLimit: settings.rateLimit ? { ...settings.rateLimit } : null,
        webhooks: { url: null, faults: {}, deliveries: [] },
        chaos: chaos ?? freshChaosData(settings.chaosAccount(isDefault), settings.chaos),
      };
      return data;
    },
    runTask: async (tenant, task: Task) => {
      try {
        const engineRun = tenant.runEngineTask(task);
        if (engineRun) return await engineRun;
        const handler = provider.tasks?.[task.kind];
        if (!handler) logger.error(`no handler for task kind '${task.kind}' (task ${task.id} dropped)`);
        else await handler(task, tenant);
      } catch (err) {
        logger.error(
          `task ${task.kind} (${task.id}) of account ${tenant.id} failed: ${(err as Error).message}`,
        );
      }
    },
    webhookHeaders: (tenant, body, delivery) => provider.webhookHeaders?.(body, tenant, delivery) ?? {},
    changed,
    errorCodes: provider.errorCodes ? new Set(provider.errorCodes) : undefined,
    checkState: (state) => {
      const checked = provider.stateSchema?.safeParse(state);
      if (checked && !checked.success) {
        const { field, message } = describeIssue(checked.error, 'state');
        throw new EmulatorError('INVALID_ARGUMENT', `${field}: ${message}`, { field });
      }
    },
    revive: (data) => (provider.reviveState ? { ...data, state: provider.reviveState(data.state) } : data),
    chaos: settings.chaosRuntime,
    chaosFor: (current, isDefault) => adoptChaosOption(current, settings, isDefault),
  };
}

/**
 * A loaded account keeps its chaos (a restart goes on from the same seq) unless the emulator's option asks for
 * another setting: then the option's, from seq 1.
 */
function adoptChaosOption(
  current: ChaosData | undefined,
  settings: AccountSettings,
  isDefault: boolean,
): ChaosData {
  const data = current ?? freshChaosData(settings.chaosAccount(isDefault), null);
  const wanted = settings.chaos;
  if (wanted && JSON.stringify(wanted) !== JSON.stringify(data.setting)) {
    return freshChaosData(data.account, wanted);
  }
  return data;
}
