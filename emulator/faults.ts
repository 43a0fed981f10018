import type { Fault, Operation } from "./types";

function describe(fault: Fault): string {
  return JSON.stringify(fault);
}

function validate(fault: Fault): void {
  if ("status" in fault) {
    if (!Number.isInteger(fault.status) || fault.status < 200 || fault.status > 599) {
      throw new Error(`fault status must be an integer from 200 to 599: ${describe(fault)}`);
    }
  } else if ("delayMs" in fault) {
    if (!Number.isFinite(fault.delayMs) || fault.delayMs < 0)
      throw new Error(`fault delayMs must be >= 0: ${describe(fault)}`);
  } else if (!("reset" in fault && fault.reset === true)) {
    throw new Error(`a fault needs status, reset: true or delayMs: ${describe(fault)}`);
  }
}

/** Queued faults, each served once, first matching first (a fault without `operation` matches any operation). */
export class FaultQueue {
  private readonly queue: Fault[] = [];

  add(fault: Fault): void {
    validate(fault);
    this.queue.push(fault);
  }

  take(operation: Operation): Fault | undefined {
    const index = this.queue.findIndex((f) => f.operation === undefined || f.operation === operation);
    return index < 0 ? undefined : this.queue.splice(index, 1)[0];
  }

  get pending(): number {
    return this.queue.length;
  }
}
