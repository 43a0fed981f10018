import { describe, expect, it } from "vitest";
import { AdaptiveScheduler } from "../../src/core/client/http/limiter";
import { FakeTime } from "../support/fakeTime";

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** Callers the test finishes by hand, each with a `prepare` that records when it ran. */
function harness(maxConcurrency: number) {
  const scheduler = new AdaptiveScheduler(new FakeTime(0), maxConcurrency);
  const running: { caller: number; finish: () => void }[] = [];
  const prepared: number[] = [];
  const started: number[] = [];
  /** How many prepared callers waited for their slot (this one included) at each preparation, and the limit then. */
  const preparedWaitingAtEach: number[] = [];
  const limitAtEach: number[] = [];
  const preparedWaiting = () => prepared.filter((caller) => !started.includes(caller)).length;
  let next = 0;
  const submit = (n: number) =>
    Array.from({ length: n }, () => {
      const caller = next++;
      return scheduler.run(
        maxConcurrency,
        () => {
          started.push(caller);
          return new Promise<void>((resolve) => running.push({ caller, finish: resolve }));
        },
        () => {
          prepared.push(caller);
          preparedWaitingAtEach.push(preparedWaiting());
          limitAtEach.push(scheduler.limit);
        },
      );
    });
  const finish = async () => {
    const attempt = running.shift();
    if (!attempt) throw new Error("nothing running");
    scheduler.succeeded();
    attempt.finish();
    // The caller resumes, and the next waiter is prepared, behind pending I/O: a turn of the event loop each.
    await settle();
    await settle();
  };
  return { scheduler, running, prepared, started, submit, finish, preparedWaitingAtEach, limitAtEach };
}

describe("requests built ahead while they wait for a slot", () => {
  it("prepares only the next `limit` waiting callers, in their order, however many wait", async () => {
    const h = harness(4);
    const all = h.submit(1000);
    await settle();
    // The first four got a slot at once: nothing to prepare ahead. The next four are prepared; 992 others are not.
    expect(h.started).toEqual([0, 1, 2, 3]);
    expect(h.prepared).toEqual([4, 5, 6, 7]);
    await h.finish();
    expect(h.started).toEqual([0, 1, 2, 3, 4]);
    expect(h.prepared).toEqual([4, 5, 6, 7, 8]);
    while (h.running.length > 0) await h.finish();
    await Promise.all(all);
    expect(h.started).toHaveLength(1000);
    expect(Math.max(...h.preparedWaitingAtEach)).toBe(4);
    // Every caller that waited was prepared once, in the order they came, before it started.
    expect(h.prepared).toEqual(Array.from({ length: 996 }, (_, index) => index + 4));
  });

  it("prepares no more waiting callers than the lowered limit after throttling", async () => {
    const h = harness(8);
    const all = h.submit(100);
    await settle();
    expect(h.prepared).toHaveLength(8);
    for (let i = 0; i < 8; i += 1) {
      const attempt = h.running.shift()!;
      h.scheduler.throttled({ ticket: 1, retryAfterMs: undefined });
      attempt.finish();
      await settle();
      await settle();
    }
    expect(h.scheduler.limit).toBe(4);
    const preparedBefore = h.preparedWaitingAtEach.length;
    while (h.running.length > 0) await h.finish();
    await Promise.all(all);
    expect(h.started).toHaveLength(100);
    // Every caller that waited was prepared, and never more of them waited prepared than the limit of that moment:
    // four right after the decrease, then more as it climbed back.
    expect(h.prepared).toHaveLength(92);
    const after = h.preparedWaitingAtEach.slice(preparedBefore);
    expect(after.length).toBeGreaterThan(0);
    expect(h.limitAtEach[preparedBefore]).toBe(4);
    for (const [index, waiting] of after.entries()) {
      expect(waiting).toBeLessThanOrEqual(h.limitAtEach[preparedBefore + index]!);
    }
  });
});

describe("an answer's slot handed on first", () => {
  it("starts the next waiting caller's attempt before the caller whose attempt ended resumes", async () => {
    const scheduler = new AdaptiveScheduler(new FakeTime(0), 1);
    const events: string[] = [];
    let finishFirst: () => void = () => undefined;
    const first = scheduler
      .run(
        1,
        () =>
          new Promise<string>((resolve) => {
            finishFirst = () => resolve("first answer");
          }),
      )
      .then((answer) => events.push(`handed back: ${answer}`));
    const second = scheduler.run(1, async () => {
      events.push("second attempt started");
    });
    await settle();
    expect(events).toEqual([]);
    finishFirst();
    await Promise.all([first, second]);
    expect(events).toEqual(["second attempt started", "handed back: first answer"]);
  });

  it("resumes the caller without waiting a turn of the event loop when nobody waits for its slot", async () => {
    const scheduler = new AdaptiveScheduler(new FakeTime(0), 2);
    const events: string[] = [];
    const alone = scheduler.run(2, async () => "answer").then((answer) => events.push(`handed back: ${answer}`));
    setImmediate(() => events.push("a turn of the event loop"));
    await alone;
    expect(events).toEqual(["handed back: answer"]);
  });
});
