import { describe, expect, it } from "vitest";
import { ABANDONED, singleFlight } from "../../src/core/singleFlight";

/** Work the test settles by hand, counting how often it was started. */
function controlledWork<T>() {
  const runs: { resolve: (value: T) => void; reject: (error: unknown) => void; abandoned: () => boolean }[] = [];
  const work = (abandoned: () => boolean) =>
    new Promise<T>((resolve, reject) => {
      runs.push({ resolve, reject, abandoned });
    });
  return { work, runs };
}

describe("singleFlight: one run of shared work", () => {
  it("concurrent callers of one key share one run and all get its value", async () => {
    const flights = singleFlight<string>();
    const { work, runs } = controlledWork<string>();
    const first = flights.run("k", work);
    const second = flights.run("k", work);
    const other = flights.run("other", work);
    expect(runs).toHaveLength(2);
    runs[0]?.resolve("shared");
    runs[1]?.resolve("other key");
    await expect(first).resolves.toBe("shared");
    await expect(second).resolves.toBe("shared");
    await expect(other).resolves.toBe("other key");
  });

  it("without keepUntil, a caller after the work settled runs it afresh", async () => {
    const flights = singleFlight<number>();
    let runs = 0;
    await flights.run("k", async () => ++runs);
    await expect(flights.run("k", async () => ++runs)).resolves.toBe(2);
  });

  it("a failure is never kept: every waiting caller gets it, the next caller tries again", async () => {
    const flights = singleFlight<string>({ keepUntil: () => Infinity });
    const { work, runs } = controlledWork<string>();
    const first = flights.run("k", work);
    const second = flights.run("k", work);
    runs[0]?.reject(new Error("IAM said no"));
    await expect(first).rejects.toThrow("IAM said no");
    await expect(second).rejects.toThrow("IAM said no");
    const retry = flights.run("k", work);
    expect(runs).toHaveLength(2);
    runs[1]?.resolve("found");
    await expect(retry).resolves.toBe("found");
  });

  it("one caller's abort fails that caller only; the work goes on for the others", async () => {
    const flights = singleFlight<string>();
    const { work, runs } = controlledWork<string>();
    const impatient = new AbortController();
    const first = flights.run("k", work, impatient.signal);
    const second = flights.run("k", work);
    impatient.abort(new Error("caller gave up"));
    expect(runs[0]?.abandoned()).toBe(false);
    runs[0]?.resolve("answer");
    await expect(second).resolves.toBe("answer");
    // The aborted caller's own promise still settles with the shared outcome: giving up is the work's decision.
    await expect(first).resolves.toBe("answer");
  });

  it("work gives up only when every caller has aborted, and each caller gets its own reason", async () => {
    const flights = singleFlight<string>();
    const { work, runs } = controlledWork<string>();
    const a = new AbortController();
    const b = new AbortController();
    const first = flights.run("k", work, a.signal);
    const second = flights.run("k", work, b.signal);
    a.abort(new Error("a gave up"));
    expect(runs[0]?.abandoned()).toBe(false);
    b.abort(new Error("b gave up"));
    expect(runs[0]?.abandoned()).toBe(true);
    runs[0]?.reject(ABANDONED);
    await expect(first).rejects.toThrow("a gave up");
    await expect(second).rejects.toThrow("b gave up");
  });

  it("a caller whose signal already aborted is refused without starting the work", async () => {
    const flights = singleFlight<string>();
    const { work, runs } = controlledWork<string>();
    const gone = new AbortController();
    gone.abort(new Error("too late"));
    await expect(flights.run("k", work, gone.signal)).rejects.toThrow("too late");
    expect(runs).toHaveLength(0);
  });

  it("keepUntil: a success is answered again until its time, then the work runs again", async () => {
    let clock = 1_000;
    const flights = singleFlight<{ token: number; until: number }>({
      keepUntil: (value) => value.until,
      now: () => clock,
    });
    let fetched = 0;
    const fetch = async () => ({ token: ++fetched, until: clock + 500 });
    expect((await flights.run("k", fetch)).token).toBe(1);
    clock += 499;
    expect((await flights.run("k", fetch)).token).toBe(1);
    clock += 1;
    expect((await flights.run("k", fetch)).token).toBe(2);
  });

  it("forget drops a kept success only when it is the stale one; clear drops all", async () => {
    const flights = singleFlight<number>({ keepUntil: () => Infinity });
    let runs = 0;
    const work = async () => ++runs;
    await flights.run("k", work);
    flights.forget("k", (kept) => kept === 99);
    expect(await flights.run("k", work)).toBe(1);
    flights.forget("k", (kept) => kept === 1);
    expect(await flights.run("k", work)).toBe(2);
    flights.clear();
    expect(await flights.run("k", work)).toBe(3);
  });
});
