import { createHash } from "node:crypto";
import { ConfigurationError } from "../errors/ConfigurationError";
import { profileFileSource, sharedConfigSource } from "./files";
import { refreshingProvider, staticProvider } from "./refreshing";
import { assumeAgency, metadataSource, oidcSource } from "./remote";
import type { ChainSettings, Credential, CredentialProvider, CredentialSource } from "./types";

export interface ChainOptions {
  /** A credential from the settings sources (arguments → stack config → environment), with the source's name. */
  readonly given?: { readonly credential: Credential; readonly from: string } | undefined;
  /** What the settings sources would have held, for the error: e.g. `HW_ACCESS_KEY and HW_SECRET_KEY (environment)`. */
  readonly givenKeys: string;
  /** Where to look after the settings' credential: resolved settings, never the process's environment. */
  readonly sources: ChainSettings;
  /** Says on stderr which source was used (never a value): `HW_DEBUG` of the lookup's environment. */
  readonly debug: boolean;
  /** The configured IAM endpoint: the IdP-id OIDC exchange and agencies follow it. */
  readonly iamEndpoint: string;
  /** Setting `assumeAgencyName` / `assumeDomainName` (`HW_ASSUME_ROLE_AGENCY_NAME` / `HW_ASSUME_ROLE_DOMAIN_NAME`). */
  readonly agency?: { readonly agencyName: string; readonly domainName: string } | undefined;
}

/** Debug lines (never a value) go to stderr when `HW_DEBUG` is set to anything but `0`/`false`. */
export function debugEnabled(env: Readonly<Record<string, string | undefined>>): boolean {
  const value = env.HW_DEBUG?.trim().toLowerCase();
  return value !== undefined && value !== "" && value !== "0" && value !== "false";
}

/** The sources after the settings, in order: profile file, KooCLI shared config, OIDC federation, ECS metadata. */
export function chainSources(settings: ChainSettings): CredentialSource[] {
  return [
    profileFileSource(settings.credentialsFile, settings.home),
    sharedConfigSource(settings.sharedConfigFile, settings.profile, settings.home),
    oidcSource(settings.oidc, settings.home),
    metadataSource(settings.metadataEndpoint),
  ];
}

/**
 * The credential chain: the settings' credential if any, else the first source that has one; then, if an agency is
 * configured, that agency assumed with it. Looked up at the first request; temporary credentials are refreshed before
 * they expire. When nothing is found, the error lists every place tried, in order, and what each said.
 */
export function credentialChain(options: ChainOptions): CredentialProvider {
  // One chain per configuration in the process: every query and resource of a program shares one temporary credential,
  // its refreshes, project id lookups and identical requests in flight.
  const key = chainKey(options);
  let chain = chains.get(key);
  if (!chain) {
    chain = newChain(options, createHash("sha256").update(key).digest("base64"));
    chains.set(key, chain);
  }
  return chain;
}

const chains = new Map<string, CredentialProvider>();
let generation = 0;

/** Forgets every chain (tests; credentials files rewritten in a long-lived process). */
export function clearCredentialChains(): void {
  chains.clear();
  generation += 1;
}

/** Changes whenever the chains are forgotten: settings resolved before hold a chain that is no longer the live one. */
export function credentialChainGeneration(): number {
  return generation;
}

function chainKey(options: ChainOptions): string {
  const given = options.given?.credential;
  return JSON.stringify([
    given ? [given.accessKey, given.secretKey, given.securityToken ?? ""] : null,
    options.given?.from ?? "",
    options.givenKeys,
    options.iamEndpoint,
    options.agency ?? null,
    options.sources,
    options.debug,
  ]);
}

function newChain(options: ChainOptions, identity: string): CredentialProvider {
  const debug = options.debug
    ? (line: string) => process.stderr.write(`huaweicloud-rds-offsite: ${line}\n`)
    : () => undefined;
  const base = options.given
    ? Promise.resolve({ from: options.given.from, provider: staticProvider(options.given.credential) })
    : undefined;
  let located: Promise<{ from: string; provider: CredentialProvider }> | undefined = base;
  const locate = () => {
    located ??= (async () => {
      const tried: string[] = [];
      for (const source of chainSources(options.sources)) {
        const outcome = await source.probe();
        if (outcome.found) return { from: source.name, provider: refreshingProvider(outcome.fetch) };
        tried.push(`${source.name}: ${outcome.reason}`);
      }
      throw new ConfigurationError(
        "accessKey",
        `No Huawei Cloud credentials are set. Set ${options.givenKeys}. Tried after them, in order: ${tried.join("; ")}.`,
      );
    })();
    // A failed lookup is tried again at the next request (a file may have been written since).
    located.catch(() => {
      located = base;
    });
    return located;
  };
  let said = false;
  let baseProvider: CredentialProvider | undefined;
  let agencyProvider: CredentialProvider | undefined;
  let inUse: CredentialProvider | undefined;
  const current = async (): Promise<CredentialProvider> => {
    inUse = await choose();
    return inUse;
  };
  const choose = async (): Promise<CredentialProvider> => {
    const { from, provider } = await locate();
    baseProvider = provider;
    if (!said) {
      said = true;
      const on = options.agency ? `, assuming agency ${options.agency.agencyName} of ${options.agency.domainName}` : "";
      debug(`credentials from ${from}${on}`);
    }
    if (!options.agency) return provider;
    const agency = { ...options.agency, durationSeconds: 3600 };
    agencyProvider ??= refreshingProvider(async () =>
      assumeAgency(await provider.credentials(), agency, options.iamEndpoint),
    );
    return agencyProvider;
  };
  return {
    identity,
    credentials: async () => (await current()).credentials(),
    // The provider is known once a credential was used.
    expired: (used) => inUse?.expired(used) ?? false,
    lastUsed: () => inUse?.lastUsed(),
    // The base credential signs the agency exchange: both providers' credentials are redacted.
    recentlyUsed: () => [...(baseProvider?.recentlyUsed() ?? []), ...(agencyProvider?.recentlyUsed() ?? [])],
  };
}
