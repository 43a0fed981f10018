import { type ChildProcess, fork } from "node:child_process";
import path from "node:path";
import type { EmulatorCredential } from "../../emulator";
import type {
  EmulatorCommand,
  EmulatorProcessOptions,
  EmulatorReady,
  EmulatorReply,
  EmulatorStats,
} from "./emulatorProtocol";

type CommandWithoutId = EmulatorCommand extends infer C ? (C extends { id: number } ? Omit<C, "id"> : never) : never;

/** The bench's handle on the emulator running in its own process. */
export interface EmulatorHost {
  readonly url: string;
  readonly credentials: EmulatorCredential;
  readonly projects: Record<string, string>;
  /** Counters since the last `reset()`. */
  stats(): Promise<EmulatorStats>;
  reset(): Promise<void>;
  setLatency(ms: number): Promise<void>;
  instanceIds(region: string, count: number): Promise<string[]>;
  close(): Promise<void>;
}

export async function startEmulatorHost(options: EmulatorProcessOptions): Promise<EmulatorHost> {
  // fork() inherits tsx's --require/--import flags from process.execArgv, so the child runs TypeScript too.
  const child = fork(path.join(__dirname, "emulatorProcess.ts"), [JSON.stringify(options)], { stdio: "inherit" });
  const ready = await new Promise<EmulatorReady>((resolve, reject) => {
    child.once("message", (message: EmulatorReady) => resolve(message));
    child.once("exit", (code) => reject(new Error(`the emulator process exited with ${code} before it was ready`)));
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  child.on("message", (reply: EmulatorReply) => {
    const waiter = pending.get(reply.id);
    if (!waiter) return;
    pending.delete(reply.id);
    if (reply.error !== undefined) waiter.reject(new Error(`emulator: ${reply.error}`));
    else waiter.resolve(reply.result);
  });
  const call = <T>(command: CommandWithoutId): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ ...command, id });
    });

  return {
    url: ready.url,
    credentials: ready.credentials,
    projects: ready.projects,
    stats: () => call<EmulatorStats>({ op: "stats" }),
    reset: () => call<void>({ op: "reset" }),
    setLatency: (ms) => call<void>({ op: "latency", ms }),
    instanceIds: (region, count) => call<string[]>({ op: "instanceIds", region, count }),
    close: () => stop(child),
  };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.disconnect();
  });
}
