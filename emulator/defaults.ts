import type { EmulatorCredential } from "./types";

/** Destination region -> instance count: a small, a large (three pages of 100) and a tiny region. */
export const DEFAULT_REGIONS: Readonly<Record<string, number>> = Object.freeze({
  "cn-north-4": 12,
  "ap-southeast-1": 237,
  "eu-west-101": 3,
});

/** Shaped like a real pair (20-character AK, 40-character SK) but valid nowhere else. */
export const DEFAULT_CREDENTIAL: Readonly<EmulatorCredential> = Object.freeze({
  accessKey: "EMULATORAK0000000001",
  secretKey: "EmulatorOnlySecretKey0NotValidInTheCloud",
});

/** The gateway's documented tolerance for X-Sdk-Date. */
export const DEFAULT_MAX_CLOCK_SKEW_MS = 15 * 60_000;
