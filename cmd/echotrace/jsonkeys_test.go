package main

import (
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/echotrace/echotrace/internal/cluster"
	"github.com/echotrace/echotrace/internal/export"
	"github.com/echotrace/echotrace/internal/pipeline"
)

// TestJSONKeysSnakeCase walks the types the commands print with --json:
// every field must be named by a snake_case json tag, so that no key comes
// out as a Go field name (Placed, Rebuilt).
func TestJSONKeysSnakeCase(t *testing.T) {
	snake := regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	marshaler := reflect.TypeFor[json.Marshaler]()
	seen := map[reflect.Type]bool{}
	var walk func(typ reflect.Type, path string)
	walk = func(typ reflect.Type, path string) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice || typ.Kind() == reflect.Array || typ.Kind() == reflect.Map {
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || seen[typ] || typ.Implements(marshaler) || reflect.PointerTo(typ).Implements(marshaler) {
			return
		}
		seen[typ] = true
		for i := range typ.NumField() {
			f := typ.Field(i)
			if !f.IsExported() {
				continue
			}
			tag := f.Tag.Get("json")
			name, _, _ := strings.Cut(tag, ",")
			if name == "-" {
				continue
			}
			if f.Anonymous && name == "" {
				walk(f.Type, path)
				continue
			}
			if !snake.MatchString(name) {
				t.Errorf("%s.%s (%s) has JSON key %q, want snake_case", path, f.Name, typ, name)
			}
			walk(f.Type, path+"."+f.Name)
		}
	}
	for _, v := range []any{
		quotesOutput{}, entitiesOutput{}, fetchSummary{}, buildInfo{}, export.Summary{},
		pipeline.IngestSummary{}, pipeline.ClusterResult{}, cluster.Story{}, cluster.Narrative{},
	} {
		walk(reflect.TypeOf(v), reflect.TypeOf(v).Name())
	}
}
