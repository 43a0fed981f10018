import { describe, expect, it } from "vitest";
import { rawSocketFloor, undiciDispatchFloor, undiciRequestFloor } from "../../bench/lookups/lookupFloors";
import { emulatorForFile, requestsOf } from "../support/emulator";

const REGION = "ap-southeast-1";
const { emulator } = await emulatorForFile({ regions: { [REGION]: 100 } });
const ids = emulator.dataset
  .instances(REGION)
  .slice(0, 100)
  .map((instance) => instance.id);

// Not timed: the floors beside the Go peer in `npm run bench` must do the product's work (every lookup once, signed
// as the product signs, answered 200, at most 16 in flight), or their times compare different work.
describe("the bench's lookup floors", () => {
  for (const [name, floorOf] of [
    ["undici request()", () => undiciRequestFloor(emulator, REGION)],
    ["undici Dispatcher.dispatch", () => undiciDispatchFloor(emulator, REGION, 16)],
    ["raw node:net HTTP/1.1", () => rawSocketFloor(emulator, REGION, 16)],
  ] as const) {
    it(`${name}: looks up every instance once, signed, at most 16 in flight`, async () => {
      const floor = floorOf();
      try {
        emulator.resetStats();
        await floor.run(ids, 16);
        const lookups = requestsOf(emulator, "listRestoreTimes");
        expect(lookups.map((entry) => entry.status)).toEqual(ids.map(() => 200));
        expect(new Set(lookups.map((entry) => entry.path))).toEqual(
          new Set(ids.map((id) => `/v3/${emulator.projects[REGION]}/instances/${id}/offsite-restore-time`)),
        );
        expect(emulator.maxInFlight).toBeLessThanOrEqual(16);
        emulator.resetStats();
        await floor.run(ids.slice(0, 10), 1);
        expect(requestsOf(emulator, "listRestoreTimes")).toHaveLength(10);
        expect(emulator.maxInFlight).toBe(1);
      } finally {
        await floor.close();
      }
    });
  }

  it("raw node:net HTTP/1.1: keeps its connections alive, one request at a time on each", async () => {
    const floor = rawSocketFloor(emulator, REGION, 16);
    try {
      emulator.resetStats();
      await floor.run(ids, 16);
      // Sixteen connections, each opened once: every request but each connection's first came after an answer on it.
      expect(emulator.clientTurnaround.sameConnection.count).toBe(ids.length - 16);
    } finally {
      await floor.close();
    }
  });

  it("raw node:net HTTP/1.1: says which answer failed", async () => {
    const floor = rawSocketFloor(emulator, REGION, 1);
    emulator.queueFault({ operation: "listRestoreTimes", status: 500 });
    try {
      await expect(floor.run(ids.slice(0, 1), 1)).rejects.toThrow(/^raw socket floor: 500 /);
    } finally {
      await floor.close();
    }
  });
});
