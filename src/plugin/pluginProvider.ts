import type * as provider from "@pulumi/pulumi/provider";
import { ConfigurationError, isConfigurationError } from "../core/client/errors/ConfigurationError";
import { DATA_SOURCES, type DataSource } from "../core/dataSources";
import type { ConfigurationLookup } from "../core/dataSources/configurationLookup";
import { singleFlight } from "../core/singleFlight";
import { PACKAGE_NAME, schemaText, token } from "./schema";

/** The provider's settings as `configure` received them: setting name → value (a secret still marked as such). */
export type ProviderSettings = Readonly<Record<string, unknown>>;

/** A provider that also receives its configuration (see plugin/configuredServer.ts for how). */
export interface ConfigurableProvider extends provider.Provider {
  configure(settings: ProviderSettings): void;
  invoke: NonNullable<provider.Provider["invoke"]>;
}

/**
 * The plugin's provider: each data source is a function (an invoke) over the core's query, so arguments, results
 * and errors are those of the TypeScript functions. Settings: the provider's own (an explicit provider's arguments,
 * or stack config `huaweicloud-rds-offsite:*` for the default provider), then the plugin's environment.
 *
 * One plugin process serves one provider for one deployment, and a program may ask the same question twice (a YAML
 * gate takes `return: range` beside the full result): identical invokes share one answer, so they cost no second
 * request and cannot disagree (a warning is logged once). New settings start afresh. `warn` logs a warning a query
 * reports (`checkRestoreTime` with `onUnavailable: "warn"`) through the engine.
 */
export function pluginProvider(
  version: string,
  env: NodeJS.ProcessEnv = process.env,
  warn: (message: string) => void = () => {},
): ConfigurableProvider {
  const byToken = new Map<string, DataSource>(DATA_SOURCES.map((source) => [token(source.name), source]));
  let settings: ProviderSettings = {};
  // Kept until new settings arrive (configure clears them); a failed invoke is not kept, so a retry asks again.
  const answers = singleFlight<object>({ keepUntil: () => Infinity });
  const lookup = (): ConfigurationLookup => ({ stackConfig: (key) => settingText(settings[key]), env });
  return {
    version,
    getSchema: async () => schemaText(version),
    configure(received) {
      settings = withoutSecrets(received) as ProviderSettings;
      answers.clear();
    },
    async invoke(functionToken: string, inputs: Record<string, unknown>): Promise<provider.InvokeResult> {
      const source = byToken.get(functionToken);
      if (source === undefined) {
        throw new Error(`unknown function ${functionToken}; this provider has ${[...byToken.keys()].join(", ")}`);
      }
      const args = withoutSecrets(inputs);
      const key = JSON.stringify([functionToken, args]);
      const result = await answers
        .run(key, () => source.query(args, lookup(), warn))
        .catch((error: unknown) => {
          throw withNamespaceNote(error);
        });
      // Protobuf structs cannot hold `undefined`: absent fields stay absent, as the API gave them.
      return { outputs: JSON.parse(JSON.stringify(result)) as Record<string, unknown> };
    },
  };
}

/**
 * Why a plugin sees no region or credentials where a program would: the engine hands a provider plugin only the stack
 * config of its own namespace (or an explicit provider's arguments), so `huaweicloud:*`, which the README's setup of
 * the `huaweicloud` provider sets, never reaches it (docs/engine-facts.md, "Which settings").
 */
function withNamespaceNote(error: unknown): unknown {
  if (!isConfigurationError(error) || !NAMESPACE_SETTINGS.includes(error.setting)) return error;
  return new ConfigurationError(
    error.setting,
    `${error.message} The Pulumi engine hands this provider plugin only its own namespace, ${PACKAGE_NAME}:* (or an explicit provider's arguments): huaweicloud:* stack config is never seen here.`,
  );
}

/** Settings whose absence the namespace explains: the region and the credentials. */
const NAMESPACE_SETTINGS = ["region", "accessKey", "secretKey"];

/** Settings are text in stack config; an explicit provider may give a number (`maxRetries: 5`). */
function settingText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** The engine's marker of a secret value in a struct (`{ [SECRET_SIG]: SECRET_VALUE, value }`). */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";
const SECRET_VALUE = "1b47061264138c4ac30d75fd1eb44270";

/**
 * The value with every secret replaced by what it holds: the engine marks secrets in settings and arguments for a
 * provider that accepts them (the stock Configure answer says it does); the plugin reads them and stores nothing.
 */
function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  if (record[SECRET_SIG] === SECRET_VALUE) return withoutSecrets(record.value);
  return Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, withoutSecrets(inner)]));
}
