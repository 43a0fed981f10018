import { describe, expect, it } from "vitest";
import { useEmulator } from "../support/emulator";
import { listInstances, listRestoreTimes, projectOf } from "./fixtures";
import { rawRequest, signedRequest } from "./signedRequest";

describe("faults", () => {
  const emulator = useEmulator();

  it("serves each queued fault once, in order, then answers normally, and logs them", async () => {
    const e = emulator();
    const projectId = projectOf(e, "cn-north-4");
    e.queueFault({ status: 429, headers: { "Retry-After": "2" } });
    e.queueFault({ status: 503 });
    expect(e.faultsPending).toBe(2);

    const throttled = await listInstances(e, projectId);
    expect(throttled.status).toBe(429);
    expect(throttled.headers["retry-after"]).toBe("2");
    expect(throttled.body).toEqual({
      error_code: "APIG.0308",
      error_msg: "The throttling threshold has been reached: policy user over ratelimit,limit:50,time:1 second",
      request_id: throttled.headers["x-request-id"],
    });
    const unavailable = await listInstances(e, projectId);
    expect(unavailable.status).toBe(503);
    expect(unavailable.body.error_code).toBe("APIG.0202");
    const normal = await listInstances(e, projectId);
    expect(normal.status).toBe(200);

    expect(e.faultsPending).toBe(0);
    expect(e.requests.map((r) => [r.status, r.fault && "status" in r.fault ? r.fault.status : null])).toEqual([
      [429, 429],
      [503, 503],
      [200, null],
    ]);
  });

  it("serves a fault only to its operation", async () => {
    const e = emulator();
    const projectId = projectOf(e, "cn-north-4");
    const [instance] = e.dataset.instances("cn-north-4");
    e.queueFault({ operation: "listRestoreTimes", status: 500, body: { error_code: "DBS.108005", error_msg: "boom" } });
    expect((await listInstances(e, projectId)).status).toBe(200);
    expect(e.faultsPending).toBe(1);
    const failed = await listRestoreTimes(e, projectId, instance!.id);
    expect(failed.status).toBe(500);
    expect(failed.body).toEqual({ error_code: "DBS.108005", error_msg: "boom" });
    expect(e.requests.at(-1)?.errorCode).toBe("DBS.108005");
  });

  it("does not spend a fault on a request that fails authentication", async () => {
    const e = emulator();
    e.queueFault({ status: 429 });
    const unsigned = await rawRequest(e.url, "GET", "/v3/projects", {});
    expect(unsigned.status).toBe(401);
    expect(e.faultsPending).toBe(1);
    const signed = await signedRequest(e.url, { path: "/v3/projects", credential: e.credentials });
    expect(signed.status).toBe(429);
  });

  it("resets the connection without an answer", async () => {
    const e = emulator();
    e.queueFault({ reset: true });
    await expect(listInstances(e, projectOf(e, "cn-north-4"))).rejects.toThrow(/socket hang up|ECONNRESET/);
    expect(e.requests.at(-1)).toMatchObject({ status: 0, fault: { reset: true } });
    expect((await listInstances(e, projectOf(e, "cn-north-4"))).status).toBe(200);
  });

  it("delays, then answers normally", async () => {
    const e = emulator();
    e.queueFault({ delayMs: 150 });
    const started = performance.now();
    const res = await listInstances(e, projectOf(e, "cn-north-4"));
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("sends a string body as is", async () => {
    const e = emulator();
    e.queueFault({ status: 502, body: "<html>Bad Gateway</html>", headers: { "Content-Type": "text/html" } });
    const res = await listInstances(e, projectOf(e, "cn-north-4"));
    expect(res.status).toBe(502);
    expect(res.text).toBe("<html>Bad Gateway</html>");
    expect(res.headers["content-type"]).toBe("text/html");
  });

  it("refuses malformed faults", () => {
    const e = emulator();
    expect(() => e.queueFault({ status: 99 })).toThrow();
    expect(() => e.queueFault({ delayMs: -1 })).toThrow();
    expect(e.faultsPending).toBe(0);
  });
});

describe("latency and concurrency", () => {
  const emulator = useEmulator();

  it("counts the highest number of requests in flight", async () => {
    const e = emulator();
    // A barrier in the hook holds every request until all 200 have arrived, so all are in flight at once.
    let arrived = 0;
    let release: () => void = () => {};
    const allArrived = new Promise<void>((resolve) => {
      release = resolve;
    });
    e.onRequest(async () => {
      if (++arrived === 200) release();
      await allArrived;
    });
    const projectId = projectOf(e, "ap-southeast-1");
    const results = await Promise.all(Array.from({ length: 200 }, () => listInstances(e, projectId, { limit: "1" })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(e.maxInFlight).toBe(200);
    expect(e.inFlight).toBe(0);
    e.resetStats();
    expect(e.maxInFlight).toBe(0);
    expect(e.requests).toEqual([]);
  });

  it("counts one at a time for sequential requests", async () => {
    const e = emulator();
    for (let i = 0; i < 3; i++) await listInstances(e, projectOf(e, "cn-north-4"));
    expect(e.maxInFlight).toBe(1);
    expect(e.requests).toHaveLength(3);
  });

  it("adds the configured latency", async () => {
    const e = emulator();
    e.setLatency(120);
    const started = performance.now();
    await listInstances(e, projectOf(e, "cn-north-4"));
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });

  it("decides each answer as the request arrives and sends it after the latency, as parallel servers would", async () => {
    // A real API does its work inside the latency its clients see, on many servers at once. Deciding after the latency
    // would queue a burst's work in this one thread behind it, and charge that queue to the client being measured.
    const e = emulator();
    e.setLatency(400);
    const started = performance.now();
    const decidedAfter: number[] = [];
    e.onRequest(() => {
      decidedAfter.push(performance.now() - started);
    });
    const projectId = projectOf(e, "cn-north-4");
    const answeredAfter = await Promise.all(
      Array.from({ length: 16 }, async () => {
        expect((await listInstances(e, projectId, { limit: "1" })).status).toBe(200);
        return performance.now() - started;
      }),
    );
    expect(decidedAfter).toHaveLength(16);
    // Generous bounds: the point is the order (decided well before the latency ends, answered after it), not speed.
    for (const at of decidedAfter) expect(at).toBeLessThan(200);
    for (const at of answeredAfter) expect(at).toBeGreaterThanOrEqual(390);
  });
});

describe("request log", () => {
  const emulator = useEmulator();

  it("records what a test needs and never a credential", async () => {
    const e = emulator();
    const projectId = projectOf(e, "cn-north-4");
    await listInstances(e, projectId, { limit: "5" });
    await listInstances(
      e,
      projectId,
      { limit: "5" },
      { tamper: (h) => ({ ...h, Authorization: `${h.Authorization}0` }) },
    );
    await signedRequest(e.url, {
      path: "/v3/projects",
      credential: { accessKey: "SOMEOTHERAK000000000", secretKey: "x" },
    });
    const [ok, bad, unknownKey] = e.requests;
    expect(ok).toMatchObject({
      method: "GET",
      path: "/v3/backups/offsite-backup-instance",
      query: { limit: ["5"] },
      operation: "listOffsiteInstances",
      status: 200,
      projectIdHeader: projectId,
      signedHeaders: ["host", "x-project-id", "x-sdk-date"],
    });
    expect(ok?.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(bad).toMatchObject({ status: 401, errorCode: "APIG.0301" });
    expect(unknownKey).toMatchObject({ status: 401, errorCode: "APIG.0301" });
    const log = JSON.stringify(e.requests);
    for (const secret of [
      e.credentials.accessKey,
      e.credentials.secretKey,
      "SOMEOTHERAK000000000",
      "SDK-HMAC-SHA256",
      "Signature=",
    ]) {
      expect(log).not.toContain(secret);
    }
  });

  it("lets the onRequest hook see each authenticated request before it is answered", async () => {
    const e = emulator();
    const seen: string[] = [];
    e.onRequest(async (entry) => {
      seen.push(`${entry.operation}:${entry.status}`);
    });
    await listInstances(e, projectOf(e, "cn-north-4"));
    await rawRequest(e.url, "GET", "/v3/projects", {});
    expect(seen).toEqual(["listOffsiteInstances:0"]);
  });
});
