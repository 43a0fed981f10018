import * as pulumi from "@pulumi/pulumi";

/**
 * The `…Output` form of a function, with the semantics of Pulumi's output invokes (`pulumi.runtime.invokeOutput`):
 * the call waits until its arguments are known and every resource in `opts.dependsOn` exists; while one of those is
 * not yet created (during `preview`), the result is unknown and no request is made. The result depends on those
 * resources, so whatever consumes it is created after them.
 *
 * `opts.parent` and `opts.provider` choose the provider plugin of a Pulumi invoke; these functions run in the program
 * and use no provider resource, so there is nothing for them to select.
 */
export function invokeOutput<Args, Result>(
  args: unknown,
  opts: pulumi.InvokeOutputOptions | undefined,
  call: (plainArgs: Args) => Promise<Result>,
): pulumi.Output<Result> {
  return pulumi
    .all([pulumi.output(args), dependenciesCreated(opts?.dependsOn)])
    .apply(([plain]) => call(plain as Args));
}

/** Known once every resource exists: a custom resource's id (unknown until created), a component's URN. */
function dependenciesCreated(dependsOn: pulumi.InvokeOutputOptions["dependsOn"]): pulumi.Output<unknown> {
  if (dependsOn === undefined) return pulumi.output([]);
  const listed: pulumi.Output<unknown> = pulumi.output(dependsOn as pulumi.Input<unknown>);
  return listed.apply((value) => {
    const resources = (Array.isArray(value) ? value : [value]) as pulumi.Resource[];
    return pulumi.all(
      resources.map((resource) => (pulumi.CustomResource.isInstance(resource) ? resource.id : resource.urn)),
    );
  });
}
