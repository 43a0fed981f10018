// Types for codegen.mjs (plain ESM so that `npm run sdks` needs no TypeScript loader).

/** The cached SDK generator built from codegen/ (built first when its sources changed). */
export declare function ensureCodegen(opts?: {
  generator?: "codegen" | "codegen/java";
  log?: (line: string) => void;
}): Promise<string>;
/** Writes `<outDir>/python` and `<outDir>/go` from `schema` (default: schema/schema.json into the repository's sdks/). */
export declare function generateSdks(outDir?: string, schema?: string): Promise<void>;
/** Writes the Java SDK's sources into `outDir` from `schema`. */
export declare function generateJavaSdk(outDir: string, schema: string): Promise<void>;
