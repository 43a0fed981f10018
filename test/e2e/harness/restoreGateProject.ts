import type { Emulator } from "../../../emulator";
import { pluginTarball } from "./pluginTarball";
import { type DirectoryProject, pulumiInDirectory } from "./pulumiInDirectory";

/**
 * A fresh stack of a restore-gate example in another language than TypeScript (`examples/yaml-restore-gate`,
 * `examples/python-restore-gate`): the first instance of `region` and `restoreTime` in its config, the provider
 * plugin's settings in its own namespace (the secret key as a secret), the emulator's endpoints in the environment,
 * plus `env` (the language host on PATH); the provider plugin installed from its release tarball.
 */
export async function restoreGateProject(options: {
  dir: string;
  emulator: Emulator;
  region: string;
  restoreTime: string;
  env: Record<string, string>;
}): Promise<DirectoryProject> {
  const { emulator, region } = options;
  const project = await pulumiInDirectory({
    dir: options.dir,
    env: { HW_RDS_ENDPOINT: emulator.url, HW_IAM_ENDPOINT: emulator.url, ...options.env },
    plugins: [await pluginTarball()],
  });
  await project.configure(
    {
      "huaweicloud-rds-offsite:region": region,
      "huaweicloud-rds-offsite:accessKey": emulator.credentials.accessKey,
      sourceInstanceId: emulator.dataset.instances(region)[0]!.id,
      restoreTime: options.restoreTime,
    },
    { "huaweicloud-rds-offsite:secretKey": emulator.credentials.secretKey },
  );
  return project;
}
