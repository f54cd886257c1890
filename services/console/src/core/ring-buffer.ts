// A fixed number of the latest items, oldest dropped first; what the console keeps of its samples.
export interface RingBuffer<T> {
  push(item: T): void;
  /** Oldest first. */
  toArray(): T[];
  last(): T | undefined;
  readonly size: number;
}

export function createRingBuffer<T>(capacity: number): RingBuffer<T> {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`a ring buffer holds at least one item (got ${capacity})`);
  const items: T[] = new Array<T>(capacity);
  let next = 0;
  let size = 0;
  return {
    push(item) {
      items[next] = item;
      next = (next + 1) % capacity;
      size = Math.min(size + 1, capacity);
    },
    toArray() {
      const start = (next - size + capacity) % capacity;
      return Array.from({ length: size }, (_, index) => items[(start + index) % capacity] as T);
    },
    last() {
      return size === 0 ? undefined : items[(next - 1 + capacity) % capacity];
    },
    get size() {
      return size;
    },
  };
}
