// The text of src/core/dataSources/types.ts: the TypeScript argument and result types, with their TSDoc, derived from the data
// source definitions (src/core/dataSources) like schema/schema.json. `npm run schema` writes it; test/plugin/typescriptTypes
// fails when the committed file is stale.
import { DATA_SOURCES, type FieldDefinition, OBJECT_TYPES, type ValueType } from "../src/core/dataSources";
import { REGION_ARGUMENTS, REGION_ARGUMENTS_DESCRIPTION } from "../src/core/dataSources/definition";

/** Where the generated file is written, from the repository's root. */
export const TYPES_PATH = "src/core/dataSources/types.ts";

/** The hand-written types a definition's `tsType` names, and the module (from src/core/dataSources) that exports each. */
const HAND_WRITTEN_TYPES: Record<NonNullable<FieldDefinition["tsType"]>, string> = {
  RestoreTimeInput: "../restore/parseRestoreTime",
  DurationInput: "../readiness/duration",
  OnUnavailable: "../restore/onUnavailable",
};

const LINE_WIDTH = 120;

/** A TSDoc comment at `indent`, on one line when it fits, otherwise wrapped at the formatter's line width. */
function docComment(text: string, indent: string): string {
  const oneLine = `${indent}/** ${text} */`;
  if (oneLine.length <= LINE_WIDTH) return `${oneLine}\n`;
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && `${indent} * ${line} ${word}`.length > LINE_WIDTH) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  lines.push(line);
  return `${indent}/**\n${lines.map((l) => `${indent} * ${l}\n`).join("")}${indent} */\n`;
}

function typeText(value: ValueType): string {
  if ("ref" in value) return value.ref;
  if (value.type === "array") return `${typeText(value.items)}[]`;
  return value.type === "integer" ? "number" : value.type;
}

/**
 * How an interface spells its fields. Results are `readonly`, arguments are not. A field that is not required is an
 * optional key (`date?: string`) in arguments and data source results, but a key always present, possibly
 * `undefined`, in object types: those are mapped from the API with every key set.
 */
interface Style {
  readonly readonly: boolean;
  readonly absentAs: "optionalKey" | "undefinedValue";
}

function interfaceText(
  name: string,
  description: string,
  fields: Readonly<Record<string, FieldDefinition>>,
  style: Style,
  extendsName?: string,
): string {
  const body = Object.entries(fields)
    .map(([key, field]) => {
      const type = field.tsType ?? typeText(field.type);
      const optional = !field.required && style.absentAs === "optionalKey";
      const absent = !field.required && style.absentAs === "undefinedValue" ? " | undefined" : "";
      const modifier = style.readonly ? "readonly " : "";
      return `${docComment(field.description, "  ")}  ${modifier}${key}${optional ? "?" : ""}: ${type}${absent};\n`;
    })
    .join("");
  const heritage = extendsName ? ` extends ${extendsName}` : "";
  return `${docComment(description, "")}export interface ${name}${heritage} {\n${body}}\n`;
}

const capitalized = (name: string) => `${name[0]?.toUpperCase()}${name.slice(1)}`;

/** The arguments a data source declares beyond the region arguments it shares (by reference) with every other. */
function ownArguments(fields: Readonly<Record<string, FieldDefinition>>): Record<string, FieldDefinition> {
  for (const [key, field] of Object.entries(REGION_ARGUMENTS)) {
    if (fields[key] !== field) throw new Error(`a data source's arguments must include REGION_ARGUMENTS.${key}`);
  }
  return Object.fromEntries(Object.entries(fields).filter(([key]) => !(key in REGION_ARGUMENTS)));
}

/** The whole text of src/core/dataSources/types.ts. */
export function typescriptTypesText(): string {
  const used = new Set(
    [...DATA_SOURCES.flatMap((source) => [...Object.values(source.arguments), ...Object.values(source.result)])]
      .map((field) => field.tsType)
      .filter((name) => name !== undefined),
  );
  const imports = [...used]
    .sort()
    .map((name) => `import type { ${name} } from "${HAND_WRITTEN_TYPES[name]}";\n`)
    .join("");
  const reexports = [...used]
    .sort()
    .map((name) => `export type { ${name} };\n`)
    .join("");
  const args: Style = { readonly: false, absentAs: "optionalKey" };
  const results: Style = { readonly: true, absentAs: "optionalKey" };
  const objects: Style = { readonly: true, absentAs: "undefinedValue" };
  const declarations = [
    ...Object.entries(OBJECT_TYPES).map(([name, type]) =>
      interfaceText(name, type.description, type.properties, objects),
    ),
    interfaceText("RegionArgs", REGION_ARGUMENTS_DESCRIPTION, REGION_ARGUMENTS, args),
    ...DATA_SOURCES.flatMap((source) => [
      interfaceText(
        `${capitalized(source.name)}Args`,
        `Arguments of \`${source.name}\`.`,
        ownArguments(source.arguments),
        args,
        "RegionArgs",
      ),
      interfaceText(
        `${capitalized(source.name)}Result`,
        `The result of \`${source.name}\`. ${source.description}`,
        source.result,
        results,
      ),
    ]),
  ];
  return [
    "// Generated by `npm run schema` from the data source definitions (src/core/dataSources): do not edit by hand.\n",
    imports,
    "\n",
    reexports,
    ...declarations.map((text) => `\n${text}`),
  ].join("");
}
