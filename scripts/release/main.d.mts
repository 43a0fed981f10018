// Types for main.mjs.

/** What `npm run dist` built: absolute paths. */
export interface ReleaseArtifacts {
  /** pulumi-resource-huaweicloud-rds-offsite-v<version>-linux-amd64.tar.gz */
  plugin: string;
  /** The Python wheel and sdist. */
  python: string[];
  /** The Go SDK module's directory. */
  go: string;
  /** The Java SDK's jar and pom (com.pulumi:huaweicloudrdsoffsite). */
  java: { jar: string; pom: string };
  /** The npm tarball. */
  npm: string;
  /** The plugin's schema. */
  schema: string;
}
/** release/ in the repository. */
export declare const RELEASE_DIR: string;
/** Builds every artifact into `outDir` (default release/) from the compiled dist/. */
export declare function buildRelease(outDir?: string): Promise<ReleaseArtifacts>;
