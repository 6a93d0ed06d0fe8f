/**
 * Small builders for the domain tests: a world with one account's state, a seeded generator, a virtual "now" and the
 * effects every operation produced, plus a minimal task runner (the engine's scheduler is exercised by the HTTP
 * contract suite; here we only need "run what is due").
 */

import type { EsimAccessPackage, EsimAccessWebhookPayload } from '@esim-sandbox/core';
import { Random } from '@esim-sandbox/emulator';
import { type CatalogIndex, indexCatalog } from '../src/catalog/catalog.js';
import { generateCatalog } from '../src/catalog/generate.js';
import {
  DEFAULT_BEHAVIOUR,
  type EsimAccessBehaviour,
  emptyEffects,
  type OpContext,
  type OpResult,
  type TaskRequest,
} from '../src/ops/context.js';
import { runEsimAccessTask } from '../src/ops/tasks.js';
import { createAccountState, type EsimAccessAccountState } from '../src/state/types.js';

let cached: CatalogIndex | undefined;
export function testCatalog(): CatalogIndex {
  cached ??= indexCatalog(generateCatalog({ seed: 7 }));
  return cached;
}

/** A base package of the test catalogue matching `filter` (throws when none, so a test never runs on nothing). */
export function basePackage(filter: (pkg: EsimAccessPackage) => boolean = () => true): EsimAccessPackage {
  const pkg = testCatalog().catalog.packages.find(
    (p) => !p.packageCode.startsWith('TOPUP_') && p.dataType === 1 && filter(p),
  );
  if (!pkg) throw new Error('no base package in the test catalogue matches the filter');
  return pkg;
}

export const START = Date.UTC(2025, 5, 1, 12, 0, 0);

export interface World {
  state: EsimAccessAccountState;
  now: number;
  behaviour: EsimAccessBehaviour;
  webhooks: EsimAccessWebhookPayload[];
  tasks: TaskRequest[];
  run<T>(op: (ctx: OpContext) => OpResult<T>): OpResult<T>;
  /** Moves time forward and runs every task due by then, in time order (tasks may schedule more). */
  advance(ms: number): void;
  ok<T>(op: (ctx: OpContext) => OpResult<T>): T;
  types(): string[];
}

export function world(options: { balance?: number; behaviour?: Partial<EsimAccessBehaviour> } = {}): World {
  const rng = new Random('domain-test');
  const w: World = {
    state: createAccountState({ balance: options.balance ?? 100_000_000 }),
    now: START,
    behaviour: { ...DEFAULT_BEHAVIOUR, ...options.behaviour },
    webhooks: [],
    tasks: [],
    run(op) {
      const ctx = context(w, rng);
      const result = op(ctx);
      w.webhooks.push(...ctx.effects.webhooks);
      w.tasks.push(...ctx.effects.tasks);
      return result;
    },
    advance(ms) {
      const target = w.now + ms;
      for (;;) {
        w.tasks.sort((a, b) => a.at - b.at);
        const next = w.tasks[0];
        if (!next || next.at > target) break;
        w.tasks.shift();
        w.now = Math.max(w.now, next.at);
        w.run((ctx) => {
          runEsimAccessTask(ctx, next.kind, next.data);
          return { ok: true, obj: null };
        });
      }
      w.now = target;
    },
    ok(op) {
      const result = w.run(op);
      if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
      return result.obj;
    },
    types: () => w.webhooks.map((h) => h.notifyType),
  };
  return w;
}

function context(w: World, rng: Random): OpContext {
  return {
    state: w.state,
    catalog: testCatalog(),
    behaviour: w.behaviour,
    now: w.now,
    rng,
    links: {
      qrCodeUrl: (id) => `http://mock.test/qr/${id}.png`,
      shortUrl: (id) => `http://mock.test/qr/${id}`,
    },
    effects: emptyEffects(),
  };
}
