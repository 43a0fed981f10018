/** Nothing is drawn for work that finishes sooner: a quick answer should not flicker. */
export const PROGRESS_DELAY_MS = 300;
const FRAME_MS = 100;
const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/**
 * Shows a spinner with the elapsed seconds on `stream` while `work` runs, only when `stream` is a terminal (a CI log
 * or a redirected stderr gets nothing), and erases it before the result is printed.
 */
export async function withProgress<T>(
  stream: NodeJS.WritableStream & { readonly isTTY?: boolean },
  label: string,
  work: Promise<T>,
): Promise<T> {
  if (stream.isTTY !== true) return work;
  const started = Date.now();
  let frame = 0;
  let drawn = false;
  let ticker: NodeJS.Timeout | undefined;
  const draw = () => {
    const seconds = Math.floor((Date.now() - started) / 1000);
    stream.write(`\r\x1b[K${FRAMES[frame++ % FRAMES.length]} ${label}… ${seconds}s`);
    drawn = true;
  };
  const delay = setTimeout(() => {
    draw();
    ticker = setInterval(draw, FRAME_MS);
  }, PROGRESS_DELAY_MS);
  try {
    return await work;
  } finally {
    clearTimeout(delay);
    clearInterval(ticker);
    if (drawn) stream.write("\r\x1b[K");
  }
}
