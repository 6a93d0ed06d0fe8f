/**
 * @module
 * One account's chaos: the handle (`tenant.chaos.set/get/clear`) and the decisions the pipeline, the webhooks and
 * the provider's streams ask for. Every decision is `chaosUnit(seed, account, stream, seq, rule) < rate`, with
 * `seq` the stream's next sequence number: nothing else is read, so the same seed and calls give the same faults.
 */
import { parseOrThrow } from '../validate.js';
import { type ChaosProfile, type ChaosSetting, chaosSettingSchema, resolveChaos } from './profile.js';
import type { ChaosData, ChaosDeliveryMark, ChaosMark, ChaosReportLine } from './state.js';
import { chaosSpan, chaosUnit } from './unit.js';

/** What chaos needs from the engine: the provider's codes and where report lines go. */
export interface ChaosRuntime {
  codes: { busy?: string | undefined; serverError?: string | undefined };
  report: ((line: Omit<ChaosReportLine, 'provider'>) => void) | undefined;
}

interface ChaosHost extends ChaosRuntime {
  data(): ChaosData;
  changed(): void;
}

export type ApiRule = 'drop' | 'timeoutAfterWrite' | 'rateLimitBurst' | 'busy' | 'serverError' | 'latency';

/** What chaos does to one provider request. */
export interface ApiChaos {
  rule: ApiRule;
  mark: ChaosMark;
  /** busy / serverError: the provider's code to answer with. */
  code?: string;
  /** serverError: a load balancer's status instead of the provider's code. */
  status?: number;
  /** latency: REAL ms to sleep before handling. */
  latencyMs?: number;
}

/** What chaos does to one webhook event. */
export interface WebhookChaos {
  mark: ChaosDeliveryMark;
  drop: boolean;
  duplicate: boolean;
  reorder: boolean;
  lateAfterPoll: boolean;
  /** Virtual ms added before the first attempt. */
  delayMs: number;
}

const LOAD_BALANCER_STATUSES = [502, 503, 504] as const;

/** The view of `get()` and of the control API's GET. */
export interface ChaosView {
  profile: ChaosProfile;
  seed: string;
  injected: number;
}

export class Chaos {
  readonly #host: ChaosHost;

  constructor(host: ChaosHost) {
    this.#host = host;
  }

  /** Turns chaos on (validated; a bad field is named) with fresh sequence numbers, so a seed replays from here. */
  set(setting: Omit<ChaosSetting, 'report'>): ChaosView {
    const parsed = parseOrThrow(chaosSettingSchema, setting, 'chaos');
    const data = this.#host.data();
    data.setting = resolveChaos(parsed);
    data.seqs = {};
    data.injected = 0;
    this.#host.changed();
    return this.get() as ChaosView;
  }

  /** The account's part of every decision: 'default' or '#<n>'. */
  get account(): string {
    return this.#host.data().account;
  }

  get(): ChaosView | null {
    const { setting, injected } = this.#host.data();
    return setting && { profile: structuredClone(setting.profile), seed: setting.seed, injected };
  }

  clear(): void {
    const data = this.#host.data();
    data.setting = null;
    data.seqs = {};
    data.injected = 0;
    this.#host.changed();
  }

