import { BasicCredentials } from "@huaweicloud/huaweicloud-sdk-core";
import { HcClient } from "@huaweicloud/huaweicloud-sdk-core/HcClient";
import { DefaultHttpClient } from "@huaweicloud/huaweicloud-sdk-core/http/DefaultHttpClient";
import type { EmulatorTarget } from "../support/product";

/**
 * How the official client was built. `ClientBuilder` is the documented way, but in 3.1.211 it cannot be loaded on a
 * clean install: `ClientBuilder.js` → `http/DefaultUserAgent.js` does `require("uuid")`, and `uuid` is not among the
 * package's declared dependencies (package.json lists axios, form-data, https-proxy-agent, is-stream, lodash, log4js,
 * moment, moment-timezone, ramda). So when that require fails, the client is assembled from the same classes
 * `ClientBuilder.build()` assembles (`DefaultHttpClient` + `HcClient` + credential + endpoints); the signer
 * (`AKSKSigner`, via `BasicCredentials.processAuthRequest`) and transport (axios) are unchanged.
 */
export let huaweiSdkConstruction = "";

function buildClient(endpoint: string, credentials: BasicCredentials): HcClient {
  try {
    const { ClientBuilder } =
      require("@huaweicloud/huaweicloud-sdk-core/ClientBuilder") as typeof import("@huaweicloud/huaweicloud-sdk-core/ClientBuilder");
    const client = new ClientBuilder<HcClient>((hcClient) => hcClient)
      .withCredential(credentials)
      .withEndpoint(endpoint)
      .build();
    huaweiSdkConstruction = "ClientBuilder";
    return client;
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    huaweiSdkConstruction = `ClientBuilder cannot be loaded (${message}; "uuid" is required by http/DefaultUserAgent.js but not a declared dependency of @huaweicloud/huaweicloud-sdk-core 3.1.211), so HcClient is assembled as ClientBuilder.build() does: new HcClient(new DefaultHttpClient(options, [endpoint])).withCredential(BasicCredentials).withEndpoints([endpoint])`;
    // ClientBuilder.build()'s options, minus the User-Agent it computes with DefaultUserAgent (DefaultHttpClient
    // still sends its own `huaweicloud-usdk-nodejs/3.0`).
    const httpClient = new DefaultHttpClient({ disableSslVerification: true, headers: {} } as never, [endpoint]);
    return new HcClient(httpClient).withCredential(credentials).withEndpoints([endpoint]);
  }
}

/**
 * Baseline (b): the same sequential loop on Huawei's official Node SDK core (`@huaweicloud/huaweicloud-sdk-core`
 * 3.1.211): an `HcClient` with `BasicCredentials` (AK/SK and the project id, which the SDK sends and signs as
 * `X-Project-Id`), endpoint = the emulator. `sendRequest` is what every generated service client calls (the RDS SDK
 * builds the same options object), so this is the official signer and transport minus the generated model classes.
 */
export function huaweiSdkListing(target: EmulatorTarget, region: string, limit = 100) {
  const credentials = new BasicCredentials()
    .withAk(target.credentials.accessKey)
    .withSk(target.credentials.secretKey)
    .withProjectId(target.projects[region] as string);
  const client = buildClient(target.url, credentials);
  return async (): Promise<number> => {
    let count = 0;
    for (let offset = 0; ; offset += limit) {
      const response = await client.sendRequest<{ offsite_backup_instances?: unknown[]; httpStatusCode?: number }>({
        method: "GET",
        url: "/v3/backups/offsite-backup-instance",
        contentType: "application/json",
        queryParams: { offset, limit },
        pathParams: {},
        headers: {},
      });
      const page = response.offsite_backup_instances;
      if (!Array.isArray(page)) throw new Error(`Huawei SDK: unexpected answer ${JSON.stringify(response)}`);
      if (page.length === 0) return count;
      count += page.length;
    }
  };
}
