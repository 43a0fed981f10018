// Types for node-runtimes.mjs.

/** Pinned Node.js release per major line provisioned from the npm registry. */
export declare const NODE_RUNTIMES: Readonly<Record<number, string>>;
/** The Node.js line the self-contained plugin embeds. */
export declare const EMBEDDED_NODE_MAJOR: number;
/** The `bin` directory holding `node` of the pinned release of `major`, provisioned if missing. */
export declare function ensureNodeRuntime(major: number, opts?: { log?: (line: string) => void }): Promise<string>;
