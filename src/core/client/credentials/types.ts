/** One access key pair, as the request signer needs it; `expiresAt` (epoch ms) only on a temporary credential. */
export interface Credential {
  readonly accessKey: string;
  readonly secretKey: string;
  readonly securityToken?: string | undefined;
  readonly expiresAt?: number | undefined;
}

/**
 * Where the wire client gets the credential of each attempt: awaited right before signing, so a temporary credential
 * near its expiry is refreshed first (once for all concurrent callers).
 */
export interface CredentialProvider {
  /** Distinguishes providers in cache and sharing keys; never a credential nor derived from one. */
  readonly identity: string;
  /** The credential to sign with now. */
  credentials(): Promise<Credential>;
  /**
   * The server refused `used`: true when the next `credentials()` fetches a fresh one (a temporary credential), false
   * when there is nothing to refresh (a credential given as a value), so the refusal stands.
   */
  expired(used: Credential): boolean;
  /** The credential handed out last, if any: redacted from every error like a configured one. */
  lastUsed(): Credential | undefined;
  /**
   * Every credential handed out lately, newest last (a few: a refreshed one may still be quoted by an answer to a
   * request signed before the refresh): each is redacted from every error like a configured one.
   */
  recentlyUsed(): readonly Credential[];
}

/** What one source of the chain found: a credential (maybe temporary, refreshable) or why not. */
export type SourceOutcome =
  | { readonly found: true; readonly fetch: () => Promise<Credential> }
  | { readonly found: false; readonly reason: string };

/** One place credentials may come from, tried in the chain's order. */
export interface CredentialSource {
  /** How the error and the debug line name it, e.g. `profile file ~/.huaweicloud/credentials`. */
  readonly name: string;
  /** Looks once; `fetch` of a found source is called again to refresh a temporary credential. */
  probe(): Promise<SourceOutcome>;
}

/**
 * Where the chain looks after the settings' own credential, as resolved from the settings (arguments → stack config →
 * environment, rows of settings/table.ts) with their defaults applied: the credential modules read no environment.
 */
export interface ChainSettings {
  /** The lookup's home directory (`HOME` of its environment): default file places, and `~/…` in messages. */
  readonly home: string;
  /** The official SDKs' profile file. */
  readonly credentialsFile: string;
  /** KooCLI's shared config file, and the profile asked for (else the file's `current`). */
  readonly sharedConfigFile: string;
  readonly profile?: string | undefined;
  readonly oidc: OidcSettings;
  /** The ECS metadata service, without a trailing slash. */
  readonly metadataEndpoint: string;
}

/** OIDC federation: through STS (`providerUrn` + `agencyUrn`) or, without them, through IAM (`idpId`). */
export interface OidcSettings {
  readonly providerUrn?: string | undefined;
  readonly agencyUrn?: string | undefined;
  readonly idpId?: string | undefined;
  readonly tokenFile?: string | undefined;
  readonly idToken?: string | undefined;
  readonly sessionName: string;
  readonly durationSeconds: number;
  readonly policy?: string | undefined;
  readonly policyIds?: readonly string[] | undefined;
  /** STS, for `AssumeAgencyWithOIDC`. */
  readonly stsEndpoint: string;
  /** IAM, for the IdP-id exchange. */
  readonly iamEndpoint: string;
}
