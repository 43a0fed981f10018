// The Java SDK as a jar: the sources pulumi-java's generator writes (codegen/java), compiled by Maven against
// com.pulumi:pulumi from Maven Central. The generator writes a Gradle build; Gradle is not in the package registries
// this project builds from, so a Maven build of the same sources, with the same dependencies and the resources the
// Gradle build would add (version.txt, plugin.json), stands in for it.

import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { generateJavaSdk } from "../codegen.mjs";

const exec = promisify(execFile);

/** What the generated Gradle build compiles against, at the Java SDK version of the generator (codegen/java/go.mod). */
export const JAVA_DEPENDENCIES = [
  ["com.pulumi", "pulumi", "1.16.0"],
  ["com.google.code.findbugs", "jsr305", "3.0.2"],
  ["com.google.code.gson", "gson", "2.8.9"],
];
export const JAVA_GROUP = "com.pulumi";
export const JAVA_ARTIFACT = "huaweicloudrdsoffsite";

/** @param {string} version */
function pom(version) {
  const dependencies = JAVA_DEPENDENCIES.map(
    ([group, artifact, v]) =>
      `    <dependency><groupId>${group}</groupId><artifactId>${artifact}</artifactId><version>${v}</version></dependency>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>${JAVA_GROUP}</groupId>
  <artifactId>${JAVA_ARTIFACT}</artifactId>
  <version>${version}</version>
  <packaging>jar</packaging>
  <properties>
    <maven.compiler.release>11</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
${dependencies.join("\n")}
  </dependencies>
  <build>
    <plugins>
      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
      <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
    </plugins>
  </build>
</project>
`;
}

/**
 * Generates, compiles and packs the Java SDK; returns the jar and its pom in `outDir`.
 * @param {object} options
 * @param {string} options.schema path of the schema to generate from
 * @param {string} options.workDir where the SDK is generated and Maven builds it
 * @param {string} options.outDir where the jar and its pom are copied
 * @param {string} options.version the SDK's version
 * @param {{ name: string, server: string }} options.plugin the plugin the SDK names, and where the engine downloads it
 */
export async function buildJavaSdk({ schema, workDir, outDir, version, plugin }) {
  await generateJavaSdk(workDir, schema);
  // The resources the generated Gradle build adds, where the generated Utilities reads them.
  const resources = path.join(workDir, "src", "main", "resources", "com", "pulumi", plugin.name);
  fs.mkdirSync(resources, { recursive: true });
  fs.writeFileSync(path.join(resources, "version.txt"), version);
  fs.writeFileSync(
    path.join(resources, "plugin.json"),
    `${JSON.stringify({ resource: true, ...plugin, version }, null, 2)}\n`,
  );
  fs.writeFileSync(path.join(workDir, "pom.xml"), pom(version));
  await exec("mvn", ["-q", "-B", "--no-transfer-progress", "package"], { cwd: workDir, maxBuffer: 64 << 20 }).catch(
    (error) => {
      throw new Error(`mvn package of the Java SDK failed:\n${error.stdout ?? ""}${error.stderr ?? ""}`);
    },
  );
  fs.mkdirSync(outDir, { recursive: true });
  const jar = path.join(outDir, `${JAVA_ARTIFACT}-${version}.jar`);
  fs.copyFileSync(path.join(workDir, "target", `${JAVA_ARTIFACT}-${version}.jar`), jar);
  const pomFile = path.join(outDir, `${JAVA_ARTIFACT}-${version}.pom`);
  fs.copyFileSync(path.join(workDir, "pom.xml"), pomFile);
  return { jar, pom: pomFile };
}
