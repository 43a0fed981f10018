import { describe, expect, it } from "vitest";
import { DEFAULT_OUT, parseBenchArgs } from "../../bench/support/args";

// `npm run bench` changes no committed file unless asked (issue 21): figures are printed, and written only with
// --record (bench/results/latest.json) or --out FILE.
describe("npm run bench's arguments", () => {
  it("writes nothing by default", () => {
    expect(parseBenchArgs([]).out).toBeUndefined();
    expect(parseBenchArgs(["--only", "scan"]).only).toEqual(["scan"]);
  });

  it("records to the committed file only with --record, elsewhere with --out", () => {
    expect(parseBenchArgs(["--record"]).out).toBe(DEFAULT_OUT);
    expect(parseBenchArgs(["--out", "/tmp/x.json"]).out).toBe("/tmp/x.json");
  });
});
