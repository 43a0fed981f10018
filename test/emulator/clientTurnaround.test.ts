import { connect, type Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import type { Emulator } from "../../emulator";
import { useEmulator } from "../support/emulator";
import { listInstances, projectOf } from "./fixtures";
import { signedRequest } from "./signedRequest";

/**
 * One kept-alive connection sending signed listing requests one after another, pausing `pauseMs` between an answer and
 * the next request: a client whose turnaround is known.
 */
async function keptAliveClient(e: Emulator) {
  const url = new URL(e.url);
  const socket: Socket = connect(Number(url.port), url.hostname);
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  // Signed once by the test helper (which sends it once, on a connection of its own), then replayed on this socket.
  const head = await signedHead(e, projectOf(e, "cn-north-4"));
  const send = () => {
    const answer = new Promise<string>((resolve) => {
      let text = "";
      const onData = (chunk: Buffer) => {
        text += chunk.toString("latin1");
        const end = text.indexOf("\r\n\r\n");
        const length = /\r\ncontent-length: *(\d+)/i.exec(text.slice(0, end));
        if (end >= 0 && length && text.length >= end + 4 + Number(length[1])) {
          socket.off("data", onData);
          resolve(text.slice(0, text.indexOf("\r\n")));
        }
      };
      socket.on("data", onData);
    });
    socket.write(head);
    return answer;
  };
  return { send, close: () => socket.destroy() };
}

/** The request line and headers of a signed listing request, as the test helper signs it (Host included). */
async function signedHead(e: Emulator, projectId: string): Promise<string> {
  let captured: Record<string, string> = {};
  // The helper's tamper hook sees the final signed headers; the request it then sends is answered normally.
  await signedRequest(e.url, {
    path: "/v3/backups/offsite-backup-instance",
    query: { limit: "1" },
    headers: { "X-Project-Id": projectId },
    credential: e.credentials,
    tamper: (headers) => {
      captured = headers;
      return headers;
    },
  });
  const lines = Object.entries(captured).map(([name, value]) => `${name}: ${value}\r\n`);
  return `GET /v3/backups/offsite-backup-instance?limit=1 HTTP/1.1\r\n${lines.join("")}\r\n`;
}

describe("client turnaround, as the emulator sees it", () => {
  const emulator = useEmulator();

  it("measures, on a kept-alive connection, the time from an answer written to the next request arriving", async () => {
    const e = emulator();
    const client = await keptAliveClient(e);
    // A latency far longer than the pause: a gap measured from the previous request's arrival would exceed it.
    e.setLatency(300);
    try {
      e.resetStats();
      expect(await client.send()).toBe("HTTP/1.1 200 OK");
      for (let i = 0; i < 3; i++) {
        await sleep(60);
        expect(await client.send()).toBe("HTTP/1.1 200 OK");
      }
    } finally {
      client.close();
    }
    const { sameConnection } = e.clientTurnaround;
    expect(sameConnection.count).toBe(3);
    // At least the pause (the answer was written before the client read it); far under the latency.
    expect(sameConnection.medianMs).toBeGreaterThanOrEqual(60);
    expect(sameConnection.medianMs).toBeLessThan(300);
    expect(sameConnection.p90Ms).toBeGreaterThanOrEqual(sameConnection.medianMs ?? Infinity);
  });

  it("counts no gap for the first request of a connection", async () => {
    const e = emulator();
    const projectId = projectOf(e, "cn-north-4");
    // The test helper opens a connection per request (no agent).
    for (let i = 0; i < 3; i++) expect((await listInstances(e, projectId)).status).toBe(200);
    expect(e.clientTurnaround.sameConnection).toEqual({ count: 0, medianMs: null, p90Ms: null });
  });

  it("measures one request at a time since the last answer on any connection, so a client changing connections still shows its turnaround", async () => {
    const e = emulator();
    const projectId = projectOf(e, "cn-north-4");
    for (let i = 0; i < 4; i++) {
      expect((await listInstances(e, projectId)).status).toBe(200);
      await sleep(40);
    }
    const { idle, sameConnection } = e.clientTurnaround;
    expect(sameConnection.count).toBe(0);
    expect(idle.count).toBe(3);
    expect(idle.medianMs).toBeGreaterThanOrEqual(40);
  });

  it("measures no idle gap for a request that arrives while another awaits its answer", async () => {
    const e = emulator();
    e.setLatency(100);
    const projectId = projectOf(e, "cn-north-4");
    expect((await listInstances(e, projectId)).status).toBe(200);
    // Ten at once: only the first arrives with nothing awaiting an answer; the other nine find it awaiting its own.
    const answers = await Promise.all(Array.from({ length: 10 }, () => listInstances(e, projectId)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    expect(e.clientTurnaround.idle.count).toBe(1);
  });

  it("starts clean after resetStats: an answer written before it starts no gap after it", async () => {
    const e = emulator();
    const projectId = projectOf(e, "cn-north-4");
    expect((await listInstances(e, projectId)).status).toBe(200);
    expect((await listInstances(e, projectId)).status).toBe(200);
    expect(e.clientTurnaround.idle.count).toBe(1);
    e.resetStats();
    expect(e.clientTurnaround.idle).toEqual({ count: 0, medianMs: null, p90Ms: null });
    expect((await listInstances(e, projectId)).status).toBe(200);
    expect(e.clientTurnaround.idle.count).toBe(0);
  });
});
