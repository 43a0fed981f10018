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

/** `412/5,000 instances`: counts grouped the way the reader's eye expects. */
export function countLine(done: number, total: number, noun: string): string {
  const grouped = (n: number) => n.toLocaleString("en-US");
  return `${grouped(done)}/${grouped(total)} ${noun}`;
}

/**
 * Progress of a scan on `stream`, only when it is a terminal: a spinner with `label` until the total is known, then
 * `412/5,000 instances`, redrawn at most every 100 ms after the first 300 ms, erased by `stop`.
 */
export function scanProgress(
  stream: NodeJS.WritableStream & { readonly isTTY?: boolean },
  label: string,
  noun: string,
): { readonly update: (done: number, total: number) => void; readonly stop: () => void } {
  if (stream.isTTY !== true) return { update: () => {}, stop: () => {} };
  let count: { done: number; total: number } | undefined;
  let frame = 0;
  let drawn = false;
  let ticker: NodeJS.Timeout | undefined;
  const draw = () => {
    const text = count === undefined ? `${label}…` : countLine(count.done, count.total, noun);
    stream.write(`\r\x1b[K${FRAMES[frame++ % FRAMES.length]} ${text}`);
    drawn = true;
  };
  const delay = setTimeout(() => {
    draw();
    ticker = setInterval(draw, FRAME_MS);
  }, PROGRESS_DELAY_MS);
  return {
    update: (done, total) => {
      count = { done, total };
    },
    stop: () => {
      clearTimeout(delay);
      clearInterval(ticker);
      if (drawn) stream.write("\r\x1b[K");
    },
  };
}
