// The progress lines every provisioning and release script writes: to stderr (stdout carries what a script prints for
// its caller, e.g. a path or JSON), each line behind the script's tag.

/**
 * A log sink that writes `[tag] line` to stderr.
 * @param {string} tag
 * @returns {(line: string) => void}
 */
export function stderrLog(tag) {
  return (line) => {
    process.stderr.write(`[${tag}] ${line}\n`);
  };
}
