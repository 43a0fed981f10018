import { setTimeout as wait } from "node:timers/promises";
import { expect, it } from "vitest";
import { type HttpTime, systemTime } from "../../src/core/client/http/httpTime";
import type { ClientSettings } from "../../src/core/client/settings/settings";
import { settingsFor } from "../../src/core/dataSources/configurationLookup";
import { listOffsiteBackupInstances } from "../../src/core/dataSources/getOffsiteBackupInstances";
import { listOffsiteRestoreTimes } from "../../src/core/dataSources/getOffsiteRestoreTimeRanges";
import { emulatorForFile, lookupFor, requestsOf } from "../support/emulator";

// The process-wide scheduler's quiet-spell rule (src/core/client/http/limiter.ts, `wentQuiet`) in a real process:
// real requests to real emulators, real timers. After a throttle the client paces its requests, at twice at most the
// rate it measures the API answering; a spell of 100 ms or more with nothing in flight ends that measurement, so a
// burst after it is not held to twice a rate diluted by the time the process merely asked for nothing (issue 23).
// The rule forgets the measurement, not the pacing: seconds after the throttle a burst is still paced along CUBIC's
// climb from the cut rate, quiet spell or not (measured: 41 lookups at about 60 a second, 0.3 s or 2 s after a scan
// throttled at 50 a second). Hence the minute between the throttled scan and the bursts below.
const REGION = "ap-southeast-1";
const { emulator: throttling } = await emulatorForFile({
  regions: { [REGION]: 40 },
  rateLimit: { requestsPerSecond: 50, burst: 5 },
});
const { emulator: open } = await emulatorForFile({ regions: { [REGION]: 40 } });

/**
 * The real clock and timers, with two differences: it can be moved ahead (a minute passes without the test waiting a
 * minute; every request is signed within the emulator's 15-minute clock skew), and it records every wait the client
 * asks of it. With no retry, those waits are the scheduler's: a request waiting for its token.
 */
class RealClockAhead implements HttpTime {
  private aheadMs = 0;
  readonly waits: number[] = [];
  now(): number {
    return Date.now() + this.aheadMs;
  }
  async sleep(ms: number): Promise<void> {
    this.waits.push(ms);
    await wait(ms);
  }
  setTimer(ms: number, fire: () => void): () => void {
    return systemTime.setTimer(ms, fire);
  }
  random(): number {
    return systemTime.random();
  }
  moveAhead(ms: number): void {
    this.aheadMs += ms;
  }
}

/** The region's listing, then the restore times of its first `count` instances at once. */
async function lookUp(settings: ClientSettings, target: typeof open, count: number) {
  const projectId = target.projects[REGION]!;
  const { instances } = await listOffsiteBackupInstances(settings, projectId);
  return Promise.all(
    instances
      .slice(0, count)
      .map((instance) => listOffsiteRestoreTimes(settings, { projectId, instanceId: instance.id })),
  );
}

it("a burst after a quiet spell is not paced at twice a rate diluted by the quiet time", async () => {
  // Its own clock, so its own scheduler: the process's one is keyed by the clock (schedulerFor).
  const clock = new RealClockAhead();
  const settings = (target: typeof open) => ({
    ...settingsFor({}, lookupFor(target, { maxRetries: "10", totalTimeoutMs: "600000" })),
    time: clock,
  });

  // A scan the gateway throttles: the scheduler cuts its rate and paces every request after that.
  const scanned = await lookUp(settings(throttling), throttling, 40);
  expect(scanned).toHaveLength(40);
  const statuses = requestsOf(throttling, "listRestoreTimes").map((entry) => entry.status);
  expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
  expect(statuses.filter((status) => status === 200)).toHaveLength(40);

  // A minute later (CUBIC has climbed far past the cut rate), a scan of a project the gateway no longer throttles...
  clock.moveAhead(60_000);
  expect(await lookUp(settings(open), open, 40)).toHaveLength(40);
  // ...then nothing in flight for a while (at least the rule's 100 ms), then a few lookups.
  await wait(300);
  open.resetStats();
  clock.waits.length = 0;
  expect(await lookUp(settings(open), open, 8)).toHaveLength(8);

  expect(open.requests.map((entry) => [entry.operation, entry.status])).toEqual([
    ["listOffsiteInstances", 200],
    ...Array(8).fill(["listRestoreTimes", 200]),
  ]);
  // No lookup waited for a token longer than a clock tick. Counting the scan before the quiet spell into the rate the
  // API answers (42 answers over 300 ms and more: at most 140 a second) paces them at most 280 a second: one token
  // every 4 ms, and each of the eight lookups after the first waited for one.
  expect(clock.waits.filter((ms) => ms > 1)).toEqual([]);
}, 60_000);
