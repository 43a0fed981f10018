import { afterAll } from "vitest";
import { type Emulator, type EmulatorOptions, startEmulator } from "../../emulator";
import type { ConfigurationLookup } from "../../src/core/dataSources/configurationLookup";
import { environmentFor } from "../support/emulatorEnvironment";

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
