import { describe, expect, test } from 'vitest';
import { heapify, heapPop, heapPush, heapRemoveAt, isHeap } from '../src/clock/heap.js';
import { Random } from '../src/index.js';
import { createCounter, START } from './fixtures/counter-provider.js';

interface Item {
  at: number;
  seq: number;
}
const compare = (a: Item, b: Item) => a.at - b.at || a.seq - b.seq;

function drain(heap: Item[]): Item[] {
  const out: Item[] = [];
  for (let item = heapPop(heap, compare); item; item = heapPop(heap, compare)) out.push(item);
  return out;
}

function randomItems(seed: string, n: number): Item[] {
  const random = new Random(seed);
  // Few distinct times, so equal times (ordered by seq) are common.
  return Array.from({ length: n }, (_, seq) => ({ at: random.int(0, 20), seq }));
}

describe('task heap', () => {
  test.each([
    ['empty', 0],
    ['one item', 1],
    ['a few items', 7],
    ['many items with repeated times', 500],
  ])('pops %s in (time, sequence) order whatever order they were pushed in', (_name, n) => {
    const items = randomItems(`push-${n}`, n);
    const heap: Item[] = [];
    for (const item of items) heapPush(heap, item, compare);
    expect(isHeap(heap, compare)).toBe(true);
    expect(drain(heap)).toEqual([...items].sort(compare));
  });

  test('heapify orders an array of any order, and a sorted array is already a heap', () => {
    const items = randomItems('heapify', 300);
    const sorted = [...items].sort(compare);
    expect(isHeap(sorted, compare)).toBe(true);
    const shuffled = [...items];
    heapify(shuffled, compare);
    expect(isHeap(shuffled, compare)).toBe(true);
    expect(drain(shuffled)).toEqual(sorted);
  });

  test('removing any item keeps the rest in order', () => {
    const items = randomItems('remove', 200);
    for (const index of [0, 1, 57, 198, 199]) {
      const heap: Item[] = [];
      for (const item of items) heapPush(heap, item, compare);
      const removed = heap[index]!;
      heapRemoveAt(heap, index, compare);
      expect(isHeap(heap, compare)).toBe(true);
      expect(drain(heap)).toEqual(items.filter((i) => i !== removed).sort(compare));
    }
  });
});

describe('scheduler with restored tasks in any order', () => {
  test('a snapshot whose tasks are out of order still fires them in time order', async () => {
    const emu = createCounter();
    const t = emu.defaultAccount;
    t.state.label = '';
    const snapshot = t.snapshot();
    snapshot.tasks = [3, 1, 2].map((n) => ({
      id: `task_${n}`,
      at: START + n * 1_000,
      kind: 'increment',
      data: { by: n },
      seq: n,
    }));
    t.restore(snapshot);
    expect(t.scheduler.list().map((x) => x.data)).toEqual([{ by: 1 }, { by: 2 }, { by: 3 }]);
    await t.advance(5_000);
    expect(t.state.label).toBe(`|1@${START + 1000}|2@${START + 2000}|3@${START + 3000}`);
    await emu.close();
  });
});
