import { describe, expect, it } from 'vitest';
import { MinHeap } from '#infra/local/min-heap.ts';

const drain = <T>(heap: MinHeap<T>): T[] => {
  const items: T[] = [];
  for (let item = heap.pop(); item !== undefined; item = heap.pop()) items.push(item);
  return items;
};

describe('MinHeap', () => {
  it('gives nothing when empty', () => {
    const heap = new MinHeap<number>((a, b) => a < b);

    expect(heap.peek()).toBeUndefined();
    expect(heap.pop()).toBeUndefined();
    expect(heap.size).toBe(0);
  });

  it('hands items out earliest first, whatever order they went in', () => {
    const heap = new MinHeap<number>((a, b) => a < b);
    // A fixed shuffle of 0..99 with repeats, so the test reads the same every run.
    const items = Array.from({ length: 200 }, (_, index) => (index * 37) % 100);
    for (const item of items) heap.push(item);

    expect(heap.size).toBe(200);
    expect(heap.peek()).toBe(0);
    expect(drain(heap)).toEqual([...items].sort((a, b) => a - b));
  });

  it('breaks ties as its comparison says: equal due times by the order written', () => {
    const heap = new MinHeap<{ at: number; order: number }>(
      (a, b) => a.at < b.at || (a.at === b.at && a.order < b.order),
    );
    for (const [order, at] of [3, 1, 3, 2, 1, 3].entries()) heap.push({ at, order });

    expect(drain(heap).map(({ at, order }) => `${at}/${order}`)).toEqual([
      '1/1',
      '1/4',
      '2/3',
      '3/0',
      '3/2',
      '3/5',
    ]);
  });

  it('keeps its order when pushes and pops interleave', () => {
    const heap = new MinHeap<number>((a, b) => a < b);
    const out: number[] = [];
    for (const item of [5, 9, 1]) heap.push(item);
    out.push(heap.pop() ?? -1);
    for (const item of [0, 7, 3]) heap.push(item);
    out.push(heap.pop() ?? -1, heap.pop() ?? -1);
    heap.push(4);

    expect([...out, ...drain(heap)]).toEqual([1, 0, 3, 4, 5, 7, 9]);
  });
});
