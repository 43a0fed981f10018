import type { HttpTime } from "../../src/core/client/http/httpTime";

/**
 * Time that passes only when the client sleeps or a test says so: every sleep is recorded and moves the clock at
 * once, and timers fire when the clock passes them. Attempts themselves take no time.
 */
export class FakeTime implements HttpTime {
  /** Every delay the client slept, in order. */
  readonly sleeps: number[] = [];
  private clock: number;
  private readonly timers: { due: number; fire: () => void }[] = [];

  constructor(
    start: number,
    private readonly jitter = 0.5,
    /** How much later than asked every sleep wakes, as a busy event loop's timers do. */
    private readonly oversleepMs = 0,
  ) {
    this.clock = start;
  }

  now(): number {
    return this.clock;
  }

  random(): number {
    return this.jitter;
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.advance(ms + this.oversleepMs);
  }

  setTimer(ms: number, fire: () => void): () => void {
    const timer = { due: this.clock + ms, fire };
    this.timers.push(timer);
    return () => {
      const index = this.timers.indexOf(timer);
      if (index >= 0) this.timers.splice(index, 1);
    };
  }

  /** Timers set and neither fired nor cancelled: a finished request must leave none. */
  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Moves the clock and fires the timers it passes. */
  advance(ms: number): void {
    this.clock += ms;
    for (const timer of this.timers.filter((candidate) => candidate.due <= this.clock)) {
      this.timers.splice(this.timers.indexOf(timer), 1);
      timer.fire();
    }
  }
}
