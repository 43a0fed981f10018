import { describe, expect, it } from "vitest";
import { ensureGoPeer, goFirstCall, runGoPeer } from "../../bench/go/goPeer";
import { emulatorForFile, requestsOf } from "../support/emulator";

const REGION = "ap-southeast-1";
const INSTANCES = 237;
const { emulator } = await emulatorForFile({ regions: { [REGION]: INSTANCES } });

// Not timed: the bench's Go peer (Huawei's official Go SDK, 16 goroutines) must do the same work as the product's scan,
// or the comparison in `npm run bench` compares different work.
describe("the bench's Go peer on the official Go SDK", () => {
  it("scans as the product does: every page once, then every instance's restore times once, 16 at a time at most", async () => {
    const binary = await ensureGoPeer(() => undefined);
    emulator.resetStats();
    const run = await runGoPeer(binary, "scan", emulator, REGION);
    expect(run).toMatchObject({ requests: 3 + INSTANCES, failed: 0 });
    expect(requestsOf(emulator, "listOffsiteInstances").map((entry) => entry.status)).toEqual([200, 200, 200]);
    const lookedUp = requestsOf(emulator, "listRestoreTimes");
    expect(lookedUp.every((entry) => entry.status === 200)).toBe(true);
    expect(new Set(lookedUp.map((entry) => entry.path)).size).toBe(INSTANCES);
    expect(lookedUp).toHaveLength(INSTANCES);
    expect(emulator.maxInFlight).toBeLessThanOrEqual(16);
  }, 600_000);

  it("looks up the instances it is given, once untimed and once timed, and answers a first call", async () => {
    const binary = await ensureGoPeer(() => undefined);
    const ids = emulator.dataset
      .instances(REGION)
      .slice(0, 20)
      .map((instance) => instance.id);
    emulator.resetStats();
    const run = await runGoPeer(binary, "lookups", emulator, REGION, ids);
    expect(run).toMatchObject({ requests: ids.length, failed: 0 });
    expect(requestsOf(emulator, "listRestoreTimes")).toHaveLength(2 * ids.length);
    emulator.resetStats();
    expect(await goFirstCall(binary, emulator, REGION, ids[0]!)).toBeGreaterThan(0);
    expect(requestsOf(emulator, "listRestoreTimes")).toHaveLength(1);
  }, 600_000);
});
