/** Longest text copied into an error from a value the client did not write (an answer, an argument). */
export const MAX_ECHOED_CHARS = 500;

/**
 * `text` cut to `max` characters, saying so: a 1 MB argument or answer must not become a 1 MB error message, and a
 * reader must not mistake the cut text for the whole.
 */
export function capped(text: string, max = MAX_ECHOED_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (truncated, ${text.length} chars)`;
}

/** `JSON.stringify(text)` of at most `max` characters of `text`: how errors quote a value they were given. */
export function quoted(text: string, max = MAX_ECHOED_CHARS): string {
  return text.length <= max
    ? JSON.stringify(text)
    : `${JSON.stringify(text.slice(0, max))}… (truncated, ${text.length} chars)`;
}

/** Text longer than this is searched for secrets only as far as an error can show it (plus a secret's length). */
const MAX_SEARCHED_CHARS = 16 * 1024;

/** A credential and the name it is replaced by wherever text from the wire enters an error. */
export interface Secret {
  readonly value: string | undefined;
  readonly name: string;
}

/**
 * `text` with every secret replaced by `[name]`, as written and in the forms a server echoing it would use
 * (JSON-escaped, percent-encoded), then capped. Gateways echo the access key (`Get secretKey failed,ak:…`), and a
 * hostile or misconfigured server can echo any request header.
 */
export function redacted(text: string, secrets: readonly Secret[], max = MAX_ECHOED_CHARS): string {
  // Only what can be shown is searched, plus room for a secret that starts inside it in its longest (percent-encoded)
  // form: a megabyte of text costs no more than a short one.
  const window = Math.max(
    MAX_SEARCHED_CHARS,
    max + Math.max(0, ...secrets.map(({ value }) => (value?.length ?? 0) * 3)),
  );
  if (text.length > window) {
    const shown = redacted(text.slice(0, window), secrets, window).slice(0, max);
    return `${shown}… (truncated, ${text.length} chars)`;
  }
  let result = text;
  for (const { value, name } of secrets) {
    if (value === undefined || value === "") continue;
    for (const form of new Set([value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)])) {
      result = result.split(form).join(`[${name}]`);
    }
  }
  return capped(result, max);
}

/** A value as an error shows it: strings quoted, anything else as JSON, capped either way. */
export function shown(value: unknown, max = MAX_ECHOED_CHARS): string {
  return typeof value === "string" ? quoted(value, max) : capped(JSON.stringify(value) ?? String(value), max);
}
