// Building the Node language host `pulumi-language-nodejs`, which runs a program from a project directory
// (`pulumi preview` next to a Pulumi.yaml). Later hosts live in modules of their own that the Go module proxy refuses
// (403); github.com/pulumi/pulumi/sdk/v3 v3.68.0 is the last release whose module still contains
// nodejs/cmd/pulumi-language-nodejs. `go install …@v3.68.0` refuses because of that module's replace directive, so a
// wrapper module requires it and builds the package. The host starts the installed @pulumi/pulumi's own `run`
// program, so the SDK's version, not the host's, decides how programs load (TypeScript, ESM, entry points).

import fs from "node:fs";
import path from "node:path";
import { runGo, writeWrapperModule } from "./goCommand.mjs";

export const LANGUAGE_HOST_MODULE = "github.com/pulumi/pulumi/sdk/v3";
export const LANGUAGE_HOST_VERSION = "v3.68.0";
export const LANGUAGE_HOST_PACKAGE = `${LANGUAGE_HOST_MODULE}/nodejs/cmd/pulumi-language-nodejs`;

/** Builds `<binDir>/pulumi-language-nodejs` (about a minute; to a temporary name, then renamed). */
export async function buildLanguageHost(binDir, { workDir, log }) {
  const logs = path.join(workDir, "logs");
  const wrapper = path.join(workDir, `language-host-${LANGUAGE_HOST_VERSION}`);
  log(`building the Node language host from ${LANGUAGE_HOST_MODULE}@${LANGUAGE_HOST_VERSION} (about a minute)`);
  writeWrapperModule(wrapper, {
    name: "pulumi-language-host-wrapper",
    requires: { [LANGUAGE_HOST_MODULE]: LANGUAGE_HOST_VERSION },
    tool: LANGUAGE_HOST_PACKAGE,
  });
  await runGo("language host go mod tidy", ["mod", "tidy"], {
    cwd: wrapper,
    logFile: path.join(logs, "language-host-tidy.log"),
    log,
  });
  const tmp = path.join(binDir, `.pulumi-language-nodejs.tmp-${process.pid}-${Date.now()}`);
  try {
    await runGo(
      "language host go build",
      ["build", "-trimpath", "-ldflags", "-s -w", "-o", tmp, LANGUAGE_HOST_PACKAGE],
      {
        cwd: wrapper,
        logFile: path.join(logs, "language-host-build.log"),
        log,
        progress: () => "still compiling the language host…",
      },
    );
    fs.renameSync(tmp, path.join(binDir, "pulumi-language-nodejs"));
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
