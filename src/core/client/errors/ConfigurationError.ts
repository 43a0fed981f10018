/**
 * A setting the client needs (credentials, region) is missing or malformed. The message names every place the value
 * can come from, so the fix is one copy-paste away.
 */
export class ConfigurationError extends Error {
  override readonly name = "ConfigurationError";
  /** The setting that is missing or wrong, e.g. `accessKey`. */
  readonly setting: string;

  constructor(setting: string, message: string) {
    super(message);
    this.setting = setting;
  }
}

export function isConfigurationError(error: unknown): error is ConfigurationError {
  return error instanceof ConfigurationError;
}
