import fc from 'fast-check';
import { BinaryHeap } from './binary-heap';

const ascending = (a: number, b: number): boolean => a < b;

describe('BinaryHeap', () => {
  it('is empty to begin with', () => {
    const heap = new BinaryHeap<number>(ascending);
    expect(heap.size).toBe(0);
    expect(heap.peek()).toBeUndefined();
    expect(heap.pop()).toBeUndefined();
  });

  it('pops everything pushed in sorted order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), (values) => {
        const heap = new BinaryHeap<number>(ascending);
        for (const value of values) heap.push(value);
        const popped: number[] = [];
        while (heap.size > 0) popped.push(heap.pop()!);
        expect(popped).toEqual([...values].sort((a, b) => a - b));
      }),
    );
  });

  it('behaves like a sorted list under any interleaving of pushes and pops', () => {
    const operation = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.constant('pop' as const));
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 200 }), (operations) => {
        const heap = new BinaryHeap<number>(ascending);
        const model: number[] = [];
        for (const op of operations) {
          if (op === 'pop') {
            expect(heap.pop()).toBe(model.shift());
          } else {
            heap.push(op);
            model.push(op);
            model.sort((a, b) => a - b);
          }
          expect(heap.size).toBe(model.length);
          expect(heap.peek()).toBe(model[0]);
        }
      }),
    );
  });

  it('orders by the comparator it is given, ties included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ key: fc.integer({ min: 0, max: 5 }), id: fc.nat() })),
        (entries) => {
          const heap = new BinaryHeap<{ key: number; id: number }>((a, b) => a.key > b.key);
          for (const entry of entries) heap.push(entry);
          const keys: number[] = [];
          while (heap.size > 0) keys.push(heap.pop()!.key);
          expect(keys).toEqual(entries.map((e) => e.key).sort((a, b) => b - a));
        },
      ),
    );
  });
});
