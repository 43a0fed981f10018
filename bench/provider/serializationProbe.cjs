// Runs in a fresh Node process (no tsx: the closure serializer must see the compiled code exactly as a user's
// program loads it). Registers data-source resources under Pulumi's mock runtime and records, for each one, when its
// `__provider` text reached the (mock) engine. Prints one JSON line. Usage: node serializationProbe.cjs <further>
"use strict";
const further = Number(process.argv[2] ?? "50");
/**
 * When each resource reached the mock engine, and the provider text it carried.
 * @type {Map<string, { at: number, provider: unknown }>}
 */
const arrived = new Map();
const pulumi = require("@pulumi/pulumi");

pulumi.runtime.setMocks(
  {
    newResource: (args) => {
      arrived.set(args.name, { at: performance.now(), provider: args.inputs.__provider });
      return { id: args.id ?? `${args.name}-id`, state: { ...args.inputs, ranges: [] } };
    },
    call: () => ({}),
  },
  "bench",
  "serialization",
  true,
);

const loadStarted = performance.now();
const product = require("pulumi-huaweicloud-rds-offsite");
const loadMs = performance.now() - loadStarted;

/**
 * Registers `count` data sources and waits until the mock engine has seen every one of them.
 * @param {string} prefix
 * @param {number} count
 */
async function register(prefix, count) {
  const started = performance.now();
  const names = Array.from({ length: count }, (_, index) => `${prefix}-${index}`);
  const resources = names.map(
    (name, index) =>
      new product.OffsiteRestoreTimeRanges(name, { instanceId: `${index.toString(16).padStart(8, "0")}in01` }),
  );
  await Promise.all(resources.map((resource) => promiseOf(resource.urn)));
  while (!names.every((name) => arrived.has(name))) await new Promise((resolve) => setImmediate(resolve));
  return { ms: performance.now() - started, provider: arrived.get(`${prefix}-0`)?.provider };
}

/**
 * @template T
 * @param {import("@pulumi/pulumi").Output<T>} output
 * @returns {Promise<T>}
 */
function promiseOf(output) {
  return new Promise((resolve) => output.apply(resolve));
}

async function main() {
  const first = await register("first", 1);
  const rest = await register("further", further);
  // What the cache saves: the same serialization, done again from scratch (the closure serializer is warm by now).
  const serializeClosure = require("@pulumi/pulumi/runtime/closure/serializeClosure");
  const handle = require("../../dist/pulumi/resources/providerHandle.js").providerHandle("offsiteRestoreTimeRanges");
  const uncachedStarted = performance.now();
  const uncached = await serializeClosure.serializeFunction(() => handle, { allowSecrets: true });
  const uncachedMs = performance.now() - uncachedStarted;
  process.stdout.write(
    `${JSON.stringify({
      loadMs,
      firstMs: first.ms,
      furtherCount: further,
      furtherTotalMs: rest.ms,
      uncachedSerializeMs: uncachedMs,
      providerText: first.provider,
      providerTextSameForFurther: rest.provider === first.provider,
      uncachedTextLength: uncached.text.length,
    })}\n`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
