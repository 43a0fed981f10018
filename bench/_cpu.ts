import { productListing } from "./listing/productListing";
import { startEmulatorHost } from "./support/emulatorHost";

async function main() {
  const e = await startEmulatorHost({ regions: { "ap-southeast-2": 5000 }, latencyMs: 25 });
  const l = productListing(e, "ap-southeast-2");
  for (let i = 0; i < 30; i++) await l();
  await e.reset();
  for (let i = 0; i < 10; i++) await l();
  console.log(await e.stats());
  await e.close();
}
main();
