// The Node language host `pulumi-language-nodejs`, which runs a program from a project directory (`pulumi preview`
// next to a Pulumi.yaml). Later hosts live in modules of their own that the Go module proxy refuses (403);
// github.com/pulumi/pulumi/sdk/v3 v3.68.0 is the last release whose module still contains
// nodejs/cmd/pulumi-language-nodejs, and `go install …@v3.68.0` refuses it for the module's replace directive, hence a
// wrapper module (goBinary.mjs; about a minute). The host starts the installed @pulumi/pulumi's own `run` program, so
// the SDK's version, not the host's, decides how programs load (TypeScript, ESM, entry points).

/** @type {import("./goBinary.mjs").GoBinarySpec} */
export const NODEJS_LANGUAGE_HOST = {
  module: "github.com/pulumi/pulumi/sdk/v3",
  version: "v3.68.0",
  pkg: "github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs",
  what: "the Node language host",
};
