import { describe, expect, it } from "vitest";
import { countLine } from "../../src/cli/progress";
import { escapeHtml } from "../../src/cli/readinessPage";
import { formatCoverage, formatDuration, markdownCell } from "../../src/cli/readinessReport";

describe("how the readiness reports write values", () => {
  it.each([
    [0, "0s"],
    [250, "250ms"],
    [90_000, "1m 30s"],
    [15 * 60_000, "15m"],
    [12 * 3_600_000 - 1, "12h"],
    [3 * 86_400_000 + 4 * 3_600_000 + 59_000, "3d 4h"],
    [3 * 86_400_000, "3d"],
  ])("a duration of %d ms reads %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it("coverage is a percent rounded down, so nothing short of full reads 100%", () => {
    expect(formatCoverage(1)).toBe("100%");
    expect(formatCoverage(0.999_999)).toBe("99.99%");
    expect(formatCoverage(0.995)).toBe("99.5%");
    expect(formatCoverage(0)).toBe("0%");
    expect(formatCoverage(undefined)).toBe("-");
  });

  it("outside text cannot break a Markdown table row or inject markup", () => {
    expect(markdownCell("a|b\n<img src=x>*_[link](u)`\u001b")).toBe(
      "a\\|b\uFFFD&lt;img src=x&gt;\\*\\_\\[link\\]\\(u\\)\\`\uFFFD",
    );
  });

  it("progress counts are grouped as a reader expects", () => {
    expect(countLine(412, 5000, "instances")).toBe("412/5,000 instances");
  });

  it("outside text is HTML text, also inside a quoted attribute", () => {
    expect(escapeHtml(`<script>"x" & 'y'\u0007`)).toBe("&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;\uFFFD");
  });
});
