import { describe, expect, test } from 'vitest';
import { cloneData } from '../src/tenants/clone.js';
import { createCounter } from './fixtures/counter-provider.js';

const nested = () => ({
  balance: 5,
  profiles: { '25060112000001': { iccid: '8985', packages: [{ code: 'P1', volume: 1e9 }], usage: [50, 80] } },
  list: [1, 'two', null, { three: [3] }],
  missing: undefined,
  at: -0,
});

describe('cloneData', () => {
  test('copies every object and array, so changing the copy leaves the original as it was', () => {
    const original = nested();
    const copy = cloneData(original);
    expect(copy).toEqual(original);
    copy.profiles['25060112000001']!.packages[0]!.volume = 1;
    copy.profiles['25060112000001']!.usage.push(90);
    (copy.list[3] as { three: number[] }).three.push(4);
    expect(original).toEqual(nested());
  });

  test('keeps keys in their order, undefined values and -0, as structuredClone does', () => {
    const original = nested();
    const copy = cloneData(original);
    expect(Object.keys(copy)).toEqual(Object.keys(original));
    expect('missing' in copy).toBe(true);
    expect(Object.is(copy.at, -0)).toBe(true);
    expect(copy).toStrictEqual(structuredClone(original));
  });

  test('hands values that are not plain data to structuredClone instead of flattening them', () => {
    const original = { when: new Date(0), seen: new Map([['a', 1]]), bytes: new Uint8Array([1, 2]) };
    const copy = cloneData(original);
    expect(copy.when).toBeInstanceOf(Date);
    expect(copy.when).not.toBe(original.when);
    expect(copy.when.getTime()).toBe(0);
    expect(copy.seen.get('a')).toBe(1);
    expect(copy.seen).not.toBe(original.seen);
    expect([...copy.bytes]).toEqual([1, 2]);
  });

  test('a "__proto__" key from parsed JSON stays an own key and never becomes the prototype', () => {
    const original = JSON.parse('{"__proto__": {"polluted": true}, "x": 1}') as Record<string, unknown>;
    const copy = cloneData(original);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.hasOwn(copy, '__proto__')).toBe(true);
    expect((copy as { polluted?: boolean }).polluted).toBeUndefined();
    expect(JSON.stringify(copy)).toBe(JSON.stringify(original));
  });

  test('copies nesting deeper than any tenant data, and a cycle, without overflowing the stack', () => {
    type Link = { next?: Link; n: number };
    const deep: Link = { n: 0 };
    let tail = deep;
    for (let n = 1; n <= 1_000; n++) tail = tail.next = { n };
    const copy = cloneData(deep);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(deep));
    expect(copy.next).not.toBe(deep.next);

    const cyclic: { self?: unknown; n: number } = { n: 1 };
    cyclic.self = cyclic;
    expect(() => cloneData(cyclic)).not.toThrow();
  });
});

describe('snapshot and restore copies', () => {
  test('a snapshot shares no object with the live account, in either direction', () => {
    const emu = createCounter();
    const t = emu.defaultAccount;
    t.scheduler.after('increment', 1_000, { by: 2 });
    const snapshot = t.snapshot();
    snapshot.state.count = 99;
    (snapshot.tasks[0]!.data as { by: number }).by = 99;
    expect(t.state.count).toBe(0);
    expect(t.scheduler.list()[0]!.data).toEqual({ by: 2 });

    t.restore(snapshot);
    snapshot.state.count = 7;
    (snapshot.tasks[0]!.data as { by: number }).by = 7;
    expect(t.state.count).toBe(99);
    expect(t.scheduler.list()[0]!.data).toEqual({ by: 99 });
  });

  test('liveData is the account itself, with the generator states a snapshot would record', () => {
    const emu = createCounter();
    const t = emu.defaultAccount;
    t.random.hex(8);
    expect(t.liveData().state).toBe(t.state);
    expect(t.liveData().random).toBe(t.snapshot().random);
    expect(t.liveData().random).toBe(t.random.state);
  });
});
