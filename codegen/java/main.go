// Command java writes the Java SDK of the provider plugin from its schema, with Pulumi's Java code generator
// (github.com/pulumi/pulumi-java/pkg/codegen/java, the one `pulumi package gen-sdk --language java` runs).
//
//	go run . -schema ../../schema/schema.json -out <dir>
//
// A module of its own: pulumi-java pins an older github.com/pulumi/pulumi/pkg/v3 than ../go.mod.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/blang/semver"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
	javagen "github.com/pulumi/pulumi-java/pkg/codegen/java"
)

const tool = "pulumi-huaweicloud-rds-offsite codegen"

func main() {
	schemaPath := flag.String("schema", "schema/schema.json", "the provider's schema")
	out := flag.String("out", "sdks/java", "directory receiving the Java SDK")
	flag.Parse()
	if err := generate(*schemaPath, *out); err != nil {
		fmt.Fprintf(os.Stderr, "codegen java: %v\n", err)
		os.Exit(1)
	}
}

func generate(schemaPath, out string) error {
	text, err := os.ReadFile(schemaPath)
	if err != nil {
		return err
	}
	var spec schema.PackageSpec
	if err := json.Unmarshal(text, &spec); err != nil {
		return fmt.Errorf("%s: %w", schemaPath, err)
	}
	pkg, diags, err := schema.BindSpec(spec, noReferences{}, schema.ValidationOptions{})
	if err != nil {
		return fmt.Errorf("binding %s: %w", schemaPath, err)
	}
	if diags.HasErrors() {
		return fmt.Errorf("binding %s: %s", schemaPath, diags.Error())
	}
	files, err := javagen.GeneratePackage(tool, pkg, nil, nil, false, false)
	if err != nil {
		return err
	}
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	for name, content := range files {
		target := filepath.Join(out, name)
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(target, content, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// noReferences is the loader of a schema that references no other package.
type noReferences struct{}

var errNoReferences = errors.New("this schema references no other package")

func (noReferences) LoadPackage(string, *semver.Version) (*schema.Package, error) {
	return nil, errNoReferences
}

func (noReferences) LoadPackageV2(context.Context, *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, errNoReferences
}

func (noReferences) LoadPackageReference(string, *semver.Version) (schema.PackageReference, error) {
	return nil, errNoReferences
}

func (noReferences) LoadPackageReferenceV2(
	context.Context, *schema.PackageDescriptor,
) (schema.PackageReference, error) {
	return nil, errNoReferences
}
