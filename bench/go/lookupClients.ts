// The clients of the Go comparison (measureGo.ts), in a module of their own so the report names them without loading
// the measurement's dependencies.

/** The product, the Go peer, and the runtime's floors (bench/lookups/lookupFloors.ts), all signing alike. */
export const LOOKUP_CLIENTS = ["product", "go", "undiciRequest", "undiciDispatch", "rawSocket"] as const;
export type LookupClient = (typeof LOOKUP_CLIENTS)[number];

export function clientName(client: LookupClient, goroutines: number): string {
  switch (client) {
    case "product":
      return "product";
    case "go":
      return `official Go SDK, ${goroutines} goroutine${goroutines === 1 ? "" : "s"}`;
    case "undiciRequest":
      return "floor: undici request()";
    case "undiciDispatch":
      return "floor: undici Dispatcher.dispatch, raw handler";
    case "rawSocket":
      return "floor: raw node:net HTTP/1.1";
  }
}
