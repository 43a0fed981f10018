import * as pulumi from "@pulumi/pulumi";
import { isInvalidArgumentError } from "../../core/client/errors/InvalidArgumentError";
import type { CheckRestoreTimeArgs, CheckRestoreTimeResult, RestoreTimeRange } from "../../core/dataSources/types";
import { describeUnavailable } from "../../core/restore/describeUnavailable";
import { findRestoreTimeRange } from "../../core/restore/findRestoreTimeRange";
import { type OnUnavailable, validateOnUnavailable } from "../../core/restore/onUnavailable";
import type { InputsOf, ResultOutputs } from "../derivedTypes";
import { programError, stopProgram } from "../program/programError";
import { invalidArgumentMessage, TOKEN_MODULE } from "./dataSourceResource";
import { RestoreTimeCheck } from "./RestoreTimeCheck";

/** `checkRestoreTime`'s arguments with `pulumi.Input` fields (their docs from its definition); a gate fails by default. */
export interface RestoreGateArgs extends InputsOf<Omit<CheckRestoreTimeArgs, "onUnavailable">> {
  /**
   * What an unrestorable time does: `"fail"` fails `pulumi preview`/`up` with the refusal, once, on one line, under
   * the gate's name, and withholds every output; `"warn"` logs it as a warning and sets `restorable` false.
   * @default "fail"
   */
  onUnavailable?: pulumi.Input<OnUnavailable>;
}

/** The outputs: `checkRestoreTime`'s results the gate passes on (their docs from its definition), and the restore point. */
export interface RestoreGate extends ResultOutputs<Pick<CheckRestoreTimeResult, GateDecisionField>> {
  /** Set only when restorable. */
  readonly restorePoint: pulumi.Output<RestorePoint | undefined>;
}

type GateDecisionField = "restorable" | "restoreTime" | "range" | "ranges";

/** What the gate decided; a refusal in `"fail"` mode decides nothing, it stops the program. */
interface GateDecision {
  readonly restorable: boolean;
  readonly restoreTime: number;
  readonly ranges: RestoreTimeRange[];
  readonly range: RestoreTimeRange | undefined;
  readonly restorePoint: RestorePoint | undefined;
}

/** The shape Huawei's point-in-time restore APIs take (`huaweicloud_rds_restore` with `type = "timestamp"`). */
export interface RestorePoint {
  readonly instanceId: string;
  readonly type: "timestamp";
  /** Epoch milliseconds, UTC. */
  readonly restoreTime: number;
}

/**
 * Refuses (or warns about) a point-in-time restore before anything is deployed: during `pulumi preview` it decides,
 * as `checkRestoreTime` does, whether the cross-region backup can be restored to the restore time. The decision is
 * read in the dynamic provider process (a read like the data sources'), so the program makes no request of its own.
 *
 * Feed `restorePoint` into the restore resource: it is only set when the time is restorable, so nothing downstream
 * can be deployed with a time the gate refused.
 *
 * @example
 * const gate = new RestoreGate("orders-restore", { instanceId, restoreTime: "2026-11-20T03:00:00Z" });
 * // new huaweicloud.rds.Instance(..., { restore: { instanceId: gate.restorePoint.instanceId, ... } })
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the outputs are declared by the interface above, from the result type.
export class RestoreGate extends pulumi.ComponentResource {
  constructor(name: string, args: RestoreGateArgs, opts?: pulumi.ComponentResourceOptions) {
    super(`${TOKEN_MODULE}:index:RestoreGate`, name, {}, opts);
    const label = `RestoreGate "${name}"`;
    const modeProblem = (mode: unknown) => {
      try {
        validateOnUnavailable(mode);
        return undefined;
      } catch (error) {
        if (!isInvalidArgumentError(error)) throw error;
        return invalidArgumentMessage(label, error.argument, error.reason);
      }
    };
    if (typeof args.onUnavailable === "string") {
      const problem = modeProblem(args.onUnavailable);
      if (problem !== undefined) throw programError(problem, this);
    }
    const { instanceId, restoreTime, region, projectId } = args;
    const check = new RestoreTimeCheck(
      `${name}-ranges`,
      label,
      { instanceId, restoreTime, region, projectId },
      { parent: this },
    );
    // Every input here is an output the read always sets: one it leaves out (as `range` of a refusal) would be
    // unknown during preview, and the refusal would wait for `up`. A refusal stops the program under the gate's name,
    // and every output of the gate waits on the decision: nothing fed from the gate is registered after a refusal.
    const decision = pulumi
      .all([check.restorable, check.restoreTime, check.ranges, instanceId, args.onUnavailable ?? "fail"])
      .apply(async ([restorable, time, ranges, id, mode]): Promise<GateDecision> => {
        const problem = modeProblem(mode);
        if (problem !== undefined) return stopProgram(problem, this);
        const range = restorable ? findRestoreTimeRange(ranges, time) : undefined;
        if (range === undefined) {
          const message = describeUnavailable(id, time, ranges);
          if (mode === "fail") return stopProgram(message, this);
          pulumi.log.warn(message, this);
          return { restorable: false, restoreTime: time, ranges, range: undefined, restorePoint: undefined };
        }
        const restorePoint = { instanceId: id, type: "timestamp" as const, restoreTime: time };
        return { restorable: true, restoreTime: time, ranges, range, restorePoint };
      });
    Object.assign(this, {
      restorable: decision.restorable,
      restoreTime: decision.restoreTime,
      range: decision.range,
      ranges: decision.ranges,
      restorePoint: decision.restorePoint,
    });
    this.registerOutputs({
      restorable: this.restorable,
      restoreTime: this.restoreTime,
      range: this.range,
      ranges: this.ranges,
      restorePoint: this.restorePoint,
    });
  }
}
