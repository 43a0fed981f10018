// The API reference (docs/api/): one page per function of the plugin's schema, with every argument and result field
// in each language's syntax (TypeScript, Python, Go, YAML; a Java usage), and an index. Written by `npm run schema`
// with the schema itself, so the pages change exactly when the schema does (test/plugin/apiDocs.test.ts).
import { GO_IMPORT_BASE_PATH, GO_MODULE_PATH, type packageSchema } from "../src/plugin/schema";

type Schema = ReturnType<typeof packageSchema>;
interface Property {
  description: string;
  type?: string;
  items?: { type?: string; $ref?: string; items?: unknown };
  $ref?: string;
}
interface ObjectSpec {
  properties: Record<string, Property>;
  required?: string[];
}

export const API_DOCS_DIR = "docs/api";

const PYTHON_MODULE = "pulumi_huaweicloud_rds_offsite";
const GO_PACKAGE = "huaweicloudrdsoffsite";

const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
const pascal = (name: string) => name[0]!.toUpperCase() + name.slice(1);
const refName = (ref: string) => ref.slice(ref.lastIndexOf(":") + 1);

type Language = "typescript" | "python" | "go" | "yaml";

/** A property's type in a language; `optional` marks a field that may be absent. */
function typeIn(language: Language, property: Property, optional: boolean, inResult: boolean): string {
  const base = (p: Property | NonNullable<Property["items"]>): string => {
    if (p.$ref) {
      const name = refName(p.$ref);
      return language === "python" && inResult ? `outputs.${name}` : name;
    }
    if (p.type === "array") {
      const inner = base(p.items as Property);
      return { typescript: `${inner}[]`, python: `Sequence[${inner}]`, go: `[]${inner}`, yaml: `list(${inner})` }[
        language
      ];
    }
    const scalar = p.type as "string" | "integer" | "boolean" | "number";
    const names = {
      typescript: { string: "string", integer: "number", number: "number", boolean: "boolean" },
      python: { string: "str", integer: "int", number: "float", boolean: "bool" },
      go: { string: "string", integer: "int", number: "float64", boolean: "bool" },
      yaml: { string: "string", integer: "integer", number: "number", boolean: "boolean" },
    };
    return names[language][scalar];
  };
  const type = base(property);
  if (!optional) return type;
  if (language === "python") return `Optional[${type}]`;
  if (language === "go" && property.type !== "array") return `*${type}`;
  return type;
}

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

