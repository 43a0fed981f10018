import * as pulumi from "@pulumi/pulumi";

/**
 * The engine's floor for a data source: a dynamic resource registered as a read, like the product's, whose provider
 * answers `read` at once with no module to load and no request to make. Its cost per resource is what the engine,
 * the program's registration and the provider host take, whoever the provider is.
 */
const immediateReader: pulumi.dynamic.ResourceProvider = {
  read: async (id, props) => ({ id, props }),
  create: async () => {
    throw new Error("a data source is read, never created");
  },
};

export class TrivialRead extends pulumi.dynamic.Resource {
  constructor(name: string) {
    super(immediateReader, name, { value: name }, { id: `trivial-${name}` }, "bench", "TrivialRead");
  }
}
