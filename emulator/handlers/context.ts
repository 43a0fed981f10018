import type { IncomingHttpHeaders } from "node:http";
import type { EmulatorDataset } from "../dataset";
import { errorBody, type WireError } from "../errors";
import type { ProjectDirectory } from "../projects";
import type { WireResponse } from "../respond";

/** What an API handler may read; handlers are pure functions of it and return the response to send. */
export interface HandlerContext {
  readonly requestId: string;
  readonly headers: IncomingHttpHeaders;
  readonly query: Record<string, string[]>;
  readonly dataset: EmulatorDataset;
  readonly projects: ProjectDirectory;
  /** The emulator's own URL, for IAM's resource links. */
  readonly origin: string;
}

export function errorResponse(ctx: HandlerContext, error: WireError): WireResponse {
  return { status: error.status, body: errorBody(error, ctx.requestId) };
}

/** The `X-Project-Id` header, when sent once. */
export function projectIdHeader(headers: IncomingHttpHeaders): string | undefined {
  const value = headers["x-project-id"];
  return typeof value === "string" ? value : undefined;
}
