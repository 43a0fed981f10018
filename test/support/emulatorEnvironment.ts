import type { Emulator } from "../../emulator";

/** Environment a user would export for the emulator (as `npm run emulator` prints it). */
export function environmentFor(emulator: Emulator, region = "ap-southeast-1"): Record<string, string> {
  return {
    HW_ACCESS_KEY: emulator.credentials.accessKey,
    HW_SECRET_KEY: emulator.credentials.secretKey,
    HW_REGION_NAME: region,
    HW_RDS_ENDPOINT: emulator.url,
    HW_IAM_ENDPOINT: emulator.url,
  };
}
