/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The page is read as a browser shows it: code inside page.$$eval runs in Chromium, hence the DOM types.
import fs from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureChromium } from "../../scripts/browser/provision.mjs";
import { assertBuilt, runCommand } from "../cli/runCommand";
import { emulatorForFile, environmentFor } from "../support/emulator";

const REGION = "ap-southeast-3";
const ANCHOR = Date.UTC(2026, 11, 1, 6);
const DAY = 86_400_000;
/** Kept for a person to look at (test-results/ is git-ignored). */
const artifacts = path.resolve(__dirname, "..", "..", "test-results", "readiness-page");

let browser: Browser;
let page: Page;
const requested: string[] = [];

interface ShownRow {
  id: string;
  status: string;
  text: string;
  track: { x: number; width: number };
  bars: Record<"range" | "gap" | "lag", { x: number; width: number; start: number; end: number }[]>;
}

const { emulator } = await emulatorForFile({ anchorTime: ANCHOR, regions: { [REGION]: 4 }, readinessCases: REGION });
beforeAll(async () => {
  assertBuilt();
  // Debian's chromium, installed by apt-get the first time on a fresh machine (minutes).
  const executablePath = ensureChromium();
  fs.mkdirSync(artifacts, { recursive: true });
  const file = path.join(artifacts, "readiness.html");
  const run = await runCommand(
    ["readiness", "--as-of", new Date(ANCHOR).toISOString(), "--max-lag", "15m", "--html", file],
    { ...environmentFor(emulator, REGION), HW_MAX_RETRIES: "0" },
  );
  expect(run.status).toBe(1);
  browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on("request", (request) => requested.push(request.url()));
  await page.goto(`file://${file}`);
}, 900_000);

afterAll(async () => {
  await browser?.close();
});

/** What is on screen: each instance row's text, status, and the boxes of its bars. */
function shownRows(): Promise<ShownRow[]> {
  return page.$$eval("section.instance", (sections) =>
    sections.map((section) => {
      const box = (element: Element) => {
        const rect = element.getBoundingClientRect();
        return { x: rect.x, width: rect.width };
      };
      const track = section.querySelector("rect.track");
      const bars = (kind: string) =>
        [...section.querySelectorAll(`rect.${kind}`)].map((element) => ({
          ...box(element),
          start: Number(element.getAttribute("data-start")),
          end: Number(element.getAttribute("data-end")),
        }));
      return {
        id: section.getAttribute("data-id") ?? "",
        status: section.querySelector(".status")?.textContent ?? "",
        text: (section as HTMLElement).innerText,
        track: track ? box(track) : { x: 0, width: 0 },
        bars: { range: bars("range"), gap: bars("gap"), lag: bars("lag") },
      };
    }),
  );
}

describe("the readiness page in a browser", () => {
  it("shows the verdict and the counts at the head", async () => {
    const header = await page.locator("header").innerText();
    expect(header).toContain(`Recovery readiness of ${REGION}`);
    expect(header).toContain("Not ready: 7 of 10 instances not ok");
    expect(header).toContain("As of 2026-12-01T06:00:00.000Z · max lag 15m · min coverage 99%");
  });

  it("shows one row per instance, the worst on top", async () => {
    const rows = await shownRows();
    expect(rows.map((row) => row.id).sort()).toEqual(
      emulator.dataset
        .instances(REGION)
        .map((instance) => instance.id)
        .sort(),
    );
    const severity = ["OK", "GAPS", "STALE", "UNPROTECTED", "ERROR"];
    const shown = rows.map((row) => severity.indexOf(row.status.toUpperCase()));
    expect(shown).toEqual([...shown].sort((a, b) => b - a));
    expect(rows[0]?.text).toContain("dr-failing-ledger");
    expect(rows[0]?.text).toContain("DBS.108000: GET /v3/");
    expect(rows[1]?.text).toContain('crm <legacy> & "old"\uFFFD[31m');
    expect(rows[1]?.text).toContain("No restorable time at all.");
  });

  it("draws a bar where each range is, a mark under each gap and the lag at the end", async () => {
    const rows = await shownRows();
    const holes = rows.find((row) => row.id.startsWith("ca5e0002"))!;
    const windowStart = ANCHOR - 7 * DAY;
    const at = (time: number) =>
      holes.track.x + ((time - windowStart) / (ANCHOR + 1 - windowStart)) * holes.track.width;
    const ranges = emulator.dataset.restoreRanges(holes.id);
    expect(holes.bars.range).toHaveLength(ranges.length);
    holes.bars.range.forEach((bar, index) => {
      expect(bar.x).toBeCloseTo(at(ranges[index]!.start_time), 0);
      expect(bar.x + bar.width).toBeCloseTo(at(ranges[index]!.end_time + 1), 0);
    });
    // The holes of 6 and 12 hours, each exactly where no bar is.
    expect(holes.bars.gap.map((gap) => Math.round((gap.end + 1 - gap.start) / 3_600_000))).toEqual([6, 12]);
    for (const gap of holes.bars.gap) {
      expect(gap.x).toBeCloseTo(at(gap.start), 0);
      expect(holes.bars.range.some((bar) => bar.x < gap.x + gap.width - 1 && gap.x + 1 < bar.x + bar.width)).toBe(
        false,
      );
    }
    const stale = rows.find((row) => row.id.startsWith("ca5e0001"))!;
    const [lag] = stale.bars.lag;
    // Backups stopped 3 days ago: the lag fills the last 3 of 7 days, up to the right end.
    expect(lag!.width / stale.track.width).toBeCloseTo(3 / 7, 3);
    expect(lag!.x + lag!.width).toBeCloseTo(stale.track.x + stale.track.width, 0);
    expect(stale.text).toContain("lag 3d");
  });

  it("fetches nothing but the page itself, and keeps a screenshot", async () => {
    expect(requested).toEqual([page.url()]);
    await page.screenshot({ path: path.join(artifacts, "readiness.png"), fullPage: true });
    expect(fs.statSync(path.join(artifacts, "readiness.png")).size).toBeGreaterThan(10_000);
  });
});
