import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { credentialServices } from "./credentialServices";
import { EmulatorDataset } from "./dataset";
import { DEFAULT_CREDENTIAL, DEFAULT_MAX_CLOCK_SKEW_MS, DEFAULT_REGIONS } from "./defaults";
import { FaultQueue } from "./faults";
import { ProjectDirectory } from "./projects";
import { RateLimiter } from "./rateLimit";
import { RequestStats } from "./requestStats";
import { createRequestListener, type ServerState } from "./server";
import type { Emulator, EmulatorCredential, EmulatorOptions } from "./types";

const HOUR = 3_600_000;

function requireCount(what: string, n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new Error(`${what} must be an integer >= 0, got ${n}`);
  return n;
}

function credentialMap(credentials: readonly EmulatorCredential[]): Map<string, EmulatorCredential> {
  if (credentials.length === 0) throw new Error("options.credentials must hold at least one pair");
  const map = new Map<string, EmulatorCredential>();
  for (const credential of credentials) map.set(credential.accessKey, { ...credential });
  return map;
}

/**
 * Starts a local emulator of the two RDS offsite-backup APIs and IAM's project listing on 127.0.0.1, verifying
 * SDK-HMAC-SHA256 signatures like the API gateway.
 *
 * @example
 * const emulator = await startEmulator({ regions: { "cn-north-4": 150 } });
 * // ... point a client at emulator.url with emulator.credentials ...
 * await emulator.close();
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) throw new Error(`options.seed must be an integer, got ${seed}`);
  const regions = options.regions ?? DEFAULT_REGIONS;
  for (const [region, n] of Object.entries(regions)) requireCount(`options.regions["${region}"]`, n);
  const projectCounts: Record<string, number> = {};
  const readinessRegion = options.readinessCases === undefined ? [] : [options.readinessCases];
  for (const region of [...Object.keys(regions), ...readinessRegion, ...Object.keys(options.projectsPerRegion ?? {})]) {
    projectCounts[region] = requireCount(
      `options.projectsPerRegion["${region}"]`,
      options.projectsPerRegion?.[region] ?? 1,
    );
  }
  const anchorTime = options.anchorTime ?? Math.floor(Date.now() / HOUR) * HOUR;
  const credentials = credentialMap(options.credentials ?? [DEFAULT_CREDENTIAL]);
  const projects = new ProjectDirectory(seed, projectCounts);

  const state: ServerState = {
    dataset: new EmulatorDataset(seed, anchorTime, regions, Object.keys(projectCounts), options.readinessCases),
    projects,
    credentials,
    faults: new FaultQueue(),
    stats: new RequestStats(),
    maxClockSkewMs: options.maxClockSkewMs ?? DEFAULT_MAX_CLOCK_SKEW_MS,
    origin: "",
    latencyMs: requireCount("options.latencyMs", options.latencyMs ?? 0),
    hook: undefined,
    rateLimit: options.rateLimit === undefined ? undefined : new RateLimiter(options.rateLimit),
  };
  // Issue 20: IAM's temporary-credential exchanges answer before the RDS/IAM listener.
  const exchanges = credentialServices(credentials, options.credentialServices);
  const listener = createRequestListener(state);
  const server = createServer((req, res) => {
    exchanges.handleIam(req, res).then(
      (handled) => handled || listener(req, res),
      (error: unknown) => {
        console.error("emulator: credential exchange failed:", error);
        if (!res.headersSent) res.writeHead(500).end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port: options.port ?? 0, host: "127.0.0.1", backlog: 1024 }, () => resolve());
  });
  state.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const firstCredential = credentials.values().next().value as EmulatorCredential;

  return {
    url: state.origin,
    credentials: { ...firstCredential },
    projects: projects.firstByRegion(),
    dataset: state.dataset,
    get requests() {
      return state.stats.entries;
    },
    get maxInFlight() {
      return state.stats.maxInFlight;
    },
    get inFlight() {
      return state.stats.inFlight;
    },
    get clientTurnaround() {
      return state.stats.clientTurnaround;
    },
    resetStats: () => state.stats.reset(),
    setLatency: (ms) => {
      state.latencyMs = requireCount("latency", ms);
    },
    queueFault: (fault) => state.faults.add(fault),
    get faultsPending() {
      return state.faults.pending;
    },
    credentialServices: exchanges.api,
    onRequest: (hook) => {
      state.hook = hook;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
