import { describe, expect, it } from "vitest";
import { AdaptiveScheduler } from "../../src/core/client/http/limiter";
import { FakeTime } from "../support/fakeTime";

/** Attempts the test finishes by hand: which ones run, when each started, and the most ever in flight. */
function harness(maxConcurrency: number) {
  const time = new FakeTime(0);
  const scheduler = new AdaptiveScheduler(time, maxConcurrency);
  const running: { ticket: number; finish: () => void }[] = [];
  const startedAt: number[] = [];
  let maxActive = 0;
  const submit = (n: number, max = maxConcurrency) =>
    Array.from({ length: n }, () =>
      scheduler.run(max, (ticket) => {
        startedAt.push(time.now());
        maxActive = Math.max(maxActive, scheduler.active);
        expect(scheduler.active).toBeLessThanOrEqual(scheduler.limit);
        return new Promise<void>((resolve) => running.push({ ticket, finish: resolve }));
      }),
    );
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  /** Finishes the oldest running attempt, as a success or as throttled, and lets the queue move. */
  const finish = async (outcome: "success" | { retryAfterMs?: number } = "success") => {
    const attempt = running.shift();
    if (!attempt) throw new Error("nothing running");
    if (outcome === "success") scheduler.succeeded();
    else scheduler.throttled({ ticket: attempt.ticket, retryAfterMs: outcome.retryAfterMs });
    attempt.finish();
    await settle();
  };
  return { time, scheduler, running, startedAt, submit, settle, finish, maxActive: () => maxActive };
}

describe("the process-wide adaptive scheduler", () => {
  it("keeps the configured maximum in flight while the API keeps up, and never more", async () => {
    const h = harness(8);
    const all = h.submit(30);
    await h.settle();
    expect(h.running).toHaveLength(8);
    while (h.running.length > 0) await h.finish();
    await Promise.all(all);
    expect(h.startedAt).toHaveLength(30);
    expect(h.maxActive()).toBe(8);
    expect(h.scheduler.limit).toBe(8);
  });

  it("halves the concurrency for everyone on throttling, once per window of attempts", async () => {
    const h = harness(8);
    const all = h.submit(40);
    await h.settle();
    // All eight attempts of the window are throttled: one decrease, not eight (8 → 4, not 8 → 1).
    for (let i = 0; i < 8; i += 1) await h.finish({});
    expect(h.scheduler.limit).toBe(4);
    expect(h.running).toHaveLength(4);
    // A throttled answer to an attempt sent after the decrease halves again.
    await h.finish({});
    expect(h.scheduler.limit).toBe(2);
    await h.settle();
    expect(h.scheduler.active).toBeLessThanOrEqual(3);
    while (h.running.length > 0) await h.finish();
    await Promise.all(all);
    expect(h.startedAt).toHaveLength(40);
  });

  it("never goes below one request in flight", async () => {
    const h = harness(4);
    const all = h.submit(12);
    await h.settle();
    for (let i = 0; i < 12; i += 1) await h.finish({});
    await Promise.all(all);
    expect(h.scheduler.limit).toBe(1);
    expect(h.maxActive()).toBe(4);
  });

  it("holds every new attempt of the process for a Retry-After, then lets through only the lowered window (no storm)", async () => {
    const h = harness(8);
    const all = h.submit(30);
    await h.settle();
    await h.finish({ retryAfterMs: 1000 });
    // The seven other attempts of the window end (successes or not): nothing new starts before the pause ends.
    for (let i = 0; i < 7; i += 1) await h.finish();
    const startedDuringPause = h.startedAt.filter((at) => at > 0 && at < 1000);
    expect(startedDuringPause).toEqual([]);
    // After the pause, exactly the lowered window (4, plus what the seven successes added back) is sent at once.
    expect(h.time.now()).toBe(1000);
    expect(h.startedAt.filter((at) => at === 1000)).toHaveLength(h.scheduler.limit);
    expect(h.running).toHaveLength(h.scheduler.limit);
    expect(h.scheduler.limit).toBe(5);
    expect(h.time.sleeps).toEqual([1000]);
    while (h.running.length > 0) await h.finish();
    await Promise.all(all);
    expect(h.startedAt).toHaveLength(30);
    expect(h.maxActive()).toBe(8);
  });

  it("climbs back additively (about one slot per window of successes), slowly near the window that was throttled, never above the maximum", async () => {
    const h = harness(8);
    const all = h.submit(3000);
    await h.settle();
    for (let i = 0; i < 8; i += 1) await h.finish({});
    expect(h.scheduler.limit).toBe(4);
    const limits: number[] = [];
    while (h.running.length > 0) {
      await h.finish();
      limits.push(h.scheduler.limit);
    }
    await Promise.all(all);
    // 4 → 5 takes five successes (4 + 1/4 + 1/4.25 + …), never a jump of more than one.
    expect(limits.slice(0, 5)).toEqual([4, 4, 4, 4, 5]);
    for (let i = 1; i < limits.length; i += 1) expect(limits[i]! - limits[i - 1]!).toBeGreaterThanOrEqual(0);
    for (let i = 1; i < limits.length; i += 1) expect(limits[i]! - limits[i - 1]!).toBeLessThanOrEqual(1);
    // Fast up to 90% of the throttled window (7.2: limit 7), then 1/256 as fast.
    const at7 = limits.indexOf(7);
    expect(at7).toBeGreaterThan(4);
    expect(at7).toBeLessThan(25);
    expect(limits.indexOf(8) - at7).toBeGreaterThan(256);
    expect(Math.max(...limits)).toBe(8);
    expect(limits.at(-1)).toBe(8);
  });

  it("takes the most recent configured maximum as the ceiling at once", async () => {
    const h = harness(8);
    const first = h.submit(8);
    await h.settle();
    const second = h.submit(10, 2);
    while (h.running.length > 0) await h.finish();
    await Promise.all([...first, ...second]);
    expect(h.scheduler.limit).toBe(2);
    // The eight already running drained; the next ten went two at a time.
    expect(h.maxActive()).toBe(8);
    h.scheduler.succeeded();
    expect(h.scheduler.limit).toBe(2);
  });
});
