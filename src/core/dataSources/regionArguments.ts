import { validateProjectId, validateRegion } from "../client/validation";
import type { ArgumentsOf } from "./definition";
import type { RegionArgs } from "./types";

/** Documentation of the `RegionArgs` type every data source's arguments extend. */
export const REGION_ARGUMENTS_DESCRIPTION =
  "Where to ask: the backup region, and optionally its project id (looked up through IAM when absent).";

/** Where every data source asks: the backup region and its project. */
export const REGION_ARGUMENTS: ArgumentsOf<RegionArgs> = {
  region: {
    type: { type: "string" },
    required: false,
    validate: validateRegion,
    description:
      "Backup (destination) region to query, e.g. `ap-southeast-1`. Defaults to the provider's `region`, then `HW_REGION_NAME`.",
  },
  projectId: {
    type: { type: "string" },
    required: false,
    validate: validateProjectId,
    description:
      "Project id of `region`. Defaults to the provider's `projectId` (for its own region), then an IAM lookup (cached per process).",
  },
};
