package ops

import (
	"strings"
	"testing"

	"wfcli/ops/dmr"
)

// referenceDefinition is a model whose data sources name a driver (an
// absolute reference) and whose loggers name handlers of two types (a
// reference relative to the logger's parent).
func referenceDefinition() *Definition {
	driver := &Attribute{Name: "driver-name", Type: dmr.String, Expressions: true,
		References: &Reference{Capability: "org.test.driver",
			Targets: []string{"/subsystem=ds/jdbc-driver"},
			Runtime: func(v string) bool { return strings.HasSuffix(v, ".jar") }}}
	handlers := &Attribute{Name: "handlers", Type: dmr.List, ValueType: dmr.String,
		References: &Reference{Capability: "org.test.handler",
			Targets: []string{"console-handler", "file-handler"}}}
	plain := &Definition{}
	ds := &Definition{Children: []*Child{
		{Type: "data-source", Definition: &Definition{Attributes: []*Attribute{driver}}},
		{Type: "jdbc-driver", Definition: plain},
	}}
	logging := &Definition{Children: []*Child{
		{Type: "logger", Definition: &Definition{Attributes: []*Attribute{handlers}}},
		{Type: "console-handler", Definition: plain},
		{Type: "file-handler", Definition: plain},
	}}
	return &Definition{Children: []*Child{{Type: "subsystem",
		ByName: map[string]*Definition{"ds": ds, "logging": logging}}}}
}

func refOp(op, addr, params string) string {
	if params != "" {
		params = ", " + params
	}
	return `{"operation" => "` + op + `", "address" => ` + addr + params + `}`
}

const (
	refDS      = `[("subsystem" => "ds"), ("data-source" => "A")]`
	refDriver  = `[("subsystem" => "ds"), ("jdbc-driver" => "pg")]`
	refLogger  = `[("subsystem" => "logging"), ("logger" => "x")]`
	refConsole = `[("subsystem" => "logging"), ("console-handler" => "C")]`
)

func TestReferencesCheckedAtTheEnd(t *testing.T) {
	missingDriver := `"WFLYCTL0369: Required capabilities are not available:
    org.test.driver.pg; Possible registration points for this capability: 
		/subsystem=ds/jdbc-driver=*"`
	missingOther := `"WFLYCTL0369: Required capabilities are not available:
    org.test.driver.other; Possible registration points for this capability: 
		/subsystem=ds/jdbc-driver=*"`
	cases := []struct {
		name  string
		setup []string
		req   string
		want  string
	}{
		{name: "an add naming a missing driver fails",
			req: refOp("add", refDS, `"driver-name" => "pg"`),
			want: `{"outcome" => "failed", "failure-description" => ` + missingDriver +
				`, "rolled-back" => true}`},
		{name: "an add naming an existing driver succeeds",
			setup: []string{refOp("add", refDriver, "")},
			req:   refOp("add", refDS, `"driver-name" => "pg"`),
			want:  `{"outcome" => "success"}`},
		{name: "a batch may add the driver after the data source",
			req: `{"operation" => "composite", "address" => [], "steps" => [` +
				refOp("add", refDS, `"driver-name" => "pg"`) + `, ` + refOp("add", refDriver, "") + `]}`,
			want: `{"outcome" => "success", "result" => {
				"step-1" => {"outcome" => "success"}, "step-2" => {"outcome" => "success"}}}`},
		{name: "a batch that never adds the driver fails the step that named it",
			req: `{"operation" => "composite", "address" => [], "steps" => [` +
				refOp("add", refDriver, "") + `, ` +
				refOp("add", refDS, `"driver-name" => "other"`) + `]}`,
			want: `{"outcome" => "failed", "result" => {
				"step-1" => {"outcome" => "failed", "rolled-back" => true},
				"step-2" => {"outcome" => "failed", "failure-description" => ` + missingOther +
				`, "rolled-back" => true}},
				"failure-description" => {"WFLYCTL0062: Composite operation failed and was ` +
				`rolled back. Steps that failed:" => {"Operation step-2" => ` + missingOther + `}},
				"rolled-back" => true}`},
		{name: "a write naming a missing driver fails",
			setup: []string{refOp("add", refDriver, ""), refOp("add", refDS, `"driver-name" => "pg"`)},
			req:   refOp("write-attribute", refDS, `"name" => "driver-name", "value" => "other"`),
			want: `{"outcome" => "failed", "failure-description" => ` + missingOther +
				`, "rolled-back" => true}`},
		{name: "an expression is left to the runtime",
			req:  refOp("add", refDS, `"driver-name" => "${env.DRIVER:pg}"`),
			want: `{"outcome" => "success"}`},
		{name: "a value only the runtime can check passes",
			req:  refOp("add", refDS, `"driver-name" => "postgresql-42.2.5.jar"`),
			want: `{"outcome" => "success"}`},
		{name: "each missing item of a list is named once",
			setup: []string{refOp("add", refConsole, "")},
			req:   refOp("add", refLogger, `"handlers" => ["C", "F", "F"]`),
			want: `{"outcome" => "failed", "failure-description" => "WFLYCTL0369: Required capabilities are not available:
    org.test.handler.F; Possible registration points for this capability: 
		/subsystem=logging/console-handler=*
		/subsystem=logging/file-handler=*", "rolled-back" => true}`},
		{name: "relative targets are looked up beside the resource",
			setup: []string{refOp("add", refConsole, "")},
			req:   refOp("add", refLogger, `"handlers" => ["C"]`),
			want:  `{"outcome" => "success"}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := NewController(nil, referenceDefinition(), Options{AdminOnly: true})
			mustSucceed(t, c, `{"operation" => "add", "address" => [("subsystem" => "ds")]}`)
			mustSucceed(t, c, `{"operation" => "add", "address" => [("subsystem" => "logging")]}`)
			for _, s := range tc.setup {
				mustSucceed(t, c, s)
			}
			got := c.Execute(parse(t, tc.req))
			if want := parse(t, tc.want); !got.Equal(want) {
				t.Errorf("response\n got: %s\nwant: %s", got, want)
			}
		})
	}
}

func TestFailedReferenceLeavesTheModelAlone(t *testing.T) {
	c := NewController(nil, referenceDefinition(), Options{AdminOnly: true})
	mustSucceed(t, c, `{"operation" => "add", "address" => [("subsystem" => "ds")]}`)
	c.Execute(parse(t, refOp("add", refDS, `"driver-name" => "pg"`)))
	if names := c.Model().Child("subsystem", "ds").ChildNames("data-source"); len(names) != 0 {
		t.Errorf("data sources after the failed add: %q, want none", names)
	}
}

func TestReferenceDescription(t *testing.T) {
	a := &Attribute{Name: "driver-name", Type: dmr.String, Required: true,
		References: &Reference{Capability: "org.test.driver", Targets: []string{"/x=y/d"}}}
	want := `{"type" => STRING, "description" => "", "expressions-allowed" => false,
		"required" => true, "nillable" => false, "capability-reference" => "org.test.driver",
		"access-type" => "read-write", "storage" => "configuration",
		"restart-required" => "no-services"}`
	if got := DescribeAttribute(a); !got.Equal(parse(t, want)) {
		t.Errorf("description\n got: %s\nwant: %s", got.CompactString(),
			parse(t, want).CompactString())
	}
}
