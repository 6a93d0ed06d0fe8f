/**
 * The provider kit: runOp hands an operation's effects to the engine (webhooks delivered, tasks scheduled, the
 * account marked changed when asked), control answers take their status from the one status table, and in-process
 * handles throw what routes answer.
 */
import { describe, expect, test } from 'vitest';
import {
  accountControl,
  CONTROL_ERROR_STATUS,
  type OpContext,
  ok,
  refuse,
  runOp,
  unwrap,
} from '../src/index.js';
import { type CounterState, createCounter, headers } from './fixtures/counter-provider.js';

type Ctx = OpContext<CounterState, { n: number }, { kind: 'increment'; at: number; data: { by: number } }>;

function contextOf(emu: ReturnType<typeof createCounter>): Ctx {
  const t = emu.defaultAccount;
  return { state: t.state, now: t.clock.now(), rng: t.random, effects: { webhooks: [], tasks: [] } };
}

const bump = (ctx: Ctx) => {
  if (ctx.state.count > 5) return refuse({ code: 'TOO_MANY', message: 'count over 5' });
  ctx.state.count += 1;
  ctx.effects.webhooks.push({ n: ctx.state.count });
  ctx.effects.tasks.push({ kind: 'increment', at: ctx.now + 1_000, data: { by: 10 } });
  return ok(ctx.state.count);
};

const hook = (p: { n: number }) => ({ type: 'BUMP', payload: p });

describe('runOp', () => {
  test('sends the webhooks and schedules the tasks an operation collected', async () => {
    const emu = createCounter();
    const t = emu.defaultAccount;
    t.webhooks.setUrl('http://receiver.test/hook');
    const result = runOp(t, contextOf(emu), bump, { webhook: hook });
    expect(result).toEqual({ ok: true, obj: 1 });
    expect(t.webhooks.deliveries().map((d) => [d.type, d.payload])).toEqual([['BUMP', { n: 1 }]]);
    expect(t.scheduler.list().filter((task) => task.kind === 'increment')).toMatchObject([
      { at: t.clock.now() + 1_000, data: { by: 10 } },
    ]);
    await t.advance(1_000);
    expect(t.state.count).toBe(11);
  });

  test.each([
    [true, 'a success', 10, 1],
    [false, 'a success', 10, 0],
    [true, 'a refusal', -1, 0],
  ])('with persist %s, %s marks the account changed %i time(s)', (persist, _what, to, times) => {
    const emu = createCounter();
    const t = emu.defaultAccount;
    let changes = 0;
    const original = t.markChanged.bind(t);
    t.markChanged = () => {
      changes++;
      original();
    };
    // No effects, so only runOp itself can mark the change.
    const set = (ctx: Ctx) => {
      if (to < 0) return refuse({ code: 'NEGATIVE', message: 'below zero' });
      ctx.state.count = to;
      return ok(to);
    };
    runOp(t, contextOf(emu), set, { webhook: hook, persist });
    expect(changes).toBe(times);
  });
});

describe('control helpers', () => {
  test("a provider refusal on a control route answers its kind's status from the one table", async () => {
    const emu = createCounter();
    const res = await emu.request('/_sandbox/accounts/default/labels/7');
    expect(res.status).toBe(CONTROL_ERROR_STATUS.not_found);
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'no label 7' } });
  });

  test('unwrap gives a copy of the value or throws what the provider makes of the refusal', () => {
    const value = { list: [1] };
    const copy = unwrap(ok(value), () => new Error('unused'));
    expect(copy).toEqual(value);
    expect(copy).not.toBe(value);
    expect(() => unwrap(refuse({ code: 'X' }), (e) => new Error(`refused ${e.code}`))).toThrow('refused X');
  });

  test('accountControl reads a copy of the state and moves the clock', async () => {
    const emu = createCounter();
    const control = accountControl(emu.defaultAccount);
    await emu.request('/api/count/increment', {
      method: 'POST',
      headers: headers(emu.defaultAccount),
      body: '{}',
    });
    const state = control.state();
    state.count = 100;
    expect(control.state().count).toBe(1);
    emu.defaultAccount.scheduler.after('increment', 500, { by: 2 });
    await control.advance(500);
    expect(control.state().count).toBe(3);
  });
});
