package ops

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestCommittedHook(t *testing.T) {
	const at = `"address" => [("subsystem" => "test")]`
	write := func(attr, value, headers string) string {
		return `{"operation" => "write-attribute", ` + at + `, "name" => "` + attr +
			`", "value" => ` + value + headers + `}`
	}
	const allow = `, "operation-headers" => {"allow-resource-service-restart" => true}`
	tests := []struct {
		name      string
		adminOnly bool
		req       string
		want      []string
	}{
		{"a change that needs a reload waits for it", false,
			write("port", "9000", ""), []string{"requires=2 allow=false port 8080->9000"}},
		{"a resource-services change with allow-resource-service-restart applies now", false,
			write("channel", `"ee"`, allow), []string{"requires=0 allow=true port 8080->8080"}},
		{"a resource-services change without the header waits for a reload", false,
			write("channel", `"ee"`, ""), []string{"requires=2 allow=false port 8080->8080"}},
		{"a change that applies at once applies now", false,
			write("enabled", "false", ""), []string{"requires=0 allow=false port 8080->8080"}},
		{"a composite that fails commits nothing and calls nothing", false,
			`{"operation" => "composite", "address" => [], "steps" => [` +
				write("port", "9000", "") + `, ` + write("port", "0", "") + `]}`, nil},
		{"a read calls nothing", false,
			`{"operation" => "read-attribute", ` + at + `, "name" => "port"}`, nil},
		{"an admin-only node runs no services to follow the model", true,
			write("port", "9000", ""), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			def := testDefinition()
			for _, a := range def.Children[1].ByName["test"].Attributes {
				if a.Name == "channel" {
					a.Restart = ResourceServices
				}
			}
			var got []string
			c := NewController(nil, def, Options{AdminOnly: tt.adminOnly})
			mustSucceed(t, c, `{"operation" => "add", `+at+`}`)
			c.opts.Committed = func(cm Commit) {
				port := func(r *Resource) string {
					if v := r.Child("subsystem", "test").Attr("port"); v.IsDefined() {
						return v.AsString()
					}
					return "8080" // the default
				}
				got = append(got, fmt.Sprintf("requires=%d allow=%v port %s->%s",
					cm.Requires, cm.AllowServiceRestart, port(cm.Before), port(cm.After)))
			}
			c.Execute(parse(t, tt.req))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("commits (-want +got):\n%s", diff)
			}
		})
	}
}
