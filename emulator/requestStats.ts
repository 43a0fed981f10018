import type { RequestLogEntry } from "./types";

/** The request log and the in-flight gauge the tests read. */
export class RequestStats {
  readonly entries: RequestLogEntry[] = [];
  private current = 0;
  private highest = 0;

  /** Records a request that has just arrived; call the returned function exactly once when it is answered or dropped. */
  begin(entry: RequestLogEntry): () => void {
    this.entries.push(entry);
    this.current++;
    this.highest = Math.max(this.highest, this.current);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.current--;
    };
  }

  get inFlight(): number {
    return this.current;
  }

  get maxInFlight(): number {
    return this.highest;
  }

  /** Clears the log; the maximum restarts from the requests still in flight. */
  reset(): void {
    this.entries.length = 0;
    this.highest = this.current;
  }
}
