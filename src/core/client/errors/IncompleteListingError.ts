import { capped } from "./echoedText";

/**
 * A paginated listing did not add up (pages disagreed on `total_count`, a page came back short, or ids were missing
 * after de-duplication) twice in a row. Returning what we had would present a partial list as whole, so we refuse.
 */
export class IncompleteListingError extends Error {
  override readonly name = "IncompleteListingError";
  readonly expected: number;
  readonly received: number;

  constructor(what: string, expected: number, received: number, detail: string) {
    super(
      `${what}: the listing was inconsistent twice in a row (${capped(detail, 2_000)}); expected ${expected} items, received ${received}. ` +
        "The data changed while it was being read, or the service paginates inconsistently; retry later.",
    );
    this.expected = expected;
    this.received = received;
  }
}

export function isIncompleteListingError(error: unknown): error is IncompleteListingError {
  return error instanceof IncompleteListingError;
}
