import type { IncomingMessage, ServerResponse } from "node:http";
import { beforeEach, describe, expect, it } from "vitest";
import { getJson } from "../../src/core/client/http/requestJson";
import type { ClientSettings } from "../../src/core/client/settings/settings";
import { formatSdkDate } from "../../src/core/client/signer";
import { settingsFor } from "../../src/core/dataSources/configurationLookup";
import { listOffsiteRestoreTimes } from "../../src/core/dataSources/getOffsiteRestoreTimeRanges";
import { emulatorForFile, lookupFor } from "../support/emulator";
import { FakeTime } from "../support/fakeTime";
import { forward, startTestServer } from "../support/testServer";

// Requests that wait for a slot of the process-wide scheduler are built while they wait (requestJson.ts): these are
// what a user sees of that. One request in flight at a time, the first held at a server in front of the emulator
// until the test lets it through, so the second surely waits.
const { emulator } = await emulatorForFile({ regions: { "ap-southeast-1": 4 } });
const projectId = emulator.projects["ap-southeast-1"]!;
const [first, second, warmUp] = emulator.dataset.instances("ap-southeast-1").map((instance) => instance.id);
const server = await startTestServer();

const turns = async (n: number) => {
  for (let i = 0; i < n; i += 1) await new Promise((resolve) => setImmediate(resolve));
};

/**
 * A client on its own clock (so its own scheduler), warmed up by one lookup (a process's first requests are built in
 * their slot, while the HTTP client is created), whose next request is held until `letThrough`.
 */
async function heldClient() {
  const time = new FakeTime(Math.floor(Date.now() / 1000) * 1000);
  const settings: ClientSettings = {
    ...settingsFor({}, lookupFor(emulator, { rdsEndpoint: server.url, maxConcurrency: "1" })),
    time,
  };
  server.handle((req, res) => forward(req, res, emulator.url));
  await listOffsiteRestoreTimes(settings, { projectId, instanceId: warmUp! });
  server.requests.length = 0;
  let held: [IncomingMessage, ServerResponse] | undefined;
  server.handle((req, res) => {
    if (held === undefined && server.requests.length === 1) held = [req, res];
    else forward(req, res, emulator.url);
  });
  const letThrough = () => {
    if (!held) throw new Error("nothing held");
    forward(held[0], held[1], emulator.url);
  };
  const heldYet = async () => {
    while (!held) await turns(1);
  };
  return { time, settings, letThrough, heldYet };
}

beforeEach(() => {
  server.requests.length = 0;
});

describe("a request that waited for its slot", () => {
  it("is signed when it is sent, with the X-Sdk-Date of that moment, not of when it started waiting", async () => {
    const { time, settings, letThrough, heldYet } = await heldClient();
    const queuedAt = time.now();
    const lookups = [first!, second!].map((instanceId) => listOffsiteRestoreTimes(settings, { projectId, instanceId }));
    await heldYet();
    // The second request has been waiting (and was built) for a while: two seconds pass before the first is answered.
    await turns(5);
    time.advance(2000);
    letThrough();
    const answers = await Promise.all(lookups);
    expect(answers.every((ranges) => ranges.length > 0)).toBe(true);
    expect(server.requests.map((seen) => seen.headers["x-sdk-date"])).toEqual([
      formatSdkDate(new Date(queuedAt)),
      formatSdkDate(new Date(queuedAt + 2000)),
    ]);
  });

  it("is not sent when its caller gave up while it waited, and nothing is left unhandled", async () => {
    const { settings, letThrough, heldYet } = await heldClient();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    try {
      const request = (instanceId: string) => ({
        endpoint: settings.rdsEndpoint,
        path: `/v3/${projectId}/instances/${instanceId}/offsite-restore-time`,
        projectId,
      });
      const answered = getJson(settings, request(first!));
      const giveUp = new AbortController();
      const abandoned = getJson(settings, { ...request(second!), signal: giveUp.signal });
      await heldYet();
      await turns(5);
      giveUp.abort(new Error("the caller gave up"));
      letThrough();
      await expect(abandoned).rejects.toThrow("the caller gave up");
      await expect(answered).resolves.toMatchObject({ body: { restore_time: expect.any(Array) } });
      await turns(5);
      expect(server.requests.map((seen) => seen.url)).toEqual([request(first!).path]);
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
  });
});
