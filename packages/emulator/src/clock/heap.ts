/**
 * @module
 * A binary min-heap over a plain array, ordered by a comparator. The scheduler keeps its pending tasks in one, in the
 * tenant's plain data: adding and taking the earliest task cost O(log n), where a sorted array cost O(n) per task
 * (a sort, a splice or a shift), which made allocating or notifying 10,000 profiles quadratic. A sorted array is
 * already a valid heap, so state saved in the old order loads as is.
 */

export type Compare<T> = (a: T, b: T) => number;

export function heapPush<T>(heap: T[], item: T, compare: Compare<T>): void {
  heap.push(item);
  siftUp(heap, heap.length - 1, compare);
}

/** Removes and returns the smallest item. */
export function heapPop<T>(heap: T[], compare: Compare<T>): T | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length > 0 && last !== undefined) {
    heap[0] = last;
    siftDown(heap, 0, compare);
  }
  return top;
}

/** Removes the item at `index` (as found by a scan). */
export function heapRemoveAt<T>(heap: T[], index: number, compare: Compare<T>): void {
  const last = heap.pop();
  if (index >= heap.length || last === undefined) return;
  heap[index] = last;
  siftDown(heap, index, compare);
  siftUp(heap, index, compare);
}

/** Restores the heap order of an array of unknown order in O(n). */
export function heapify<T>(heap: T[], compare: Compare<T>): void {
  for (let i = (heap.length >>> 1) - 1; i >= 0; i--) siftDown(heap, i, compare);
}

export function isHeap<T>(heap: readonly T[], compare: Compare<T>): boolean {
  for (let i = 1; i < heap.length; i++) if (compare(heap[(i - 1) >>> 1]!, heap[i]!) > 0) return false;
  return true;
}

function siftUp<T>(heap: T[], index: number, compare: Compare<T>): void {
  const item = heap[index]!;
  let i = index;
  while (i > 0) {
    const parent = (i - 1) >>> 1;
    if (compare(heap[parent]!, item) <= 0) break;
    heap[i] = heap[parent]!;
    i = parent;
  }
  heap[i] = item;
}

function siftDown<T>(heap: T[], index: number, compare: Compare<T>): void {
  const n = heap.length;
  const item = heap[index]!;
  let i = index;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= n) break;
    const right = left + 1;
    const child = right < n && compare(heap[right]!, heap[left]!) < 0 ? right : left;
    if (compare(heap[child]!, item) >= 0) break;
    heap[i] = heap[child]!;
    i = child;
  }
  heap[i] = item;
}
