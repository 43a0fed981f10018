/**
 * The first sentence of RestoreGate's (and checkRestoreTime's) refusal as a person reads it, whatever the program's
 * language: the instance, the time in UTC and in epoch milliseconds. The nearest ranges follow it.
 */
export function refusalOf(instanceId: string, time: number): string {
  return `Cannot restore DB instance ${instanceId} to ${new Date(time).toISOString()} (${time}): no restore time range of its cross-region backup contains that time.`;
}

/** The lines of a CLI run's output that carry the refusal (with its nearest ranges), in the order printed. */
export function refusalLines(output: string, instanceId: string, time: number): string[] {
  const refusal = `${refusalOf(instanceId, time)} Nearest available range`;
  return output.split("\n").filter((line) => line.includes(refusal));
}
