// Types for pythonEnvironment.mjs.

export declare const PYTHON_REQUIREMENTS: readonly string[];
/** The `bin` directory of the cached virtual environment with the Pulumi Python SDK, created if missing. */
export declare function ensurePythonEnvironment(opts?: { log?: (line: string) => void }): Promise<string>;
/** Installs a Python package directory into `target` (for PYTHONPATH), metadata included, without its dependencies. */
export declare function installPythonPackage(packageDir: string, target: string): Promise<void>;