  /**
   * @internal the next `api` seq of an authenticated request and what chaos does to it; `ended` when a manual fault
   * rule already answered it (the seq is still used, so manual rules never shift the chaos sequence).
   */
  request(method: string, path: string, write: boolean, ended: boolean): ApiChaos | undefined {
    const setting = this.#host.data().setting;
    if (!setting) return undefined;
    const seq = this.#next('api');
    if (ended) return undefined;
    const api = setting.profile.api ?? {};
    const { unit, hit } = this.#draw('api', seq);
    let decided: Omit<ApiChaos, 'mark'> | undefined;
    let detail = '';
    if (hit(api.drop, 'drop')) {
      decided = { rule: 'drop' };
      detail = 'connection dropped';
    } else if (write && hit(api.timeoutAfterWrite, 'timeoutAfterWrite')) {
      decided = { rule: 'timeoutAfterWrite' };
      detail = 'written, then the connection dropped';
    } else if (api.rateLimitBurst && this.#inBurst(seq, api.rateLimitBurst)) {
      decided = { rule: 'rateLimitBurst' };
      detail = `throttled (bursts of ${api.rateLimitBurst.length})`;
    } else if (hit(api.busy, 'busy')) {
      decided = { rule: 'busy', ...(this.#host.codes.busy ? { code: this.#host.codes.busy } : {}) };
      detail = this.#host.codes.busy ?? 'server error';
    } else if (hit(api.serverError, 'serverError')) {
      const code = this.#host.codes.serverError;
      const choices: (string | number)[] = [...(code ? [code] : []), ...LOAD_BALANCER_STATUSES];
      const choice = choices[Math.floor(unit('serverError.kind') * choices.length)] ?? 503;
      decided = {
        rule: 'serverError',
        ...(typeof choice === 'number' ? { status: choice } : { code: choice }),
      };
      detail = String(choice);
    } else if (api.latency && hit(api.latency.rate, 'latency')) {
      const latencyMs = chaosSpan(unit, 'latency', api.latency);
      decided = { rule: 'latency', latencyMs };
      detail = `+${latencyMs} ms`;
    }
    if (!decided) return undefined;
    this.#record({ stream: 'api', seq, rule: decided.rule, method, path, detail });
    return {
      ...decided,
      mark: { seed: setting.seed, profile: setting.profile.name, rule: decided.rule, seq },
    };
  }

  /** @internal the next `webhook` seq of an emitted event and what chaos does to it. */
  webhook(type: string): WebhookChaos | undefined {
    const setting = this.#host.data().setting;
    if (!setting) return undefined;
    const seq = this.#next('webhook');
    const w = setting.profile.webhooks ?? {};
    const { unit, hit } = this.#draw('webhook', seq);
    const drop = hit(w.drop, 'drop');
    const lateAfterPoll = !drop && hit(w.lateAfterPoll, 'lateAfterPoll');
    const reorder = !drop && !lateAfterPoll && hit(w.reorder, 'reorder');
    const delayMs = !drop && w.delay && hit(w.delay.rate, 'delay') ? chaosSpan(unit, 'delay', w.delay) : 0;
    const duplicate = !drop && hit(w.duplicate, 'duplicate');
    const fired: [string, boolean][] = [
      ['drop', drop],
      ['lateAfterPoll', lateAfterPoll],
      ['reorder', reorder],
      ['delay', delayMs > 0],
      ['duplicate', duplicate],
    ];
    const rules = fired.filter(([, on]) => on).map(([rule]) => rule);
    if (rules.length === 0) return undefined;
    for (const rule of rules) {
      const detail = rule === 'delay' ? `${type} +${delayMs} ms` : type;
      this.#record({ stream: 'webhook', seq, rule, detail });
    }
    const mark = { seed: setting.seed, profile: setting.profile.name, rules, seq };
    return { mark, drop, duplicate, reorder, lateAfterPoll, delayMs };
  }

  /**
   * A provider stream's duration, slowed down when the profile's rule for it fires: `baseMs` plus a drawn extra
   * (virtual ms). Each call is the stream's next seq.
   * @example
   * const dueAt = ctx.now + tenant.chaos.delay('allocation', 2_000);
   */
  delay(stream: 'allocation', baseMs: number): number {
    const setting = this.#host.data().setting;
    if (!setting) return baseMs;
    const seq = this.#next(stream);
    const w = setting.profile.streams?.[stream];
    const { unit, hit } = this.#draw(stream, seq);
    if (!w || !hit(w.rate, 'slow')) return baseMs;
    const extra = chaosSpan(unit, 'slow', w);
    this.#record({ stream, seq, rule: 'slow', detail: `+${extra} ms` });
    return baseMs + extra;
  }

  /** Pure too: a burst covers its seq and the `length - 1` after it, so no window has to be remembered. */
  #inBurst(seq: number, burst: { rate: number; length: number }): boolean {
    for (let start = Math.max(1, seq - burst.length + 1); start <= seq; start++) {
      if (this.#draw('api', start).hit(burst.rate, 'rateLimitBurst')) return true;
    }
    return false;
  }

  /** The draws of one seq of a stream: `unit(rule)` in [0, 1), and whether a rule at `rate` fires. */
  #draw(
    stream: string,
    seq: number,
  ): { unit(rule: string): number; hit(rate: number | undefined, rule: string): boolean } {
    const { setting, account } = this.#host.data();
    const seed = setting?.seed ?? '';
    const unit = (rule: string) => chaosUnit(seed, account, stream, seq, rule);
    return { unit, hit: (rate, rule) => rate !== undefined && unit(rule) < rate };
  }

  #next(stream: string): number {
    const data = this.#host.data();
    const seq = (Object.hasOwn(data.seqs, stream) ? (data.seqs[stream] ?? 0) : 0) + 1;
    data.seqs[stream] = seq;
    this.#host.changed();
    return seq;
  }

  #record(line: Pick<ChaosReportLine, 'stream' | 'seq' | 'rule' | 'method' | 'path' | 'detail'>): void {
    const data = this.#host.data();
    data.injected++;
    const { setting, account } = data;
    if (!setting || !this.#host.report) return;
    const { stream, seq, rule, method, path, detail } = line;
    this.#host.report({
      seed: setting.seed,
      profile: setting.profile.name,
      account,
      stream,
      seq,
      rule,
      ...(method === undefined ? {} : { method, path: path ?? '' }),
      detail,
    });
  }
}
