// Types for provision.mjs (plain ESM so that it runs with no TypeScript loader).

/** Chromium could not be found or installed; the message says which step refused. */
export declare class BrowserProvisionError extends Error {}
/** The path of a headless-capable Chromium, installed from Debian's packages first if none is there. */
export declare function ensureChromium(opts?: { env?: NodeJS.ProcessEnv; log?: (line: string) => void }): string;
