/** Slots a queue starts with, and returns to once it has drained (so one huge burst does not hold its memory for good). */
const INITIAL_SLOTS = 16;

/**
 * The scheduler's queue of callers waiting for a slot: first in, first out, and one can be put back at the front (woken
 * for a slot another decrease took back), each in constant time. A ring buffer that doubles when full: `Array.shift`
 * moves every element behind the head once an array is long (V8 trims short arrays in place, not ones past ~16,000
 * elements, which live in its large-object space): draining an array of 20,000 waiters took 0.6 s of CPU, 80,000 took
 * 7.8 s, 100,000 ~57 s in the scheduler's microbenchmark. Written here rather than taking `denque` (the well-kept
 * package for this): the four operations the scheduler needs are these fifty lines, not worth a dependency.
 */
export class WaitQueue<T> {
  private slots: (T | undefined)[] = Array.from({ length: INITIAL_SLOTS });
  private head = 0;
  private count = 0;

  get length(): number {
    return this.count;
  }

  /** Joins the back of the queue. */
  push(item: T): void {
    if (this.count === this.slots.length) this.grow();
    this.slots[this.slot(this.count)] = item;
    this.count += 1;
  }

  /** Goes back to the front of the queue. */
  unshift(item: T): void {
    if (this.count === this.slots.length) this.grow();
    this.head = this.slot(-1);
    this.slots[this.head] = item;
    this.count += 1;
  }

  /** Leaves from the front; undefined when nobody waits. */
  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.slots[this.head];
    // Not kept alive by the queue once it has left.
    this.slots[this.head] = undefined;
    this.head = this.slot(1);
    this.count -= 1;
    if (this.count === 0 && this.slots.length > INITIAL_SLOTS) {
      this.slots = Array.from({ length: INITIAL_SLOTS });
      this.head = 0;
    }
    return item;
  }

  /** The item `index` places from the front (0 is the next to leave); undefined past the back. */
  at(index: number): T | undefined {
    return index >= 0 && index < this.count ? this.slots[this.slot(index)] : undefined;
  }

  /** The index of the slot `offset` places from the head (the size is a power of two, so a mask wraps it). */
  private slot(offset: number): number {
    return (this.head + offset) & (this.slots.length - 1);
  }

  /** Doubles the ring, copying the queue to its start in order: amortised one move per item queued. */
  private grow(): void {
    const slots: (T | undefined)[] = Array.from({ length: this.slots.length * 2 });
    for (let i = 0; i < this.count; i += 1) slots[i] = this.slots[this.slot(i)];
    this.slots = slots;
    this.head = 0;
  }
}
