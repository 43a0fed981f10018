import type { Socket } from "node:net";
import type { RequestLogEntry } from "./types";

/** A distribution of gaps, ms; the quantiles are null while there is none. */
export interface GapSummary {
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
}

/**
 * How long clients took, as the server saw it, from an answer written to their next request arriving: the client's
 * turnaround (reading the answer, its own work, signing and sending the next request, both loopback hops).
 */
export interface ClientTurnaround {
  /**
   * For each request on a kept-alive connection, the time since the previous answer was written on that connection
   * (the first request of a connection has none). A client that sends its next request on another connection (a pool
   * whose just-answered connection is not yet free) makes a gap of a whole round here, not its turnaround.
   */
  sameConnection: GapSummary;
  /**
   * For each request arriving while no other request awaits its answer, the time since the last answer written on any
   * connection. One request at a time, that is exactly the client's turnaround, whichever connection it picks.
   */
  idle: GapSummary;
}

/** Nearest-rank quantile of an ascending sample. */
function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] as number;
}

function summarize(gaps: readonly number[]): GapSummary {
  const sorted = [...gaps].sort((a, b) => a - b);
  const rounded = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);
  return { count: sorted.length, medianMs: rounded(quantile(sorted, 0.5)), p90Ms: rounded(quantile(sorted, 0.9)) };
}

/** The request log, the in-flight gauge the tests read, and the clients' turnaround the bench reads. */
export class RequestStats {
  readonly entries: RequestLogEntry[] = [];
  private current = 0;
  private highest = 0;
  /** Requests arrived and not yet answered (an answer written, or the request dropped). */
  private awaitingAnswer = 0;
  /** When the last answer was written on each connection (monotonic ms). */
  private lastAnswerOn = new WeakMap<Socket, number>();
  private lastAnswerAnywhere: number | undefined;
  /** Each unanswered request's way out of `awaitingAnswer`, for `answered`. */
  private pendingAnswers = new WeakMap<RequestLogEntry, () => void>();
  private sameConnectionGaps: number[] = [];
  private idleGaps: number[] = [];

  /**
   * Records a request that has just arrived on `socket`; call the returned function exactly once when it is answered
   * or dropped, and `answered` the moment its answer is written.
   */
  begin(entry: RequestLogEntry, socket?: Socket): () => void {
    const arrived = performance.now();
    if (socket) {
      const previous = this.lastAnswerOn.get(socket);
      if (previous !== undefined) this.sameConnectionGaps.push(arrived - previous);
    }
    if (this.awaitingAnswer === 0 && this.lastAnswerAnywhere !== undefined)
      this.idleGaps.push(arrived - this.lastAnswerAnywhere);
    this.awaitingAnswer++;
    this.entries.push(entry);
    this.current++;
    this.highest = Math.max(this.highest, this.current);
    let awaiting = true;
    const stopAwaiting = () => {
      if (!awaiting) return;
      awaiting = false;
      this.awaitingAnswer--;
    };
    this.pendingAnswers.set(entry, stopAwaiting);
    let ended = false;
    return () => {
      // A dropped request (reset fault, client gone) is no longer awaiting an answer either.
      stopAwaiting();
      if (ended) return;
      ended = true;
      this.current--;
    };
  }

  /** The answer to `entry` has just been written on `socket` (call right after writing it, before any await). */
  answered(entry: RequestLogEntry, socket: Socket): void {
    const now = performance.now();
    this.lastAnswerOn.set(socket, now);
    this.lastAnswerAnywhere = now;
    this.pendingAnswers.get(entry)?.();
    this.pendingAnswers.delete(entry);
  }

  get inFlight(): number {
    return this.current;
  }

  get maxInFlight(): number {
    return this.highest;
  }

  get clientTurnaround(): ClientTurnaround {
    return { sameConnection: summarize(this.sameConnectionGaps), idle: summarize(this.idleGaps) };
  }

  /**
   * Clears the log and the turnaround (an answer written before the reset starts no gap after it: a measurement starts
   * clean); the maximum restarts from the requests still in flight.
   */
  reset(): void {
    this.entries.length = 0;
    this.highest = this.current;
    this.sameConnectionGaps = [];
    this.idleGaps = [];
    this.lastAnswerOn = new WeakMap();
    this.lastAnswerAnywhere = undefined;
  }
}
