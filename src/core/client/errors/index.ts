export { ConfigurationError, isConfigurationError } from "./ConfigurationError";
export { HuaweiCloudError, isHuaweiCloudError } from "./HuaweiCloudError";
export { IncompleteListingError, isIncompleteListingError } from "./IncompleteListingError";
export { InvalidArgumentError, isInvalidArgumentError } from "./InvalidArgumentError";
