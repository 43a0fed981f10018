import { describe, expect, it } from "vitest";
import { WaitQueue } from "../../src/core/client/http/waitQueue";

describe("the scheduler's wait queue", () => {
  it("lets callers out in the order they joined, with those put back at the front first", () => {
    const queue = new WaitQueue<string>();
    for (const caller of ["a", "b", "c"]) queue.push(caller);
    expect(queue.shift()).toBe("a");
    queue.unshift("a");
    queue.push("d");
    expect([queue.shift(), queue.shift(), queue.shift(), queue.shift()]).toEqual(["a", "b", "c", "d"]);
    expect(queue.length).toBe(0);
    expect(queue.shift()).toBeUndefined();
  });

  it("shows who is at each place in line, front first, through wrap-around, and nobody past the back", () => {
    const queue = new WaitQueue<string>();
    for (let i = 0; i < 14; i += 1) queue.push(`early${i}`);
    for (let i = 0; i < 14; i += 1) queue.shift();
    // The ring's head is now near its end: the line wraps around its start.
    for (const caller of ["a", "b", "c", "d"]) queue.push(caller);
    queue.unshift("z");
    expect([0, 1, 2, 3, 4].map((place) => queue.at(place))).toEqual(["z", "a", "b", "c", "d"]);
    expect(queue.at(5)).toBeUndefined();
    expect(queue.at(-1)).toBeUndefined();
  });

  it("keeps the order through growth and wrap-around, as an array used the same way would", () => {
    // A deterministic mix of joins, returns to the front and departures, driven long enough to wrap the ring many times
    // and to grow it from its first 16 slots to thousands and drain it back to empty.
    let seed = 12345;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const queue = new WaitQueue<number>();
    const model: number[] = [];
    let id = 0;
    let mostWaiting = 0;
    const mismatches: string[] = [];
    for (let step = 0; step < 60_000; step += 1) {
      // Growing for the first half, shrinking in the second.
      const joinOdds = step < 30_000 ? 0.6 : 0.35;
      const roll = next();
      if (roll < joinOdds * 0.8) {
        queue.push(id);
        model.push(id);
        id += 1;
      } else if (roll < joinOdds) {
        queue.unshift(id);
        model.unshift(id);
        id += 1;
      } else {
        const [left, expected] = [queue.shift(), model.shift()];
        if (left !== expected) mismatches.push(`step ${step}: ${left} left instead of ${expected}`);
      }
      if (queue.length !== model.length) mismatches.push(`step ${step}: length ${queue.length}, not ${model.length}`);
      mostWaiting = Math.max(mostWaiting, model.length);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(mostWaiting).toBeGreaterThan(4000);
    expect(model.length).toBeLessThan(100);
    while (model.length > 0) expect(queue.shift()).toBe(model.shift());
    expect(queue.length).toBe(0);
    // Drained after growing past its first slots: still a working queue.
    queue.push(1);
    queue.unshift(0);
    expect([queue.shift(), queue.shift(), queue.shift()]).toEqual([0, 1, undefined]);
  });
});
