// ky and p-limit ship as ES modules only while this package is CommonJS (what Pulumi's TypeScript programs load).
// A dynamic import() keeps both loadable from CommonJS and ESM programs on every supported Node version; TypeScript
// preserves it under "module": "NodeNext". Each is loaded once per process.
let ky: Promise<typeof import("ky")> | undefined;
let pLimit: Promise<typeof import("p-limit")> | undefined;

/** The ky module: its default export plus `isHTTPError` / `isTimeoutError` guards. */
export function loadKy() {
  ky ??= import("ky");
  return ky;
}

export async function loadPLimit() {
  pLimit ??= import("p-limit");
  return (await pLimit).default;
}
