// ky ships as an ES module only while this package is CommonJS (what Pulumi's TypeScript programs load). A dynamic
// import() keeps it loadable from CommonJS and ESM programs on every supported Node version; TypeScript preserves it
// under "module": "NodeNext". It is loaded once per process.
let ky: Promise<typeof import("ky")> | undefined;

/** The ky module: its default export plus `isHTTPError` / `isTimeoutError` guards. */
export function loadKy() {
  ky ??= import("ky");
  return ky;
}
