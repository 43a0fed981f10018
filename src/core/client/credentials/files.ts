import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import type { Credential, CredentialSource, SourceOutcome } from "./types";

/** How an error names a path: under the home directory as `~/…`, so a message does not reveal the user name. */
export function shownPath(path: string, home: string = homedir()): string {
  return home !== "" && path.startsWith(`${home}/`) ? `~/${path.slice(home.length + 1)}` : path;
}

async function readText(path: string): Promise<{ text: string } | { reason: string }> {
  try {
    return { text: await readFile(path, "utf8") };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { reason: code === "ENOENT" ? "not found" : `not readable (${code ?? "error"})` };
  }
}

/** `[section]` → `key = value` of an INI file (the official SDKs' profile file); `#`/`;` comments. */
export function parseIni(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let section: Map<string, string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      section = new Map();
      sections.set((header[1] as string).trim(), section);
      continue;
    }
    const equals = line.indexOf("=");
    if (section && equals > 0) section.set(line.slice(0, equals).trim(), line.slice(equals + 1).trim());
  }
  return sections;
}

function found(credential: Credential): SourceOutcome {
  return { found: true, fetch: () => Promise.resolve(credential) };
}

/**
 * The official SDKs' profile file (setting `credentialsFile`, default `~/.huaweicloud/credentials`); INI, section
 * `[basic]` with `ak`, `sk` and optionally `security_token`.
 */
export function profileFileSource(path: string, home: string): CredentialSource {
  const name = `profile file ${shownPath(path, home)}`;
  return {
    name,
    async probe() {
      const read = await readText(path);
      if ("reason" in read) return { found: false, reason: read.reason };
      const basic = parseIni(read.text).get("basic");
      if (!basic) return { found: false, reason: "no [basic] section" };
      const ak = basic.get("ak");
      const sk = basic.get("sk");
      if (!ak || !sk) return { found: false, reason: "[basic] has no ak and sk" };
      return found({ accessKey: ak, secretKey: sk, securityToken: basic.get("security_token") || undefined });
    },
  };
}

/**
 * KooCLI's shared config file, as the huaweicloud provider reads it (setting `sharedConfigFile`, default
 * `~/.hcloud/config.json`); profile `profile` (`HW_PROFILE`), else the file's `current` profile; mode AKSK
 * (`accessKeyId`, `secretAccessKey`, `securityToken`).
 */
export function sharedConfigSource(path: string, profileName: string | undefined, home: string): CredentialSource {
  const name = `shared config file ${shownPath(path, home)}`;
  return {
    name,
    async probe() {
      const read = await readText(path);
      if ("reason" in read) return { found: false, reason: read.reason };
      let config: unknown;
      try {
        config = JSON.parse(read.text);
      } catch {
        return { found: false, reason: "not JSON" };
      }
      const record = (value: unknown): Record<string, unknown> =>
        typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
      const profiles = Array.isArray(record(config).profiles) ? (record(config).profiles as unknown[]) : [];
      const wanted = profileName || String(record(config).current ?? "");
      if (wanted === "") return { found: false, reason: "no profile named (HW_PROFILE) and no current profile" };
      const profile = profiles.map(record).find((candidate) => candidate.name === wanted);
      // The profile's name is the user's own label, not a secret: it is shown.
      if (!profile) return { found: false, reason: `no profile named ${JSON.stringify(wanted)}` };
      const ak = profile.accessKeyId;
      const sk = profile.secretAccessKey;
      if (typeof ak !== "string" || ak === "" || typeof sk !== "string" || sk === "") {
        return { found: false, reason: `profile ${JSON.stringify(wanted)} has no accessKeyId and secretAccessKey` };
      }
      const token =
        typeof profile.securityToken === "string" && profile.securityToken !== "" ? profile.securityToken : undefined;
      return found({ accessKey: ak, secretKey: sk, securityToken: token });
    },
  };
}
