// The emulator fixture every test uses. Its lifecycle: `emulatorForFile` at a file's top level, `useEmulator` for a
// describe block whose tests each start from clean stats, faults and hooks, `withEmulator` for one test. Then the
// environment a user would export for it, the client configuration (environment + stack config), and the Pulumi stack
// config that points a program at it.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { type Emulator, type EmulatorOptions, startEmulator } from "../../emulator";
import type { ConfigurationLookup } from "../../src/core/dataSources/configurationLookup";

/** Environment a user would export for the emulator (as `npm run emulator` prints it). */
export function environmentFor(emulator: Emulator, region = "ap-southeast-1"): Record<string, string> {
  return {
    HW_ACCESS_KEY: emulator.credentials.accessKey,
    HW_SECRET_KEY: emulator.credentials.secretKey,
    HW_REGION_NAME: region,
    HW_RDS_ENDPOINT: emulator.url,
    HW_IAM_ENDPOINT: emulator.url,
  };
}

/** One emulator for the test file or describe block calling this, its stats, faults and hook reset before each test. */
export function useEmulator(options: EmulatorOptions = {}): () => Emulator {
  let emulator: Emulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator(options);
  });
  afterAll(async () => {
    await emulator?.close();
  });
  beforeEach(() => {
    emulator?.resetStats();
    emulator?.onRequest(undefined);
    emulator?.setLatency(0);
  });
  return () => {
    if (!emulator) throw new Error("emulator not started");
    return emulator;
  };
}

/**
 * An emulator for the current test file, started at once (for top-level await) and closed after the file, plus the
 * configuration that points the client at it.
 */
export async function emulatorForFile(options: EmulatorOptions = {}) {
  const emulator = await startEmulator(options);
  afterAll(() => emulator.close());
  return { emulator, lookup: lookupFor(emulator) };
}

/** An emulator for one test: started, handed to `use`, closed when what `use` returns has settled. */
export async function withEmulator<T>(
  options: EmulatorOptions,
  use: (emulator: Emulator) => T | Promise<T>,
): Promise<T> {
  const emulator = await startEmulator(options);
  try {
    return await use(emulator);
  } finally {
    await emulator.close();
  }
}

/** Client configuration for the emulator, with short retry delays so retry tests stay fast. */
export function lookupFor(emulator: Emulator, stackConfig: Record<string, string> = {}): ConfigurationLookup {
  const config: Record<string, string> = { retryBaseDelayMs: "5", ...stackConfig };
  return { env: environmentFor(emulator), stackConfig: (key) => config[key] };
}

/** The restore-gate tests' emulator: five instances at a fixed time. */
const GATE_EMULATOR: EmulatorOptions = { regions: { "ap-southeast-1": 5 }, anchorTime: Date.UTC(2026, 10, 20, 12) };

/** The restore-gate tests' emulator for the current test file; the first instance and its latest restorable moment. */
export async function gateEmulatorForFile(): Promise<{ emulator: Emulator; instanceId: string; latest: number }> {
  const { emulator } = await emulatorForFile(GATE_EMULATOR);
  const instanceId = emulator.dataset.instances("ap-southeast-1")[0]!.id;
  return { emulator, instanceId, latest: latestRestorable(emulator, instanceId) };
}

/** The latest moment an instance's cross-region backup can be restored to: the end of its last range. */
export function latestRestorable(emulator: Emulator, instanceId: string): number {
  return Math.max(...emulator.dataset.restoreRanges(instanceId).map((range) => range.end_time));
}

/** Stack config that points both a Pulumi program and its provider process at the emulator; the secret key as a secret. */
export function emulatorConfig(
  emulator: Emulator,
  region = "ap-southeast-1",
): Record<string, string | { value: string; secret: boolean }> {
  return {
    "huaweicloud:region": region,
    "huaweicloud:accessKey": emulator.credentials.accessKey,
    "huaweicloud:secretKey": { value: emulator.credentials.secretKey, secret: true },
    "huaweicloud-rds-offsite:rdsEndpoint": emulator.url,
    "huaweicloud-rds-offsite:iamEndpoint": emulator.url,
  };
}

/** Every request the emulator saw for an operation. */
export function requestsOf(emulator: Emulator, operation: string) {
  return emulator.requests.filter((entry) => entry.operation === operation);
}
