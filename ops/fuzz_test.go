package ops

import (
	"testing"

	"wfcli/ops/dmr"
)

// FuzzExecute checks that any request, however malformed, gets a response
// with an outcome and never a panic, and that a failed request leaves the
// model as it was.
func FuzzExecute(f *testing.F) {
	for _, s := range []string{
		`{"operation" => "add", "address" => [("subsystem" => "test"), ("pool" => "p")], "jndi-name" => "j"}`,
		`{"operation" => "write-attribute", "address" => [("subsystem" => "test")], "name" => "hosts[3].x", "value" => 1}`,
		`{"operation" => "composite", "steps" => [1, {"operation" => "remove"}]}`,
		`{"operation" => "map-put", "address" => ["subsystem", "test"], "name" => "port", "key" => "k"}`,
		`{"operation" => "read-resource", "address" => [("subsystem" => "*"), ("pool" => "*")], "recursive-depth" => "x"}`,
		`{"operation" => "list-remove", "address" => [("subsystem" => "other")], "name" => "l", "index" => -4}`,
		`{"operation" => "resolve-expression", "expression" => "${a:${b:${c}}"}`,
		`{"operation" => "read-attribute", "address" => [("subsystem" => "test")], "name" => "properties..[x"}`,
		`{"operation" => "validate-address", "value" => {"a" => 1}}`,
		`{"operation" => "read-operation-description", "address" => [("system-property" => "q")], "name" => "add"}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		op, err := dmr.Parse(s)
		if err != nil {
			return
		}
		c := newTestController(t, Options{AdminOnly: true})
		before := c.Model()
		r := c.Execute(op)
		outcome, _ := r.Get("outcome")
		switch outcome.Str() {
		case "success":
		case "failed":
			if c.Model() != before {
				t.Errorf("a failed request changed the model: %s", s)
			}
		default:
			t.Errorf("response without an outcome: %s", r.CompactString())
		}
	})
}
