import type { HttpTime } from "../../src/core/client/http/httpTime";

/**
 * A discrete-event clock: time moves only when nothing else can run, straight to the next timer due, so many
 * concurrent sleepers wake in order at their own times (FakeTime moves the clock on every sleep, which suits one
 * request at a time). `run` drives a workload to its end; attempts take the time the workload sleeps.
 */
export class SimulatedTime implements HttpTime {
  private clock = 0;
  private sequence = 0;
  private readonly timers: { due: number; order: number; fire: () => void }[] = [];

  now(): number {
    return this.clock;
  }

  random(): number {
    return 0.5;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.setTimer(ms, resolve));
  }

  setTimer(ms: number, fire: () => void): () => void {
    const timer = { due: this.clock + Math.max(0, ms), order: this.sequence++, fire };
    this.timers.push(timer);
    return () => {
      const index = this.timers.indexOf(timer);
      if (index >= 0) this.timers.splice(index, 1);
    };
  }

  /** Runs `work` to its end, moving the clock to the next timer whenever everything else waits. */
  async run<T>(work: Promise<T>): Promise<T> {
    let done = false;
    const finished = work.finally(() => {
      done = true;
    });
    for (;;) {
      // Let every promise that can settle settle (twice: a macrotask turn drains all microtasks before it).
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      if (done) return finished;
      if (this.timers.length === 0) throw new Error("the workload waits on nothing: it can never finish");
      let next = 0;
      for (let i = 1; i < this.timers.length; i += 1) {
        const [a, b] = [this.timers[i]!, this.timers[next]!];
        if (a.due < b.due || (a.due === b.due && a.order < b.order)) next = i;
      }
      const [timer] = this.timers.splice(next, 1);
      this.clock = Math.max(this.clock, timer!.due);
      timer!.fire();
    }
  }
}
