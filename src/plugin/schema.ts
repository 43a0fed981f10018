import { PACKAGE_CONFIG_NAMESPACE } from "../core/client/settings/stackConfigKeys";
import { CONFIGURATION, DATA_SOURCES, type FieldDefinition, OBJECT_TYPES, type ValueType } from "../core/dataSources";
import { PLUGIN_DOWNLOAD_URL, REPOSITORY_PATH } from "./version";

/** The plugin's package name: its config namespace, its tokens' first part, its binary's suffix. */
export const PACKAGE_NAME = PACKAGE_CONFIG_NAMESPACE;

/** `huaweicloud-rds-offsite:index:<name>`: the token of a function or type. */
export const token = (name: string): string => `${PACKAGE_NAME}:index:${name}`;

/** The generated Go SDK's module: sdks/go of the repository (released with tags `sdks/go/v<version>`). */
export const GO_MODULE_PATH = `${REPOSITORY_PATH}/sdks/go`;

/** Where the generated Go SDK is imported from. */
export const GO_IMPORT_BASE_PATH = `${GO_MODULE_PATH}/huaweicloudrdsoffsite`;

type TypeSpec = { type: string; items?: TypeSpec } | { $ref: string };
interface PropertySpec {
  description: string;
  secret?: boolean;
  type?: string;
  items?: TypeSpec;
  $ref?: string;
}

function typeSpec(value: ValueType): TypeSpec {
  if ("ref" in value) return { $ref: `#/types/${token(value.ref)}` };
  if (value.type === "array") return { type: "array", items: typeSpec(value.items) };
  return { type: value.type };
}

/** Properties and the names of the required ones, in definition order. */
function objectSpec(fields: Readonly<Record<string, FieldDefinition>>) {
  const properties: Record<string, PropertySpec> = {};
  for (const [name, field] of Object.entries(fields)) {
    properties[name] = {
      description: field.description,
      ...typeSpec(field.type),
      ...(field.secret ? { secret: true } : {}),
    };
  }
  const required = Object.keys(fields).filter((name) => fields[name]?.required);
  return required.length === 0 ? { properties } : { properties, required };
}

/**
 * The Pulumi package schema of the provider plugin, derived from the data source definitions: what `getSchema`
 * answers, what schema/schema.json holds, and what the Python and Go SDKs are generated from.
 */
export function packageSchema(version: string) {
  const configuration = objectSpec(CONFIGURATION);
  return {
    name: PACKAGE_NAME,
    displayName: "Huawei Cloud RDS offsite backups",
    version,
    description:
      "Read-only data sources over Huawei Cloud RDS cross-region (offsite) backups and their restore time ranges, for gating restores during pulumi preview.",
    keywords: ["pulumi", "huaweicloud", "rds", "backup", "restore", "category/database", "kind/native"],
    license: "Apache-2.0",
    homepage: `https://${REPOSITORY_PATH}`,
    repository: `https://${REPOSITORY_PATH}`,
    pluginDownloadURL: PLUGIN_DOWNLOAD_URL,
    meta: { moduleFormat: "(.*)", supportPack: true },
    config: { variables: configuration.properties },
    provider: {
      description: `The provider's settings; each falls back to stack config \`${PACKAGE_NAME}:<key>\` (the default provider), then the environment (\`HW_*\`, \`HUAWEICLOUD_SDK_*\`).`,
      inputProperties: configuration.properties,
    },
    types: Object.fromEntries(
      Object.entries(OBJECT_TYPES).map(([name, type]) => [
        token(name),
        { description: type.description, type: "object", ...objectSpec(type.properties) },
      ]),
    ),
    functions: Object.fromEntries(
      DATA_SOURCES.map((source) => [
        token(source.name),
        {
          description: source.description,
          inputs: objectSpec(source.arguments),
          outputs: objectSpec(source.result),
        },
      ]),
    ),
    language: {
      python: {
        packageName: "pulumi_huaweicloud_rds_offsite",
        requires: { pulumi: ">=3.165.0,<4.0.0" },
        respectSchemaVersion: true,
        pyproject: { enabled: true },
      },
      go: { importBasePath: GO_IMPORT_BASE_PATH, respectSchemaVersion: true },
    },
  };
}

/** schema/schema.json as committed: the schema of this package's version, two-space JSON and a final newline. */
export function schemaText(version: string): string {
  return `${JSON.stringify(packageSchema(version), null, 2)}\n`;
}
