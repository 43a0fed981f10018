/**
 * What package.json's `engines` and the README promise is what CI tests: the machine's Node.js line (20) and each line
 * scripts/test-node-versions.mjs runs the suites on again.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { NODE_RUNTIMES } from "../../scripts/node-runtimes.mjs";

const repoRoot = path.resolve(__dirname, "..", "..");
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
  engines: { node: string };
};
const tested = [20, ...Object.keys(NODE_RUNTIMES).map(Number)];

it("engines names exactly the tested Node.js lines, each pinned release within its range", () => {
  const ranges = manifest.engines.node.split("||").map((range) => range.trim());
  expect(ranges.map((range) => Number(/^\^(\d+)\./.exec(range)?.[1]))).toEqual(tested);
  for (const [major, version] of Object.entries(NODE_RUNTIMES)) {
    const floor = ranges
      .find((range) => range.startsWith(`^${major}.`))!
      .slice(1)
      .split(".")
      .map(Number);
    const pinned = version.split(".").map(Number);
    expect(pinned[1]! > floor[1]! || (pinned[1] === floor[1] && pinned[2]! >= floor[2]!), version).toBe(true);
  }
  expect(Number(process.versions.node.split(".")[0])).toSatisfy((major: number) => tested.includes(major));
});

it("the README says which Node.js lines are tested", () => {
  const readme = fs.readFileSync(path.join(repoRoot, "README.md"), "utf8").replaceAll("\n", " ");
  expect(readme).toContain(`Tested on Node.js ${tested.slice(0, -1).join(", ")} and ${tested.at(-1)}`);
  expect(readme).toContain(`\`engines\`: \`${manifest.engines.node}\``);
});
