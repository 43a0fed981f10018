import { PACKAGE_CONFIG_KEYS, type PackageConfigKey, SETTINGS, settingDoc } from "../client/settings/table";
import type { FieldDefinition } from "./definition";

/**
 * The provider's settings: stack config `huaweicloud-rds-offsite:<key>` (the default provider) or the arguments of an
 * explicit provider. Keyed by every setting this package reads from its namespace, no more, no less; each one's
 * facts are its row of the settings table (src/core/client/settings/table.ts).
 */
export const CONFIGURATION: Readonly<Record<PackageConfigKey, FieldDefinition>> = Object.fromEntries(
  PACKAGE_CONFIG_KEYS.map((key): [PackageConfigKey, FieldDefinition] => {
    const row = SETTINGS[key];
    return [
      key,
      {
        type: { type: row.type },
        required: false,
        description: settingDoc(key),
        ...("secret" in row && row.secret ? { secret: true } : {}),
      },
    ];
  }),
) as Record<PackageConfigKey, FieldDefinition>;
