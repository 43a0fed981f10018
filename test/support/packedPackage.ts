// The package as npm users get it, packed once and shared: test/cli/installed.test.ts and test/e2e/packaging.test.ts
// run in different vitest projects (different worker processes), so the tarball and the project that installs it alone
// are kept on disk under a hash of everything `npm pack` puts in: the same sources are packed and installed once, and a
// changed file (a rebuilt dist/, package.json, README…) gets a tarball of its own.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const exec = promisify(execFile);
const repoRoot = path.resolve(__dirname, "..", "..");
const CACHE = path.join(os.tmpdir(), "rds-offsite-packed");

/** The files `npm pack` takes: package.json's `files` (walked), package.json itself, and npm's always-included ones. */
function packedSources(): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { files: string[] };
  const walk = (entry: string): string[] => {
    const full = path.join(repoRoot, entry);
    if (!fs.existsSync(full)) return [];
    if (!fs.statSync(full).isDirectory()) return [entry];
    return fs
      .readdirSync(full)
      .sort()
      .flatMap((name) => walk(path.join(entry, name)));
  };
  return ["package.json", ...manifest.files.flatMap(walk)];
}

/** A hash of the packed files' names and contents: the cache key of the tarball and of the projects installing it. */
function sourcesHash(): string {
  const hash = createHash("sha256");
  for (const file of packedSources()) hash.update(`${file}\0`).update(fs.readFileSync(path.join(repoRoot, file)));
  return hash.digest("hex").slice(0, 16);
}

/**
 * `build` into `target` unless it is already there: built in a directory of its own, then renamed into place, so a
 * concurrent test file sees either nothing or the whole result (whichever of two concurrent builds lands first stays).
 */
async function once(target: string, build: (dir: string) => Promise<void>): Promise<string> {
  if (fs.existsSync(target)) return target;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const staging = fs.mkdtempSync(`${target}.tmp-`);
  try {
    await build(staging);
    try {
      fs.renameSync(staging, target);
    } catch (error) {
      if (!fs.existsSync(target)) throw error;
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return target;
}

/** Removes the packs of earlier sources, so the cache holds one. */
function pruneOthers(keep: string): void {
  for (const name of fs.existsSync(CACHE) ? fs.readdirSync(CACHE) : []) {
    if (name !== keep && !name.startsWith(`${keep}.tmp-`))
      fs.rmSync(path.join(CACHE, name), { recursive: true, force: true });
  }
}

/** The `npm pack` tarball of the built package (dist/ must be built). */
export async function packedTarball(): Promise<string> {
  if (!fs.existsSync(path.join(repoRoot, "dist/pulumi/index.js"))) throw new Error("dist/ is missing: npm run build");
  const key = sourcesHash();
  const dir = await once(path.join(CACHE, key, "pack"), async (staging) => {
    pruneOthers(key);
    await exec("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", staging], { cwd: repoRoot });
  });
  const tarballs = fs.readdirSync(dir).filter((name) => name.endsWith(".tgz"));
  if (tarballs.length !== 1) throw new Error(`expected one tarball in ${dir}, found ${tarballs.join(", ")}`);
  return path.join(dir, tarballs[0]!);
}

/**
 * A project that installed the tarball alone, as `npx` installs the command (@pulumi/pulumi is an optional peer, so
 * it is not there). Tests only read it: run its node_modules/.bin commands, look at its node_modules.
 */
export async function projectWithCommandOnly(): Promise<string> {
  const tarball = await packedTarball();
  return once(path.join(path.dirname(path.dirname(tarball)), "command-only"), async (staging) => {
    fs.writeFileSync(path.join(staging, "package.json"), JSON.stringify({ name: "command-only", private: true }));
    await exec("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", tarball], { cwd: staging });
  });
}
