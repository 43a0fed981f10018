import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { cacheBase } from "../../scripts/pulumi-cli/environment.mjs";
import type { EmulatorTarget } from "../support/product";

/** The peer's source (bench/go/main.go): a module of its own is written around a copy of it in the cache. */
const SOURCE = path.join(__dirname, "main.go");
/** Goroutines: the product's default concurrency, as the issue asks. */
export const GO_WORKERS = 16;

export interface GoRun {
  /** Wall time of the work inside the Go process (after it started and read its input), ms. */
  ms: number;
  requests: number;
  failed: number;
}

/**
 * The Go peer built against the official SDK from the Go module proxy, once per version of its source, under a build
 * lock, into `<cache>/bench/go-peer-<sdk version>/` (the cache the tests' language hosts and official SDKs use, so a
 * machine that ran the tests has the modules). The first build compiles the SDK's RDS package: a minute or two.
 */
export async function ensureGoPeer(log: (line: string) => void): Promise<string> {
  // The SDK version the contract tests pin, built as their test program is, so the bench measures the SDK they check.
  // A dynamic import: the module ends with a top-level await (its command line), which the bench's CommonJS cannot
  // require.
  const { buildGoSdkProgram, GO_SDK } = await import("../../scripts/official-sdks/provision.mjs");
  return buildGoSdkProgram({
    dir: path.join(cacheBase(), "bench", `go-peer-${GO_SDK.version}`),
    name: "go-peer",
    source: fs.readFileSync(SOURCE, "utf8"),
    title: "the Go peer",
    step: "Go peer",
    log,
  });
}

/** What the peer needs to reach the emulator; nothing else of the bench's environment (no HW_* variables). */
function peerEnv(target: EmulatorTarget, region: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const projectId = target.projects[region];
  if (projectId === undefined) throw new Error(`the emulator has no project for ${region}`);
  return {
    PATH: process.env.PATH ?? "",
    RDS_ENDPOINT: target.url,
    REGION: region,
    PROJECT_ID: projectId,
    AK: target.credentials.accessKey,
    SK: target.credentials.secretKey,
    WORKERS: String(GO_WORKERS),
    ...extra,
  };
}

/**
 * Runs the peer's `lookups` (instance ids on stdin) or `scan` mode with `workers` goroutines and returns what it
 * measured.
 */
export function runGoPeer(
  binary: string,
  mode: "lookups" | "scan",
  target: EmulatorTarget,
  region: string,
  instanceIds: readonly string[] = [],
  workers = GO_WORKERS,
): Promise<GoRun> {
  return new Promise((resolve, reject) => {
    const env = peerEnv(target, region, { WORKERS: String(workers) });
    const child = spawn(binary, [mode], { env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0)
        return reject(new Error(`the Go peer (${mode}) exited with ${code}: ${stderr.trim().slice(0, 500)}`));
      try {
        resolve(JSON.parse(stdout) as GoRun);
      } catch {
        reject(new Error(`the Go peer (${mode}) printed no result: ${JSON.stringify(stdout.slice(0, 200))}`));
      }
    });
    child.stdin.end(instanceIds.map((id) => `${id}\n`).join(""));
  });
}

/**
 * Time from spawning a process to the first line it prints ("answered", after its first lookup): the cold first
 * call, process start, runtime and library loading included.
 */
export function timeToFirstAnswer(file: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(file, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let answeredAt: number | undefined;
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      if (answeredAt === undefined && chunk.toString().includes("answered")) answeredAt = performance.now();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0 || answeredAt === undefined)
        return reject(
          new Error(`${path.basename(file)} did not answer (exit ${code}): ${stderr.trim().slice(0, 500)}`),
        );
      resolve(answeredAt - started);
    });
  });
}

/** The Go peer's first call: `first` mode, one lookup of `instanceId`. */
export function goFirstCall(binary: string, target: EmulatorTarget, region: string, instanceId: string) {
  return timeToFirstAnswer(binary, ["first"], peerEnv(target, region, { INSTANCE_ID: instanceId }));
}
