import * as pulumi from "@pulumi/pulumi";

/**
 * An error @pulumi/pulumi's program runner prints as its message alone, on one line, once: a `pulumi.RunError`, or a
 * `pulumi.ResourceError` (stack hidden) shown under `resource`'s name. Throw it where the program is still running
 * (a constructor, a function's promise the program awaits).
 *
 * Two things in @pulumi/pulumi 3.248 would otherwise add to that line. The serializer of resource inputs and outputs
 * prefixes the message of an error it meets with `error serializing property "<name>": ` by assigning to `message`
 * (runtime/rpc.js, `serializeFilteredProperties`), once per property on the way: this message ignores such
 * assignments. And the runner formats every uncaught error with `util.inspect` for a tracing event (cmd/run/run.js,
 * `defaultErrorMessage`), which takes minutes on Node 20.20 for a stack with source-mapped SDK frames
 * (docs/engine-facts.md): this error has no stack, so it is never formatted.
 */
export function programError(message: string, resource?: pulumi.Resource): Error {
  const error =
    resource === undefined ? new pulumi.RunError(message) : new pulumi.ResourceError(message, resource, true);
  Object.defineProperties(error, {
    message: { get: () => message, set: () => {}, enumerable: false, configurable: true },
    stack: { value: undefined, writable: true, enumerable: false, configurable: true },
  });
  return error;
}

/**
 * The exit status @pulumi/pulumi's program runner (cmd/run) gives a program that logged its error to the user: the
 * Node language host then fails the operation without a message of its own.
 */
const EXITED_AFTER_LOGGING_ERROR = 32;

/**
 * Fails the program with `message`, shown once, on one line, under `resource`'s name (the stack's without one), from
 * a callback that runs after the program's own code may have finished (an `apply` over a read's outputs). The promise
 * returned never resolves, so no resource whose inputs wait on it is registered: in `up` it is not created.
 *
 * Why not reject: once a program's exported values are known, @pulumi/pulumi's runner (3.248, cmd/run/index.js,
 * `uncaughtHandler` while `programRunning` is false) prints an uncaught error as `err.stack || err.message` under the
 * stack, whatever the error's resource. So, in a program the Node language host runs, the message is logged under the
 * resource and the program exits with the runner's own status for a logged error. An Automation API inline program
 * has no such runner: there the promise rejects with {@link programError}, which the inline runner prints under the
 * resource (and repeats in its summary, `One or more errors occurred: …`, automation/server.js).
 */
export function stopProgram(message: string, resource?: pulumi.Resource): Promise<never> {
  if (!runByNodeLanguageHost()) return Promise.reject(programError(message, resource));
  void pulumi.log.error(message, resource);
  if (!process.exitCode) process.exitCode = EXITED_AFTER_LOGGING_ERROR;
  return new Promise<never>(() => {});
}

/** The Node language host's runner puts the engine's address here for every copy of @pulumi/pulumi (cmd/run/index.js). */
function runByNodeLanguageHost(): boolean {
  return process.env.PULUMI_NODEJS_MONITOR !== undefined;
}

/**
 * What the function `name` (`checkRestoreTime`, …) fails with, as a program shows it: `error` itself, so a caller that
 * catches it still tells its kind (`isInvalidArgumentError(error)`), its message prefixed with the function's name,
 * without a stack, and marked as a `pulumi.RunError` by the field @pulumi/pulumi recognises one by across copies of
 * itself (`RunError.isInstance`): a program that does not catch it stops with that one line.
 */
export async function asProgramFunction<T>(name: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    const message = `${name}: ${error.message}`;
    Object.defineProperties(error, {
      message: { get: () => message, set: () => {}, enumerable: false, configurable: true },
      stack: { value: undefined, writable: true, enumerable: false, configurable: true },
      __pulumiRunError: { value: true, enumerable: false },
    });
    throw error;
  }
}