/** The table of an object's fields: the name and type in each language, whether required, the description. */
function fieldTable(spec: ObjectSpec, inResult: boolean): string {
  const required = new Set(spec.required ?? []);
  const rows = Object.entries(spec.properties).map(([name, property]) => {
    const optional = !required.has(name);
    const names = [
      `\`${name}\`: \`${typeIn("typescript", property, false, inResult)}\``,
      `\`${snake(name)}\`: \`${typeIn("python", property, optional, inResult)}\``,
      `\`${pascal(name)}\`: \`${typeIn("go", property, optional, inResult)}\``,
    ];
    return `| ${names.join(" | ")} | ${optional ? "no" : "yes"} | ${cell(property.description)} |`;
  });
  return [
    `| TypeScript, YAML | Python | Go | ${inResult ? "always present" : "required"} | description |`,
    "|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

/** Example argument values: the required ones, as placeholders. */
function usage(name: string, inputs: ObjectSpec, resultExample: string): string {
  const required = inputs.required ?? [];
  const placeholder = (arg: string) => `"<${arg}>"`;
  const fields = required.map((arg) => `${arg}: ${placeholder(arg)}`).join(", ");
  const ts = fields ? `{ ${fields} }` : "{}";
  const py = required.map((arg) => `${snake(arg)}=${placeholder(arg)}`).join(", ");
  const go = required.map((arg) => `${pascal(arg)}: ${placeholder(arg)}`).join(", ");
  const java =
    required.length === 0
      ? ""
      : `${pascal(name)}Args.builder()${required.map((arg) => `.${arg}(${placeholder(arg)})`).join("")}.build()`;
  const yaml =
    required.length === 0 ? " {}" : `\n${required.map((arg) => `        ${arg}: ${placeholder(arg)}`).join("\n")}`;
  return [
    "TypeScript (`npm install pulumi-huaweicloud-rds-offsite`):",
    "",
    "```ts",
    `import { ${name}, ${name}Output } from "pulumi-huaweicloud-rds-offsite";`,
    "",
    `const result = await ${name}(${ts}); // a Promise, in program code`,
    `const output = ${name}Output(${ts}); // an Output, from other Outputs`,
    `export const value = output.${resultExample};`,
    "```",
    "",
    `Python (\`pip install ${PYTHON_MODULE.replaceAll("_", "-")}\`):`,
    "",
    "```python",
    "import pulumi",
    `import ${PYTHON_MODULE} as rds_offsite`,
    "",
    `result = rds_offsite.${snake(name)}(${py})`,
    `output = rds_offsite.${snake(name)}_output(${py})`,
    `pulumi.export("value", result.${snake(resultExample)})`,
    "```",
    "",
    `Go (\`go get ${GO_MODULE_PATH}\`, then \`import "${GO_IMPORT_BASE_PATH}"\`):`,
    "",
    "```go",
    `result, err := ${GO_PACKAGE}.${pascal(name)}(ctx, &${GO_PACKAGE}.${pascal(name)}Args{${go}})`,
    "if err != nil {",
    "\treturn err",
    "}",
    `ctx.Export("value", pulumi.Any(result.${pascal(resultExample)}))`,
    "```",
    "",
    "Java (`com.pulumi:huaweicloudrdsoffsite`, not published yet; builder methods and accessors carry the TypeScript names):",
    "",
    "```java",
    "import com.pulumi.huaweicloudrdsoffsite.HuaweicloudrdsoffsiteFunctions;",
    ...(java ? [`import com.pulumi.huaweicloudrdsoffsite.inputs.${pascal(name)}Args;`] : []),
    "",
    `var output = HuaweicloudrdsoffsiteFunctions.${name}(${java});`,
    `ctx.export("value", output.applyValue(result -> result.${resultExample}()));`,
    "```",
    "",
    "YAML:",
    "",
    "```yaml",
    "variables:",
    "  result:",
    "    fn::invoke:",
    `      function: huaweicloud-rds-offsite:${name}`,
    `      arguments:${yaml}`,
    "outputs:",
    `  value: \${result.${resultExample}}`,
    "```",
  ].join("\n");
}

/** The object types a function's fields refer to, transitively, in order of first reference. */
function referencedTypes(schema: Schema, specs: ObjectSpec[]): string[] {
  const found: string[] = [];
  const visit = (property: Property | undefined) => {
    if (!property) return;
    const ref = property.$ref ?? property.items?.$ref;
    if (ref && !found.includes(ref)) {
      found.push(ref);
      const type = (schema.types as Record<string, ObjectSpec>)[ref.replace("#/types/", "")];
      for (const inner of Object.values(type?.properties ?? {})) visit(inner);
    }
    if (property.items && !property.items.$ref) visit(property.items as Property);
  };
  for (const spec of specs) for (const property of Object.values(spec.properties)) visit(property);
  return found.map((ref) => ref.replace("#/types/", ""));
}

function functionPage(schema: Schema, token: string): string {
  const fn = (schema.functions as Record<string, { description: string; inputs: ObjectSpec; outputs: ObjectSpec }>)[
    token
  ]!;
  const name = refName(token);
  const types = referencedTypes(schema, [fn.inputs, fn.outputs]);
  const resultExample = Object.keys(fn.outputs.properties)[0]!;
  return [
    `# ${name}`,
    "",
    `<!-- Generated by \`npm run schema\` from the plugin's schema (scripts/apiDocs.ts): do not edit. -->`,
    "",
    fn.description,
    "",
    `Token \`${token}\`. A read-only function: it runs during \`pulumi preview\` and leaves nothing in state. Python: \`${snake(name)}\` / \`${snake(name)}_output\`; Go: \`${pascal(name)}\` / \`${pascal(name)}Output\`.`,
    "",
    "## Usage",
    "",
    usage(name, fn.inputs, resultExample),
    "",
    "## Arguments",
    "",
    fieldTable(fn.inputs, false),
    "",
    "## Result",
    "",
    fieldTable(fn.outputs, true),
    ...types.flatMap((typeToken) => {
      const type = (schema.types as Record<string, ObjectSpec & { description: string }>)[typeToken]!;
      return ["", `### ${refName(typeToken)}`, "", type.description, "", fieldTable(type, true)];
    }),
    "",
    "See [the index](README.md) for the provider's settings and the other functions.",
    "",
  ].join("\n");
}

function indexPage(schema: Schema): string {
  const settings = Object.entries(schema.config.variables as Record<string, Property & { secret?: boolean }>).map(
    ([name, property]) =>
      `| \`huaweicloud-rds-offsite:${name}\` | \`${typeIn("yaml", property, false, false)}\`${property.secret ? " (secret)" : ""} | ${cell(property.description)} |`,
  );
  return [
    "# API reference: huaweicloud-rds-offsite",
    "",
    `<!-- Generated by \`npm run schema\` from the plugin's schema (scripts/apiDocs.ts): do not edit. -->`,
    "",
    schema.description,
    "",
    "## Functions",
    "",
    ...Object.entries(schema.functions as Record<string, { description: string }>).map(
      ([token, fn]) => `- [${refName(token)}](${refName(token)}.md): ${fn.description.split(/(?<=\.)\s/)[0]}`,
    ),
    "",
    "## Provider settings",
    "",
    schema.provider.description,
    "",
    "| stack config key (explicit provider argument without the namespace) | type | description |",
    "|---|---|---|",
    ...settings,
    "",
  ].join("\n");
}

/** Every page of the reference: path relative to the repository → text. */
export function apiDocs(schema: Schema): Map<string, string> {
  const pages = new Map<string, string>([[`${API_DOCS_DIR}/README.md`, indexPage(schema)]]);
  for (const token of Object.keys(schema.functions)) {
    pages.set(`${API_DOCS_DIR}/${refName(token)}.md`, functionPage(schema, token));
  }
  return pages;
}
