import type { HttpTime } from "../../sdk/client/http/httpTime";

/**
 * Time that passes only when the client sleeps or a test says so: every sleep is recorded and moves the clock at
 * once, and timeouts fire when the clock passes them. Attempts themselves take no time.
 */
export class FakeTime implements HttpTime {
  /** Every delay the client slept, in order. */
  readonly sleeps: number[] = [];
  private clock: number;
  private readonly timers: { due: number; controller: AbortController }[] = [];

  constructor(
    start: number,
    private readonly jitter = 0.5,
  ) {
    this.clock = start;
  }

  now(): number {
    return this.clock;
  }

  random(): number {
    return this.jitter;
  }

  async sleep(ms: number, signal: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    this.advance(ms);
    signal.throwIfAborted();
  }

  timeout(ms: number): AbortSignal {
    const controller = new AbortController();
    this.timers.push({ due: this.clock + ms, controller });
    return controller.signal;
  }

  /** Moves the clock and fires the timeouts it passes. */
  advance(ms: number): void {
    this.clock += ms;
    for (const timer of this.timers.filter((candidate) => candidate.due <= this.clock)) {
      this.timers.splice(this.timers.indexOf(timer), 1);
      timer.controller.abort(new DOMException("The operation timed out.", "TimeoutError"));
    }
  }
}
