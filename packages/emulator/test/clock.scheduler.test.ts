import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Emulator } from '../src/index.js';
import { type CounterState, createCounter, START } from './fixtures/counter-provider.js';

let emu: Emulator<CounterState, { start?: number }> | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

describe('manual clock', () => {
  test('time stands still and nothing fires until the clock is advanced', async () => {
    emu = createCounter();
    const t = emu.defaultAccount;
    t.scheduler.after('increment', 0, { by: 1 });
    t.scheduler.after('increment', 1_000, { by: 10 });
    await new Promise((r) => setTimeout(r, 30));
    expect(t.clock.now()).toBe(START);
    expect(t.state.count).toBe(0);
    expect(t.scheduler.list()).toHaveLength(2);
  });

  test('advance fires every due task in time order, setting now to each task time while it runs', async () => {
    emu = createCounter();
    const t = emu.defaultAccount;
    t.state.label = '';
    t.scheduler.after('increment', 3_000, { by: 3 });
    t.scheduler.after('increment', 1_000, { by: 1 });
    t.scheduler.after('increment', 2_000, { by: 2 });
    t.scheduler.after('increment', 9_000, { by: 9 });
    await t.advance(5_000);
    expect(t.state.label).toBe(`|1@${START + 1000}|2@${START + 2000}|3@${START + 3000}`);
    expect(t.clock.now()).toBe(START + 5_000);
    expect(t.scheduler.list().map((x) => x.data)).toEqual([{ by: 9 }]);
  });

  test('tasks scheduled by a task inside the window fire in the same advance, in order', async () => {
    emu = createCounter();
    const t = emu.defaultAccount;
    t.state.label = '';
    t.scheduler.after('increment', 1_000, { by: 1, next: { delayMs: 500, by: 2 } });
    t.scheduler.after('increment', 2_000, { by: 4, next: { delayMs: 5_000, by: 8 } });
    await t.advance(3_000);
    expect(t.state.label).toBe(`|1@${START + 1000}|2@${START + 1500}|4@${START + 2000}`);
    expect(t.scheduler.list().map((x) => x.at)).toEqual([START + 7_000]);
  });

  test('tasks due at the same time run in the order they were scheduled', async () => {
    emu = createCounter();
    const t = emu.defaultAccount;
    t.state.label = '';
    for (const by of [5, 3, 7]) t.scheduler.after('increment', 100, { by });
    await t.advance(100);
    expect(t.state.label).toBe(`|5@${START + 100}|3@${START + 100}|7@${START + 100}`);
  });

  test('advanceTo accepts an ISO time and a cancelled task never fires', async () => {
    emu = createCounter();
    const t = emu.defaultAccount;
    const task = t.scheduler.after('increment', 60_000, { by: 1 });
    expect(t.scheduler.cancel(task.id)).toBe(true);
    await t.advanceTo(new Date(START + 3_600_000).toISOString());
    expect(t.state.count).toBe(0);
    expect(t.clock.date().toISOString()).toBe('2026-01-01T01:00:00.000Z');
  });

  test('advance resolves only after async task handlers have finished', async () => {
    emu = createCounter();
    const t = emu.defaultAccount;
    t.scheduler.after('slow', 10, { ms: 30, by: 100 });
    t.scheduler.after('increment', 20, { by: 1 });
    await t.advance(20);
    expect(t.state.count).toBe(101);
    expect(t.state.label.endsWith(`|1@${START + 20}`)).toBe(true);
  });

  test('a task handler that throws is skipped and later tasks still fire', async () => {
    const errors: string[] = [];
    emu = createCounter({ logger: { error: (m) => errors.push(m) } });
    const t = emu.defaultAccount;
    t.scheduler.after('no-such-kind', 10, {});
    t.scheduler.after('increment', 20, { by: 2 });
    await t.advance(20);
    expect(t.state.count).toBe(2);
    expect(errors.join('\n')).toContain("no handler for task kind 'no-such-kind'");
  });

  test('advance rejects a negative duration', () => {
    emu = createCounter();
    expect(() => emu!.defaultAccount.advance(-1)).toThrow(RangeError);
  });
});

describe('real clock', () => {
  test('now follows real time from the start time and due tasks fire by themselves', async () => {
    emu = createCounter({ clock: 'real' });
    const t = emu.defaultAccount;
    expect(t.clock.now()).toBeGreaterThanOrEqual(START);
    t.scheduler.after('increment', 20, { by: 5 });
    await vi.waitFor(() => expect(t.state.count).toBe(5), { timeout: 5_000, interval: 10 });
  });

  test('advance in real mode moves the offset and fires tasks inside the window', async () => {
    emu = createCounter({ clock: 'real' });
    const t = emu.defaultAccount;
    const before = t.clock.now();
    t.scheduler.after('increment', 3_600_000, { by: 1 });
    await t.advance(3_600_000);
    expect(t.state.count).toBe(1);
    expect(t.clock.now()).toBeGreaterThanOrEqual(before + 3_600_000);
  });

  test('switching a manual account to real fires its overdue tasks by themselves', async () => {
    emu = createCounter();
    const t = emu.defaultAccount;
    t.scheduler.after('increment', 0, { by: 3 });
    t.clock.setMode('real');
    await vi.waitFor(() => expect(t.state.count).toBe(3), { timeout: 5_000, interval: 10 });
  });

  test('switching to manual freezes time at the current moment', async () => {
    emu = createCounter({ clock: 'real' });
    const t = emu.defaultAccount;
    t.clock.setMode('manual');
    const frozen = t.clock.now();
    await new Promise((r) => setTimeout(r, 15));
    expect(t.clock.now()).toBe(frozen);
  });
});
