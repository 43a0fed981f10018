// Types for pluginExecutable.mjs.

export declare const PLUGIN_NAME: string;
export declare const PLUGIN_EXECUTABLE: string;
/** `pulumi-resource-<name>-v<version>-<os>-<arch>.tar.gz`, as the engine asks pluginDownloadURL for it. */
export declare function pluginTarballName(version: string, os?: string, arch?: string): string;
/** The plugin tarball of today's sources, from the cache or built into it. */
export declare function ensurePluginTarball(opts?: { log?: (line: string) => void }): Promise<string>;
