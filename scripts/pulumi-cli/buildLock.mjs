// One build at a time per cache directory: a lock directory holding its owner's pid. A second process waits and then
// uses the result; the lock of a dead process (or one older than two hours) is taken over.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { formatDuration, PulumiCliProvisionError } from "./goCommand.mjs";

const STALE_MS = 2 * 60 * 60 * 1000;
const NOTE_EVERY_MS = 15_000;

/** @param {number} pid */
function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return /** @type {NodeJS.ErrnoException} */ (e).code === "EPERM";
  }
}

/**
 * Takes `<dir>/.build.lock` if it is free; returns its release function, or null when another process holds it.
 * @param {string} lockDir
 * @returns {(() => void) | null}
 */
function tryLock(lockDir) {
  try {
    fs.mkdirSync(lockDir);
  } catch (caught) {
    const e = /** @type {NodeJS.ErrnoException} */ (caught);
    if (e.code === "EEXIST") return null;
    throw new PulumiCliProvisionError("acquire build lock", `${lockDir}: ${e.message}`);
  }
  const owner = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  fs.writeFileSync(path.join(lockDir, "owner.json"), JSON.stringify(owner));
  const release = () => {
    process.off("exit", release);
    fs.rmSync(lockDir, { recursive: true, force: true });
  };
  process.on("exit", release);
  return release;
}

/**
 * Why the lock may be taken over (its dead or too old owner), or false while its owner may still be building.
 * @param {string} lockDir
 * @returns {string | false}
 */
function isStale(lockDir) {
  /** @type {{ pid: number, host: string, since: string }} */
  let owner;
  try {
    owner = JSON.parse(fs.readFileSync(path.join(lockDir, "owner.json"), "utf8"));
  } catch {
    // No owner file yet: its creator is between mkdir and write, or died there (then the lock ages out in a minute).
    try {
      return Date.now() - fs.statSync(lockDir).mtimeMs > 60_000 ? "no owner" : false;
    } catch {
      return false;
    }
  }
  const dead = owner.host === os.hostname() && !pidAlive(owner.pid);
  return dead || Date.now() - Date.parse(owner.since) > STALE_MS ? `pid ${owner.pid}` : false;
}

/**
 * Waits for the build lock of `dir` and returns its release function.
 * @param {string} dir
 * @param {(line: string) => void} log
 */
export async function acquireBuildLock(dir, log) {
  fs.mkdirSync(dir, { recursive: true });
  const lockDir = path.join(dir, ".build.lock");
  const started = Date.now();
  let lastNote = started;
  for (;;) {
    const release = tryLock(lockDir);
    if (release) return release;
    const stale = isStale(lockDir);
    if (stale) {
      log(`removing stale build lock ${lockDir} (${stale})`);
      fs.rmSync(lockDir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() - lastNote >= NOTE_EVERY_MS) {
      lastNote = Date.now();
      log(`waiting for another build in ${dir} to finish… ${formatDuration(Date.now() - started)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
