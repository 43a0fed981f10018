/**
 * A restore time no range contains, refused because the caller asked for that (`onUnavailable: "fail"`). The message
 * is the refusal: the instance, the requested time in UTC, and the nearest available ranges.
 */
export class RestoreRefusedError extends Error {
  override readonly name = "RestoreRefusedError";
  readonly instanceId: string;
  /** The requested time, epoch milliseconds (UTC). */
  readonly restoreTime: number;

  constructor(message: string, instanceId: string, restoreTime: number) {
    super(message);
    this.instanceId = instanceId;
    this.restoreTime = restoreTime;
  }
}

export function isRestoreRefusedError(error: unknown): error is RestoreRefusedError {
  return error instanceof RestoreRefusedError;
}
