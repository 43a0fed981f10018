// Types for pythonEnvironment.mjs.

export declare const PYTHON_REQUIREMENTS: readonly string[];
/** The `bin` directory of the cached virtual environment with the Pulumi Python SDK, created if missing. */
export declare function ensurePythonEnvironment(opts?: { log?: (line: string) => void }): Promise<string>;
/** Installs a Python package directory into `target` (for PYTHONPATH), metadata included, without its dependencies. */
export declare function installPythonPackage(packageDir: string, target: string): Promise<void>;
export declare const PYTHON_BUILD_REQUIREMENTS: readonly string[];
/** The `bin` directory of the cached virtual environment with PyPI's `build` and setuptools, created if missing. */
export declare function ensurePythonBuildEnvironment(opts?: { log?: (line: string) => void }): Promise<string>;
/** Runs a command; resolves with its output, rejects with a provisioning error carrying it. */
export declare function run(command: string, args: string[], step?: string): Promise<string>;
