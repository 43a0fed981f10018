// Loaded by every vitest project (vitest.config.mts `setupFiles`). The credential chain's last source is the ECS
// metadata service at 169.254.169.254: a test whose environment object lacks HW_METADATA_ENDPOINT and has no key falls
// through to it. Here that is a one-second timeout; on a CI runner that is an ECS instance it is the runner's own
// agency credential, signing the test's requests. So no test process may open a connection there: the connection is
// refused at once and the test fails, naming the setting it lacks.
import net from "node:net";
import { afterAll, afterEach, expect } from "vitest";
import { metadataGuardMessage, recordMetadataConnection, takeMetadataConnections } from "./metadataConnections";

/** The metadata service's address: Huawei's and other clouds' IPv4 one, and the IPv6 one AWS-like services use. */
const METADATA_ADDRESSES = new Set(["169.254.169.254", "::ffff:169.254.169.254", "::ffff:a9fe:a9fe", "fd00:ec2::254"]);

/** `host` and `port` of a `Socket#connect` call, in each of its shapes: `(options)`, `(port, host)`, net's normalised `[options, cb]`. */
function destinationOf(args: readonly unknown[]): { host: string; port: string } | undefined {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (typeof first === "object" && first !== null) {
    const { host, port } = first as { host?: unknown; port?: unknown };
    return typeof host === "string" ? { host, port: String(port ?? "") } : undefined;
  }
  if (typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first))) {
    return { host: typeof args[1] === "string" ? args[1] : "localhost", port: String(first) };
  }
  return undefined;
}

const isMetadataAddress = (host: string) => METADATA_ADDRESSES.has(host.replace(/^\[|\]$/g, "").toLowerCase());

// Every TCP client in Node (http, fetch's bundled undici, the undici package, tls) connects through Socket#connect, so
// this one method sees them all. Patched rather than intercepted per library: the product uses three of them.
// Wrapped once per worker (the built-in module outlives each test file's module graph), around Node's own method.
const UNGUARDED = Symbol.for("rds-offsite.test.unguardedConnect");
type Connect = typeof net.Socket.prototype.connect & { [UNGUARDED]?: typeof net.Socket.prototype.connect };
const connect = (net.Socket.prototype.connect as Connect)[UNGUARDED] ?? net.Socket.prototype.connect;
const guarded: Connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const destination = destinationOf(args);
  if (destination && isMetadataAddress(destination.host)) {
    recordMetadataConnection({
      test: `${expect.getState().testPath ?? "a test file"} > ${expect.getState().currentTestName ?? "a hook outside any test"}`,
      address: `${destination.host}:${destination.port}`,
    });
    // Refused as a closed port would be, asynchronously: the caller's error handling runs as it would in production.
    const refusal = Object.assign(new Error(`connect ECONNREFUSED ${destination.host} (test metadata guard)`), {
      code: "ECONNREFUSED",
    });
    process.nextTick(() => this.destroy(refusal));
    return this;
  }
  return (connect as (...connectArgs: unknown[]) => net.Socket).apply(this, args);
} as typeof connect;
guarded[UNGUARDED] = connect;
net.Socket.prototype.connect = guarded;

function failOnAttempts() {
  const connections = takeMetadataConnections();
  if (connections.length > 0) throw new Error(metadataGuardMessage(connections));
}

afterEach(failOnAttempts);
afterAll(failOnAttempts);
