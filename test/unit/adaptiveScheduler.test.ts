import { afterEach, describe, expect, it } from "vitest";
import { RateLimiter } from "../../emulator/rateLimit";
import { AdaptiveScheduler } from "../../src/core/client/http/limiter";
import { FakeTime } from "../support/fakeTime";
import { SimulatedTime } from "../support/simulatedTime";

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
  let restoreArrays = () => {};
  afterEach(() => restoreArrays());

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

  it("climbs back additively (about one slot per window of successes), never above the maximum", async () => {
    const h = harness(8);
    const all = h.submit(300);
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
    // 4 + 5 + 6 + 7 successes back to 8: the rate bucket, not the window, keeps a throttled scan below the API's rate.
    expect(limits.indexOf(8)).toBeGreaterThan(20);
    expect(limits.indexOf(8)).toBeLessThan(26);
    expect(Math.max(...limits)).toBe(8);
    expect(limits.at(-1)).toBe(8);
  });

  it("lets queued callers through first come, first served, also when answers come back faster than callers wake", async () => {
    const scheduler = new AdaptiveScheduler(new FakeTime(0), 4);
    const started: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, caller) =>
        scheduler.run(4, async () => {
          started.push(caller);
        }),
      ),
    );
    expect(started).toEqual(Array.from({ length: 20 }, (_, caller) => caller));
  });

  it("lets 200,000 callers queued at once through in the order they came, for linear work", async () => {
    const callers = 200_000;
    const scheduler = new AdaptiveScheduler(new FakeTime(0), 4);
    // The work of dequeuing, in elements moved: Array shift/unshift/splice move up to the array's whole length per call
    // (V8 cannot trim a long array in place), which for a queue this long is the quadratic cost a program queuing many
    // data sources at once would pay. Counted rather than timed, so the machine does not matter; past a few moves per
    // caller it fails at once instead of grinding through ~2·10¹⁰ moves.
    const allowedMoves = 4 * callers;
    let moved = 0;
    // Patched by hand, not with vi.spyOn: the spy's own bookkeeping calls these methods and would recurse.
    const originals = (["shift", "unshift", "splice"] as const).map((method) => {
      const original = Array.prototype[method] as (this: unknown[], ...args: unknown[]) => unknown;
      Object.defineProperty(Array.prototype, method, {
        configurable: true,
        writable: true,
        value: function (this: unknown[], ...args: unknown[]) {
          moved += this.length;
          if (moved > allowedMoves)
            throw new Error(`${moved} array elements moved for ${callers} queued callers: dequeuing is not O(1)`);
          return original.apply(this, args);
        },
      });
      return { method, original };
    });
    restoreArrays = () => {
      for (const { method, original } of originals)
        Object.defineProperty(Array.prototype, method, { configurable: true, writable: true, value: original });
    };
    const started: number[] = [];
    let mostInFlight = 0;
    const all = Array.from({ length: callers }, (_, caller) =>
      scheduler.run(4, async () => {
        started.push(caller);
        mostInFlight = Math.max(mostInFlight, scheduler.active);
      }),
    );
    await Promise.all(all);
    restoreArrays();
    expect(moved).toBeLessThanOrEqual(allowedMoves);
    expect(started).toHaveLength(callers);
    expect(
      started.findIndex((caller, turn) => caller !== turn),
      "the first caller let through out of turn",
    ).toBe(-1);
    expect(mostInFlight).toBe(4);
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

/**
 * A scan of `lookups` restore-range lookups through one scheduler on simulated time, behind the emulator's gateway
 * (its token bucket, answering 429 with a whole-second Retry-After), each attempt taking `latencyMs`, each throttled
 * lookup retried after its Retry-After as the client's retry loop does. Nothing here depends on the machine.
 */
async function simulatedScan(options: {
  lookups: number;
  requestsPerSecond: number;
  burst: number;
  latencyMs?: number;
  maxConcurrency?: number;
}) {
  const { latencyMs = 25, maxConcurrency = 16 } = options;
  const time = new SimulatedTime();
  const scheduler = new AdaptiveScheduler(time, maxConcurrency);
  const gateway = new RateLimiter({ requestsPerSecond: options.requestsPerSecond, burst: options.burst });
  const sentAt: number[] = [];
  const throttledAt: number[] = [];
  const rates: { at: number; rate: number | undefined }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const lookup = async () => {
    for (;;) {
      const retryAfterMs = await scheduler.run(maxConcurrency, async (ticket) => {
        sentAt.push(time.now());
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        const wait = gateway.take("project", "listRestoreTimes", time.now());
        await time.sleep(latencyMs);
        inFlight -= 1;
        if (wait === undefined) scheduler.succeeded();
        else {
          throttledAt.push(time.now());
          scheduler.throttled({ ticket, retryAfterMs: wait * 1000 });
        }
        rates.push({ at: time.now(), rate: scheduler.rate });
        return wait === undefined ? undefined : wait * 1000;
      });
      if (retryAfterMs === undefined) return;
      await time.sleep(retryAfterMs);
    }
  };
  await time.run(Promise.all(Array.from({ length: options.lookups }, lookup)));
  const rateFloorMs = ((options.lookups - options.burst) / options.requestsPerSecond) * 1000;
  return { ms: time.now(), rateFloorMs, sentAt, throttledAt, rates, maxInFlight };
}

describe("the scheduler behind a rate-limited gateway (simulated time)", () => {
  it("converges to the API's rate: a 10,000-lookup scan behind 500 req/s ends within 1.05× of the rate floor, with at most 2% of requests throttled", async () => {
    const scan = await simulatedScan({ lookups: 10_000, requestsPerSecond: 500, burst: 50 });
    expect(scan.ms / scan.rateFloorMs).toBeLessThan(1.05);
    expect(scan.throttledAt.length / scan.sentAt.length).toBeLessThanOrEqual(0.02);
    // Exactly one request per lookup, plus one retry per throttled answer.
    expect(scan.sentAt).toHaveLength(10_000 + scan.throttledAt.length);
    expect(scan.maxInFlight).toBe(16);
  });

  it("does not stop the process for a whole-second Retry-After: sends never pause for 100 ms after a throttle", async () => {
    const scan = await simulatedScan({ lookups: 3_000, requestsPerSecond: 500, burst: 50 });
    const firstThrottle = scan.throttledAt[0];
    expect(firstThrottle).toBeDefined();
    // Up to the last lookup's first attempt: at the very end only the last throttled lookups wait out their own.
    const lastFirstAttempt = scan.sentAt[scan.sentAt.length - 1 - scan.throttledAt.length]!;
    const after = scan.sentAt.filter((at) => at >= firstThrottle! && at <= lastFirstAttempt);
    const longestGap = Math.max(...after.slice(1).map((at, i) => at - after[i]!));
    expect(longestGap).toBeLessThan(100);
  });

  it("honours a Retry-After for everyone as a rate: nobody climbs above the cut until it has passed, then the rate climbs back", async () => {
    const scan = await simulatedScan({ lookups: 10_000, requestsPerSecond: 500, burst: 50 });
    // Each cut: the bucket's rate set for the first time, or lowered.
    const cuts = scan.rates.filter((sample, i) => {
      const before = scan.rates[i - 1]?.rate;
      return sample.rate !== undefined && (before === undefined || sample.rate < before);
    });
    const cut = cuts.filter((sample) => sample.at + 3500 < scan.ms).at(-1)!;
    expect(cut).toBeDefined();
    const holdEnds = cut.at + 1000;
    const during = scan.rates.filter((sample) => sample.at > cut.at && sample.at < holdEnds - 25);
    expect(during.length).toBeGreaterThan(100);
    for (const sample of during) expect(sample.rate).toBeLessThanOrEqual(cut.rate!);
    const later = scan.rates.filter((sample) => sample.at > holdEnds + 2000 && sample.at < holdEnds + 2500);
    expect(later.length).toBeGreaterThan(100);
    expect(Math.min(...later.map((sample) => sample.rate!))).toBeGreaterThan(cut.rate!);
    // Cut below the gateway's 500 req/s, but not far: 0.9 × the rate the API was answering.
    expect(cut.rate!).toBeGreaterThan(400);
    expect(cut.rate!).toBeLessThan(500);
  });

  it("sends the retries that wake together when a Retry-After ends at the bucket's rate, not at once (no storm)", async () => {
    // A window of 64, so the bucket alone keeps the pace.
    const time = new SimulatedTime();
    const scheduler = new AdaptiveScheduler(time, 64);
    const sentAt: number[] = [];
    const attempt = (outcome: "ok" | "throttled") =>
      scheduler.run(64, async (ticket) => {
        sentAt.push(time.now());
        await time.sleep(25);
        if (outcome === "ok") scheduler.succeeded();
        else scheduler.throttled({ ticket, retryAfterMs: 1000 });
      });
    const retriesSentAt = await time.run(
      (async () => {
        // 200 req/s answered for 400 ms, then a whole burst of 64 throttled with Retry-After: 1.
        const measuring: Promise<void>[] = [];
        for (let i = 0; i < 80; i += 1) {
          measuring.push(attempt("ok"));
          await time.sleep(5);
        }
        await Promise.all([...measuring, ...Array.from({ length: 64 }, () => attempt("throttled"))]);
        await time.sleep(1000);
        const from = sentAt.length;
        await Promise.all(Array.from({ length: 64 }, () => attempt("ok")));
        return sentAt.slice(from);
      })(),
    );
    // The 64 leave at the cut rate (0.9 × the 200 req/s measured) from a bucket of 20 ms, not all at once.
    const rate = 0.9 * 200;
    const first = retriesSentAt[0]!;
    expect(retriesSentAt.filter((at) => at < first + 100).length).toBeLessThanOrEqual(Math.ceil((rate * 120) / 1000));
    expect(retriesSentAt.at(-1)! - first).toBeGreaterThanOrEqual(((64 - 4) / 200) * 1000);
  });

  it("does not stall a scan whose very first answers are throttled: before any rate is measured, a throttle only halves the concurrency", async () => {
    // 16 lookups leave at once into a gateway that lets 8 through: 8 are refused 25 ms in, before any success was seen.
    const scan = await simulatedScan({ lookups: 1_000, requestsPerSecond: 500, burst: 8 });
    const firstThrottle = scan.throttledAt[0]!;
    expect(firstThrottle).toBe(25);
    // Cutting the rate to 0.9 × "nothing measured" (AWS's rule) would send one request every two seconds from here
    // (4-8 in the next second, the scan over 11 s); with the window halved the scan keeps going at most of the API's rate.
    const sentInTheNextSecond = scan.sentAt.filter((at) => at >= firstThrottle && at < firstThrottle + 1000).length;
    expect(sentInTheNextSecond).toBeGreaterThan(250);
    expect(scan.ms / scan.rateFloorMs).toBeLessThan(2);
  });

  it("after a throttled scan, a burst of lookups that follows a quiet spell runs at the full concurrency once the API keeps up", async () => {
    // The readiness scan behind 500 req/s has the process pacing itself; ten seconds later the same process looks up
    // 200 instances at once, three times, 700 ms apart (a second preview, a CI job's next call), against an API that
    // keeps up. The first burst's measurement starts afresh (the scan's answers are 20 s old); the others' used to
    // count the quiet 700 ms and the burst before.
    const time = new SimulatedTime();
    const scheduler = new AdaptiveScheduler(time, 16);
    const gateway = new RateLimiter({ requestsPerSecond: 500, burst: 50 });
    const lookup = async (limited: boolean) => {
      for (;;) {
        const retryAfterMs = await scheduler.run(16, async (ticket) => {
          const wait = limited ? gateway.take("project", "listRestoreTimes", time.now()) : undefined;
          await time.sleep(25);
          if (wait === undefined) scheduler.succeeded();
          else scheduler.throttled({ ticket, retryAfterMs: wait * 1000 });
          return wait === undefined ? undefined : wait * 1000;
        });
        if (retryAfterMs === undefined) return;
        await time.sleep(retryAfterMs);
      }
    };
    const burstsMs = await time.run(
      (async () => {
        await Promise.all(Array.from({ length: 3_000 }, () => lookup(true)));
        // Long enough for CUBIC's climb (back at the gateway's rate about 5 s after the last cut) to be far past what
        // 16 lookups in flight send (640 req/s): what is left to slow a burst is the measured rate.
        await time.sleep(20_000);
        const took: number[] = [];
        for (let burst = 0; burst < 3; burst += 1) {
          await time.sleep(700);
          const started = time.now();
          await Promise.all(Array.from({ length: 200 }, () => lookup(false)));
          took.push(time.now() - started);
        }
        return took;
      })(),
    );
    expect(scheduler.rate).toBeDefined();
    // 200 lookups, 16 at a time, 25 ms each: 13 waves, 325 ms. Paced at twice the rate "measured" over the quiet
    // spell and the burst before it, the second and third took about 500 ms.
    for (const ms of burstsMs) expect(ms).toBeLessThanOrEqual(1.1 * 325);
  });

  it("paces a caller that sends one request at a time once the API throttles it, as one that sends many", async () => {
    // 40 req/s one after another (25 ms each) into a gateway of 20 req/s: the answers between requests are not quiet
    // spells, so the rate it was answered at is measured and the bucket takes over after the first throttle.
    const time = new SimulatedTime();
    const scheduler = new AdaptiveScheduler(time, 16);
    const gateway = new RateLimiter({ requestsPerSecond: 20, burst: 5 });
    let throttled = 0;
    let sent = 0;
    await time.run(
      (async () => {
        for (let lookup = 0; lookup < 400; lookup += 1) {
          for (;;) {
            const retryAfterMs = await scheduler.run(16, async (ticket) => {
              sent += 1;
              const wait = gateway.take("project", "listRestoreTimes", time.now());
              await time.sleep(25);
              if (wait === undefined) scheduler.succeeded();
              else scheduler.throttled({ ticket, retryAfterMs: wait * 1000 });
              return wait === undefined ? undefined : wait * 1000;
            });
            if (retryAfterMs === undefined) break;
            throttled += 1;
            await time.sleep(retryAfterMs);
          }
        }
      })(),
    );
    expect(scheduler.rate).toBeDefined();
    expect(throttled / sent).toBeLessThanOrEqual(0.05);
  });

  it("recovers from a gateway that allows no burst at all, where a plain window cannot (within 2× of the rate floor)", async () => {
    const scan = await simulatedScan({ lookups: 3_000, requestsPerSecond: 100, burst: 1 });
    expect(scan.ms / scan.rateFloorMs).toBeLessThan(2);
    expect(scan.throttledAt.length / scan.sentAt.length).toBeLessThanOrEqual(0.02);
  });
});
