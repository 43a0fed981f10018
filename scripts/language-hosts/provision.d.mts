// Types for provision.mjs (plain ESM so that it runs with no TypeScript loader).

export type Language = "yaml" | "python" | "go" | "java";

/** Where each language host's `main` package lives on the Go module proxy. */
export declare const LANGUAGE_HOSTS: Record<
  Language,
  { module: string; version: string; pkg: string; what: string; companions?: string[]; replaces?: string[] }
>;
/** `<cache>/language-hosts/<language>-<version>`. */
export declare function languageHostDir(language: Language, env?: NodeJS.ProcessEnv): string;
/** The directory holding `pulumi-language-<language>`, built first when the cache lacks it. */
export declare function ensureLanguageHost(
  language: Language,
  opts?: { log?: (line: string) => void },
): Promise<string>;
