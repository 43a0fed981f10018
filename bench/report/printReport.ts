import type { GapSummary } from "../../emulator";
import { clientName } from "../go/lookupClients";
import type { BenchResults } from "./results";

/** Columns padded to their widest cell; a column of numbers is right-aligned, its header included. */
export function formatTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? "").length)));
  const numeric = header.map((_, column) => rows.length > 0 && rows.every((row) => typeof row[column] === "number"));
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) => (numeric[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(cells[0] ?? []), widths.map((width) => "-".repeat(width)).join("  "), ...cells.slice(1).map(line)].join(
    "\n",
  );
}

const ms = (value: number | null) => (value === null ? "n/a" : value);
const times = (value: number | null) => (value === null ? "n/a" : `${value}×`);
/** Per connection, median / p90 (the emulator's count: see emulator/requestStats.ts). */
const turnaroundOf = (gaps: GapSummary | undefined) =>
  gaps?.medianMs == null || gaps.p90Ms == null ? "n/a" : `${gaps.medianMs.toFixed(2)} / ${gaps.p90Ms.toFixed(2)}`;

/** The report: targets and ratios first, then the times behind them. */
export function printReport(results: BenchResults): void {
  const { machine, options } = results;
  const out: string[] = [
    `Benchmarks, ${results.startedAt}: ${machine.cores} × ${machine.cpu}, ${machine.memoryGiB} GiB, ${machine.node}; ` +
      `emulator latency ${options.latencyMs} ms/request, medians of ${options.reps} (previews: ${options.previewReps})`,
  ];
  const section = (title: string, table: string) => out.push("", title, table);

  if (results.targets?.length) {
    section(
      "Targets",
      formatTable(
        ["target", "measured", "met"],
        results.targets.map((check) => [check.target, check.measured, check.met ? "yes" : "NO"]),
      ),
    );
  }
  const listing = results.listing;
  if (listing) {
    section(
      "Listing: ratios",
      formatTable(
        [
          "instances",
          "vs sequential loop",
          "vs Huawei SDK loop",
          "÷ physical limit",
          "fetch floor ÷ limit",
          "product ÷ floor",
        ],
        listing.sizes.map((size) => [
          size.instances,
          times(size.speedupVsSequentialFetch),
          times(size.speedupVsHuaweiSdk),
          times(size.productToPhysicalLimit),
          times(size.floorToPhysicalLimit),
          times(size.productToFloor),
        ]),
      ),
    );
  }
  if (results.lookups) {
    const { distinct, identical, mixed } = results.lookups;
    section(
      "Restore-range lookups issued at once",
      formatTable(
        ["lookups", "wall ms", "physical limit ms", "÷ limit", "requests", "max in flight"],
        [
          [
            `${distinct.lookups} distinct`,
            distinct.medianMs,
            ms(distinct.physicalLimitMs),
            times(distinct.productToPhysicalLimit),
            distinct.requestsPerBatch,
            distinct.maxInFlight,
          ],
          [
            `${identical.lookups} identical`,
            identical.medianMs,
            "",
            "",
            identical.requestsPerBatch,
            identical.maxInFlight,
          ],
          ["10k listing + 200 + IAM", mixed.ms, "", "", mixed.requests, mixed.maxInFlight],
        ],
      ),
    );
    const { cpu } = results.lookups;
    section(
      "Client CPU per lookup (ms, median)",
      formatTable(
        ["product", "fetch floor", "undici request", "product ÷ fetch", "fetch ÷ undici"],
        [
          [
            cpu.productMsPerRequest,
            cpu.fetchFloorMsPerRequest,
            cpu.undiciFloorMsPerRequest,
            times(cpu.productToFetchFloor),
            times(cpu.fetchFloorToUndici),
          ],
        ],
      ),
    );
  }
  if (results.scan) {
    const { free, rateLimited, baselineFree, goFree, rawSocketFree, baselineRateLimited } = results.scan;
    /** One client's scan: its time against the floor of its API (the physical limit, or the rate floor), and what the emulator counted. */
    const scanRow = (
      label: string,
      run: { ms: number; requests: number; maxInFlight: number; turnaround?: GapSummary | undefined },
      floor: { ms: number; ratio: number | null },
      throttled: string | number,
      clientCpu: string | number,
    ) => [
      label,
      run.ms,
      ms(floor.ms),
      times(floor.ratio),
      run.requests,
      throttled,
      run.maxInFlight,
      clientCpu,
      turnaroundOf(run.turnaround),
    ];
    const keepsUp = (ratio: number | null) => ({ ms: free.physicalLimitMs, ratio });
    const behindLimit = (ratio: number) => ({ ms: rateLimited.rateFloorMs, ratio });
    const share = (run: { throttled: number; throttledShare: number }) => `${run.throttled} (${run.throttledShare}%)`;
    section(
      `Readiness scan of ${results.scan.instances} instances (listing + one lookup each; turnaround: per connection, median / p90)`,
      formatTable(
        [
          "API",
          "wall ms",
          "floor ms",
          "÷ floor",
          "requests",
          "429s",
          "max in flight",
          "client CPU ms",
          "turnaround ms",
        ],
        [
          scanRow("keeps up", free, keepsUp(free.productToPhysicalLimit), free.throttled, free.clientCpuMs),
          ...(baselineFree
            ? [
                scanRow(
                  "keeps up: baseline build",
                  baselineFree,
                  keepsUp(baselineFree.productToPhysicalLimit),
                  baselineFree.throttled,
                  baselineFree.clientCpuMs,
                ),
              ]
            : []),
          ...(goFree
            ? [
                scanRow(
                  `keeps up: official Go SDK, ${results.go?.goroutines ?? 16} goroutines`,
                  goFree,
                  keepsUp(goFree.goToPhysicalLimit),
                  goFree.throttled,
                  "(other process)",
                ),
              ]
            : []),
          ...(rawSocketFree
            ? [
                scanRow(
                  "keeps up: floor, raw node:net HTTP/1.1",
                  rawSocketFree,
                  keepsUp(rawSocketFree.toPhysicalLimit),
                  rawSocketFree.throttled,
                  rawSocketFree.clientCpuMs,
                ),
              ]
            : []),
          scanRow(
            `${rateLimited.requestsPerSecond} req/s (burst ${rateLimited.burst})`,
            rateLimited,
            behindLimit(rateLimited.productToRateFloor),
            share(rateLimited),
            rateLimited.clientCpuMs,
          ),
          ...(baselineRateLimited
            ? [
                scanRow(
                  "same, baseline build",
                  baselineRateLimited,
                  behindLimit(baselineRateLimited.productToRateFloor),
                  share(baselineRateLimited),
                  baselineRateLimited.clientCpuMs,
                ),
              ]
            : []),
        ],
      ),
    );
  }
  if (results.go) {
    const { lookups, firstCall, goroutines } = results.go;
    section(
      `The official Go SDK (${goroutines} goroutines) beside the product`,
      formatTable(
        ["work", "product ms", "Go SDK ms", "Go ÷ product", "physical limit ms", "product ÷ limit", "Go ÷ limit"],
        [
          [
            `${lookups.lookups} lookups at once (warm; median)`,
            lookups.product.medianMs,
            lookups.go.medianMs,
            times(lookups.goToProduct),
            lookups.physicalLimitMs,
            times(lookups.productToPhysicalLimit),
            times(lookups.goToPhysicalLimit),
          ],
          [
            "first call of a fresh process (start → first answer; median)",
            firstCall.product.medianMs,
            firstCall.go.medianMs,
            times(Math.round((firstCall.go.medianMs / firstCall.product.medianMs) * 100) / 100),
            "",
            "",
            "",
          ],
        ],
      ),
    );
  }
  if (results.go) {
    const { lookups, turnaround, goroutines } = results.go;
    const gap = (value: number | null) => (value === null ? "n/a" : value.toFixed(2));
    section(
      `${lookups.lookups} lookups at ${results.go.goroutines} in flight, warm, interleaved: the runtime's floors beside the ` +
        `product and Go (all sign with the product's signer; physical limit ${lookups.physicalLimitMs} ms)`,
      formatTable(
        [
          "client",
          "median ms",
          "runs ms",
          "÷ limit",
          "÷ Go",
          "turnaround per connection ms (median / p90)",
          "emulator CPU ms/request",
        ],
        lookups.clients.map((row) => [
          clientName(row.client, goroutines),
          row.medianMs,
          row.runsMs.join(", "),
          times(row.toPhysicalLimit),
          times(row.toGo),
          `${gap(row.sameConnectionTurnaround.medianMs)} / ${gap(row.sameConnectionTurnaround.p90Ms)}`,
          row.emulatorCpuMsPerRequest,
        ]),
      ),
    );
    out.push(
      "(per connection: from an answer written on a connection to the next request on it, as the emulator saw it; a " +
        "pool that sends the next request on another connection shows a whole round there, see the table below)",
    );
    section(
      "Client turnaround one request at a time (emulator-measured: answer written → next request arrives, ms)",
      formatTable(
        ["client", "requests", "since last answer: median", "p90", "same connection: median", "p90"],
        // One request at a time: the Go peer runs 1 goroutine here (its untimed round counted too).
        turnaround.map((row) => [
          clientName(row.client, 1),
          row.lookups,
          gap(row.idle.medianMs),
          gap(row.idle.p90Ms),
          gap(row.sameConnection.medianMs),
          gap(row.sameConnection.p90Ms),
        ]),
      ),
    );
  }
  if (listing) {
    section(
      "Listing: times (ms, median)",
      formatTable(
        [
          "instances",
          "pages",
          "physical limit",
          "product",
          "fetch floor",
          "sequential loop",
          "Huawei SDK loop",
          "requests",
          "max in flight",
        ],
        listing.sizes.map((size) => [
          size.instances,
          size.pages,
          size.physicalLimitMs,
          size.product.medianMs,
          size.concurrentFetchFloor.medianMs,
          size.sequentialFetch.medianMs,
          size.huaweiSdk.medianMs,
          `${size.product.requestsPerListing} / ${size.sequentialFetch.requestsPerListing}`,
          size.product.maxInFlight,
        ]),
      ),
    );
    out.push(`Huawei SDK client: ${listing.huaweiSdkConstruction}`);
  }
  if (results.provider) {
    const p = results.provider;
    section(
      "Dynamic provider (fresh processes, mock engine)",
      formatTable(
        ["__provider bytes", "first data source ms", "each further ms", "re-serialize uncached ms", "package load ms"],
        [[p.serializedBytes, p.firstResourceMs, p.furtherResourceMs, p.uncachedSerializeMs, p.packageLoadMs]],
      ),
    );
  }
  if (results.engine) {
    const engine = results.engine;
    const floor = engine.engineFloor;
    section(
      `pulumi preview, real engine (CLI ${engine.cliVersion}): ${engine.perDataSourceMs} ms per extra data source ` +
        `(${engine.perDataSourceMarginalMs} ms past the 10th; engine floor ${floor.perResourceMs} ms)`,
      formatTable(
        ["program", "median ms", "runs ms", "requests", "max in flight"],
        [
          ...engine.previews.map((preview) => [
            `${preview.dataSources} data sources`,
            preview.medianMs,
            preview.runsMs.join(", "),
            preview.requestsPerPreview,
            preview.maxInFlight,
          ]),
          [`engine floor: ${floor.resources} trivial reads`, floor.medianMs, floor.runsMs.join(", "), 0, 0],
        ],
      ),
    );
    const gate = engine.gate;
    section(
      `pulumi preview of a RestoreGate project directory (Node ${gate.node}): refused ${gate.refusalToPassing}× passing`,
      formatTable(
        ["preview", "median ms", "runs ms"],
        [
          ["restorable time (passes)", gate.passing.medianMs, gate.passing.runsMs.join(", ")],
          ["unrestorable time (refused)", gate.refused.medianMs, gate.refused.runsMs.join(", ")],
        ],
      ),
    );
  }
  if (results.memory) {
    const m = results.memory;
    section(
      `One ${m.instances.toLocaleString("en")}-instance listing in a fresh process (MiB; first-listing wall time ${m.coldListingMs} ms)`,
      formatTable(
        ["RSS before", "peak RSS", "peak heap growth", "retained heap", "result as JSON"],
        [[m.rssBeforeMiB, m.peakRssMiB, m.peakHeapGrowthMiB, m.retainedHeapGrowthMiB, m.resultJsonMiB]],
      ),
    );
    const scanRow = (name: string, scan: typeof m.scan) => [
      name,
      scan.processes,
      `${scan.peakRssMiB.min}–${scan.peakRssMiB.max} (median ${scan.peakRssMiB.median})`,
      scan.peakHeapGrowthMiB,
      scan.heldHeapGrowthMiB,
    ];
    section(
      `The readiness scan of those ${m.instances.toLocaleString("en")} instances (listing + one lookup each), each in a fresh process (MiB)`,
      formatTable(
        ["build", "processes", "peak RSS", "peak heap growth", "held heap"],
        [
          scanRow("product", m.scan),
          ...(m.baselineScan ? [scanRow(`baseline ${m.baselineScan.root}`, m.baselineScan)] : []),
        ],
      ),
    );
  }
  console.log(out.join("\n"));
}
