// Types for provision.mjs (plain ESM so that it runs with no TypeScript loader).

/** The Go SDK module and its pinned version. */
export declare const GO_SDK: { module: string; version: string };
/** The pinned Python SDK requirements. */
export declare const PYTHON_SDK: string[];
/** The test program built against the Go SDK, built first when the cache lacks it (or its source changed). */
export declare function ensureGoSdkProgram(opts?: { log?: (line: string) => void }): Promise<string>;
/** The `python` of a virtual environment with the Python SDK, created first when the cache lacks it. */
export declare function ensurePythonSdk(opts?: { log?: (line: string) => void }): Promise<string>;
