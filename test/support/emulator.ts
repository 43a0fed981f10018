// The emulator fixture every test uses: its lifecycle for a test file (`useEmulator` in hooks, `emulatorForFile` at the
// top level), the environment a user would export for it, and the client configuration (environment + stack config).
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

/** One emulator per test file, its stats, faults and hook reset before each test. */
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

/** An emulator for the current test file, closed after it, plus the configuration that points the client at it. */
export async function emulatorForFile(options: EmulatorOptions = {}) {
  const emulator = await startEmulator(options);
  afterAll(() => emulator.close());
  return { emulator, lookup: lookupFor(emulator) };
}

/** Client configuration for the emulator, with short retry delays so retry tests stay fast. */
export function lookupFor(emulator: Emulator, stackConfig: Record<string, string> = {}): ConfigurationLookup {
  const config: Record<string, string> = { retryBaseDelayMs: "5", ...stackConfig };
  return { env: environmentFor(emulator), stackConfig: (key) => config[key] };
}

/** Every request the emulator saw for an operation. */
export function requestsOf(emulator: Emulator, operation: string) {
  return emulator.requests.filter((entry) => entry.operation === operation);
}
