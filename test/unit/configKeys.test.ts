import fs from "node:fs";
import path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { afterEach, describe, expect, it, vi } from "vitest";
import { settingsFor } from "../../src/core/dataSources/configurationLookup";
import { programConfiguration } from "../../src/pulumi/functions/programConfiguration";
import { configure } from "../../src/pulumi/provider/configuration";
import { HUAWEICLOUD_PROVIDER_CONFIG_KEYS } from "./fixtures/huaweicloudProviderConfigKeys";

const published = new Set<string>(HUAWEICLOUD_PROVIDER_CONFIG_KEYS);
const unpublished = (keys: Iterable<string>) =>
  [...keys].filter((key) => key.startsWith("huaweicloud:") && !published.has(key.slice("huaweicloud:".length)));

afterEach(() => vi.restoreAllMocks());

describe("only keys the huaweicloud provider defines are read from huaweicloud:*", () => {
  it("in the program (pulumi.Config)", () => {
    const read = new Set<string>();
    const get = pulumi.Config.prototype.get;
    vi.spyOn(pulumi.Config.prototype, "get").mockImplementation(function (this: pulumi.Config, key, opts) {
      read.add(`${this.name}:${key}`);
      return get.call(this, key, opts);
    });
    settingsFor(
      {},
      { ...programConfiguration(), env: { HW_REGION_NAME: "cn-north-4", HW_ACCESS_KEY: "a", HW_SECRET_KEY: "s" } },
    );
    expect([...read].filter((key) => key.startsWith("huaweicloud:")).length).toBeGreaterThan(0);
    expect(unpublished(read)).toEqual([]);
    expect([...read].filter((key) => key.startsWith("huaweicloud-rds-offsite:"))).toContain(
      "huaweicloud-rds-offsite:rdsEndpoint",
    );
  });

  it("in the provider process (the configure request)", async () => {
    const read = new Set<string>();
    await configure({ config: { get: (key: string) => void read.add(key) } } as never);
    expect([...read].filter((key) => key.startsWith("huaweicloud:")).length).toBeGreaterThan(0);
    expect(unpublished(read)).toEqual([]);
  });

  it("in the repository's programs, examples, benchmarks and docs", () => {
    const roots = [
      "src/core",
      "src/pulumi",
      "scripts",
      "examples",
      "bench",
      "docs",
      "README.md",
      "test/e2e/product.ts",
    ];
    const used = new Set<string>();
    for (const file of roots.flatMap((root) => filesUnder(path.resolve(__dirname, "../..", root)))) {
      for (const match of fs.readFileSync(file, "utf8").matchAll(/huaweicloud:([A-Za-z]+)/g)) {
        used.add(`huaweicloud:${match[1]}`);
      }
    }
    expect(used).toContain("huaweicloud:region");
    expect(unpublished(used)).toEqual([]);
  });
});

function filesUnder(target: string): string[] {
  if (!fs.statSync(target).isDirectory()) return [target];
  return fs
    .readdirSync(target, { withFileTypes: true })
    .filter((entry) => entry.name !== "node_modules" && entry.name !== "results")
    .flatMap((entry) => filesUnder(path.join(target, entry.name)));
}
