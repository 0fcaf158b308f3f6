package ops

import (
	"errors"
	"testing"

	"wfcli/ops/dmr"
)

// testDefinition is a small model: system properties, one modelled
// subsystem with every kind of attribute, ordered children and a handler,
// and lenient subsystems.
func testDefinition() *Definition {
	str := func(n string) *Attribute {
		return &Attribute{Name: n, Type: dmr.String, Expressions: true, Restart: AllServices}
	}
	port := &Attribute{Name: "port", Type: dmr.Int, Expressions: true, Restart: AllServices,
		Default: dmr.NewInt(8080), Min: ptr(1), Max: ptr(65535)}
	mode := str("mode")
	mode.Allowed = []string{"SYNC", "ASYNC"}
	ro := str("module")
	ro.Access = ReadOnly
	channel := &Attribute{Name: "channel", Type: dmr.String, Restart: AllServices}
	props := &Attribute{Name: "properties", Type: dmr.Object, ValueType: dmr.String,
		Expressions: true, Restart: AllServices}
	hosts := &Attribute{Name: "hosts", Type: dmr.List, ValueType: dmr.String,
		Expressions: true, Restart: AllServices}
	enabled := &Attribute{Name: "enabled", Type: dmr.Boolean, Expressions: true,
		Default: dmr.NewBool(true), Restart: NoServices}
	jndi := str("jndi-name")
	jndi.Required = true
	live := &Attribute{Name: "live", Type: dmr.Long, Access: Metric, Storage: Runtime}
	protocol := &Definition{Description: "A protocol.", Attributes: []*Attribute{props}}
	test := &Definition{
		Description: "A test subsystem.",
		Attributes:  []*Attribute{port, mode, ro, channel, props, hosts, enabled, live},
		Children: []*Child{
			{Type: "stack", Definition: &Definition{Description: "A stack.",
				Children: []*Child{{Type: "protocol", Ordered: true, Definition: protocol}}}},
			{Type: "pool", Definition: &Definition{Description: "A pool.",
				Attributes: []*Attribute{jndi, str("user")}}},
		},
		Operations: []*Operation{{Name: "set-mode", Description: "Sets the mode.",
			Params: []*Attribute{{Name: "mode", Type: dmr.String, Required: true}},
			Handler: func(ctx *Context, op dmr.Value) (dmr.Value, error) {
				m, _ := op.Get("mode")
				return dmr.Value{}, ctx.WriteAttribute("mode", m)
			}}},
	}
	value := str("value")
	value.Restart = NoServices
	return &Definition{
		Attributes: []*Attribute{str("name")},
		Children: []*Child{
			{Type: "system-property", Definition: &Definition{Attributes: []*Attribute{value}}},
			{Type: "subsystem", Definition: &Definition{Lenient: true},
				ByName: map[string]*Definition{"test": test}},
		},
	}
}

func ptr(n int64) *int64 { return &n }

// parse reads DMR text written in a test; a typo is the test's bug.
func parse(t testing.TB, s string) dmr.Value {
	t.Helper()
	v, err := dmr.Parse(s)
	if err != nil {
		t.Fatalf("test input %q: %v", s, err)
	}
	return v
}

// countingPersister records every Persist call and fails when told to.
type countingPersister struct {
	calls int
	fail  error
}

func (p *countingPersister) Persist(before, after *Resource) error {
	p.calls++
	return p.fail
}

// newTestController returns a controller over testDefinition with
// subsystem=test and subsystem=other already added.
func newTestController(t testing.TB, opts Options) *Controller {
	t.Helper()
	c := NewController(nil, testDefinition(), opts)
	for _, s := range []string{
		`{"operation" => "add", "address" => [("subsystem" => "test")]}`,
		`{"operation" => "add", "address" => [("subsystem" => "other")]}`,
	} {
		mustSucceed(t, c, s)
	}
	return c
}

func mustSucceed(t testing.TB, c *Controller, req string) dmr.Value {
	t.Helper()
	r := c.Execute(parse(t, req))
	if o, _ := r.Get("outcome"); o.Str() != "success" {
		t.Fatalf("setup %s failed: %s", req, r)
	}
	res, _ := r.Get("result")
	return res
}

type exchange struct {
	name  string
	setup []string
	req   string
	want  string
}

func runExchanges(t *testing.T, opts Options, cases []exchange) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newTestController(t, opts)
			for _, s := range tc.setup {
				mustSucceed(t, c, s)
			}
			got := c.Execute(parse(t, tc.req))
			if want := parse(t, tc.want); !got.Equal(want) {
				t.Errorf("response\n got: %s\nwant: %s", got.CompactString(), want.CompactString())
			}
		})
	}
}

const okNoResult = `{"outcome" => "success"}`

func TestWriteOperations(t *testing.T) {
	runExchanges(t, Options{AdminOnly: true}, []exchange{
		{name: "add a system property",
			req:  `{"operation" => "add", "address" => [("system-property" => "x")], "value" => "y"}`,
			want: okNoResult},
		{name: "write an INT attribute given as a string",
			req: `{"operation" => "write-attribute", "address" => [("subsystem" => "test")],
				"name" => "port", "value" => "9090"}`,
			want: okNoResult},
		{name: "remove a resource",
			setup: []string{`{"operation" => "add", "address" => [("system-property" => "x")]}`},
			req:   `{"operation" => "remove", "address" => [("system-property" => "x")]}`,
			want:  okNoResult},
		{name: "undefine an attribute",
			req: `{"operation" => "undefine-attribute", "address" => [("subsystem" => "test")],
				"name" => "mode"}`,
			want: okNoResult},
		{name: "a resource handler writes through the context",
			req: `{"operation" => "set-mode", "address" => [("subsystem" => "test")],
				"mode" => "ASYNC"}`,
			want: okNoResult},
		{name: "map-put on a map attribute",
			req: `{"operation" => "map-put", "address" => [("subsystem" => "test")],
				"name" => "properties", "key" => "a", "value" => "1"}`,
			want: okNoResult},
		{name: "list-add on a list attribute",
			req: `{"operation" => "list-add", "address" => [("subsystem" => "test")],
				"name" => "hosts", "value" => "h1"}`,
			want: okNoResult},
		{name: "a change to a lenient subsystem warns that nothing was validated",
			req: `{"operation" => "write-attribute", "address" => [("subsystem" => "other")],
				"name" => "anything", "value" => 5}`,
			want: `{"outcome" => "success", "response-headers" => {"warnings" => [{
				"warning" => "Subsystem 'other' is not modelled by this server: the operation 'write-attribute' was applied without validation",
				"level" => "WARNING",
				"operation" => {"operation" => "write-attribute", "address" => [("subsystem" => "other")]}}]}}`},
	})
}

func TestFailureDescriptions(t *testing.T) {
	runExchanges(t, Options{AdminOnly: true}, []exchange{
		{name: "no definition for the address is WFLYCTL0030",
			req: `{"operation" => "read-resource", "address" => [("subsystem" => "test"), ("nothing" => "x")]}`,
			want: `{"outcome" => "failed", "failure-description" => "WFLYCTL0030: No resource definition is registered for address [
    (\"subsystem\" => \"test\"),
    (\"nothing\" => \"x\")
]", "rolled-back" => true}`},
		{name: "an unknown operation is WFLYCTL0031",
			req:  `{"operation" => "frobnicate", "address" => [("subsystem" => "test")]}`,
			want: `{"outcome" => "failed", "failure-description" => "WFLYCTL0031: No operation named 'frobnicate' exists at address [(\"subsystem\" => \"test\")]", "rolled-back" => true}`},
		{name: "an unknown operation on a lenient subsystem is WFLYCTL0031",
			req:  `{"operation" => "frobnicate", "address" => [("subsystem" => "other")]}`,
			want: `{"outcome" => "failed", "failure-description" => "WFLYCTL0031: No operation named 'frobnicate' exists at address [(\"subsystem\" => \"other\")]", "rolled-back" => true}`},
		{name: "writing a read-only attribute is WFLYCTL0048",
			req:  `{"operation" => "write-attribute", "address" => [("subsystem" => "test")], "name" => "module", "value" => "m"}`,
			want: `{"outcome" => "failed", "failure-description" => "WFLYCTL0048: Attribute module is not writable", "rolled-back" => true}`},
		{name: "writing an unknown attribute is WFLYCTL0201",
			req:  `{"operation" => "write-attribute", "address" => [("subsystem" => "test")], "name" => "owners", "value" => 2}`,
			want: `{"outcome" => "failed", "failure-description" => "WFLYCTL0201: Unknown attribute 'owners'", "rolled-back" => true}`},
		{name: "adding an existing resource is WFLYCTL0212",
			req:  `{"operation" => "add", "address" => [("subsystem" => "test")]}`,
			want: `{"outcome" => "failed", "failure-description" => "WFLYCTL0212: Duplicate resource [(\"subsystem\" => \"test\")]", "rolled-back" => true}`},
		{name: "removing a missing resource is WFLYCTL0216",
			req:  `{"operation" => "remove", "address" => [("system-property" => "x")]}`,
			want: `{"outcome" => "failed", "failure-description" => "WFLYCTL0216: Management resource '[(\"system-property\" => \"x\")]' not found", "rolled-back" => true}`},
		{name: "adding below a missing parent is WFLYCTL0175",
			req: `{"operation" => "add", "address" => [("subsystem" => "test"), ("stack" => "tcp"), ("protocol" => "PING")]}`,
			want: `{"outcome" => "failed", "failure-description" => "WFLYCTL0175: Resource [
    (\"subsystem\" => \"test\"),
    (\"stack\" => \"tcp\")
] does not exist; a resource at address [
    (\"subsystem\" => \"test\"),
    (\"stack\" => \"tcp\"),
    (\"protocol\" => \"PING\")
] cannot be created until all ancestor resources have been added", "rolled-back" => true}`},
		{name: "a missing required attribute is WFLYCTL0155",
			req:  `{"operation" => "add", "address" => [("subsystem" => "test"), ("pool" => "p")]}`,
			want: `{"outcome" => "failed", "failure-description" => "WFLYCTL0155: 'jndi-name' may not be null", "rolled-back" => true}`},
		{name: "a value of the wrong type is WFLYCTL0097",
			req:  `{"operation" => "write-attribute", "address" => [("subsystem" => "test")], "name" => "port", "value" => "eighty"}`,
			want: `{"outcome" => "failed", "failure-description" => "WFLYCTL0097: Wrong type for 'port'. Expected [INT] but was STRING", "rolled-back" => true}`},
		{name: "a value not allowed is WFLYCTL0248",
			req:  `{"operation" => "write-attribute", "address" => [("subsystem" => "test")], "name" => "mode", "value" => "LAZY"}`,
			want: `{"outcome" => "failed", "failure-description" => "WFLYCTL0248: Invalid value LAZY for mode; legal values are [SYNC, ASYNC]", "rolled-back" => true}`},
		{name: "a number above the maximum is WFLYCTL0116",
			req:  `{"operation" => "write-attribute", "address" => [("subsystem" => "test")], "name" => "port", "value" => 70000}`,
			want: `{"outcome" => "failed", "failure-description" => "WFLYCTL0116: 70000 is an invalid value for parameter port. A maximum value of 65535 is required", "rolled-back" => true}`},
		{name: "an unknown add parameter names the supported ones",
			req:  `{"operation" => "add", "address" => [("subsystem" => "test"), ("pool" => "p")], "jndi-name" => "j", "color" => "red"}`,
			want: `{"outcome" => "failed", "failure-description" => "'color' is not found among the supported properties: [jndi-name, user]", "rolled-back" => true}`},
		{name: "add-index on an unordered child type is rejected",
			req:  `{"operation" => "add", "address" => [("subsystem" => "test"), ("pool" => "p")], "jndi-name" => "j", "add-index" => 0}`,
			want: `{"outcome" => "failed", "failure-description" => "'add-index' is not found among the supported properties: [jndi-name, user]", "rolled-back" => true}`},
		{name: "an expression where none is allowed is WFLYCTL0264",
			req:  `{"operation" => "write-attribute", "address" => [("subsystem" => "test")], "name" => "channel", "value" => expression "${s:tcp}"}`,
			want: `{"outcome" => "failed", "failure-description" => "WFLYCTL0264: channel may not be ModelType.EXPRESSION", "rolled-back" => true}`},
		{name: "an unresolvable expression is WFLYCTL0211",
			req:  `{"operation" => "resolve-expression", "address" => [], "expression" => "${no.such.property}"}`,
			want: `{"outcome" => "failed", "failure-description" => "WFLYCTL0211: Cannot resolve expression '${no.such.property}'", "rolled-back" => true}`},
		{name: "an unknown child type is WFLYCTL0202",
			req:  `{"operation" => "read-children-names", "address" => [("subsystem" => "test")], "child-type" => "cache"}`,
			want: `{"outcome" => "failed", "failure-description" => "WFLYCTL0202: No known child type named cache", "rolled-back" => true}`},
		{name: "a handler's missing required parameter is WFLYCTL0155",
			req:  `{"operation" => "set-mode", "address" => [("subsystem" => "test")]}`,
			want: `{"outcome" => "failed", "failure-description" => "WFLYCTL0155: 'mode' may not be null", "rolled-back" => true}`},
	})
}

func TestCompositeRollsBackEverything(t *testing.T) {
	p := &countingPersister{}
	c := newTestController(t, Options{AdminOnly: true, Persister: p})
	p.calls = 0
	before := c.Model()
	beforeText := mustSucceed(t, c, `{"operation" => "read-resource", "recursive" => true}`)

	got := c.Execute(parse(t, `{"operation" => "composite", "address" => [], "steps" => [
		{"operation" => "add", "address" => [("system-property" => "a")], "value" => "1"},
		{"operation" => "add", "address" => [("subsystem" => "test")]},
		{"operation" => "add", "address" => [("system-property" => "b")], "value" => "2"}
	]}`))

	want := parse(t, `{"outcome" => "failed", "result" => {
		"step-1" => {"outcome" => "failed", "rolled-back" => true},
		"step-2" => {"outcome" => "failed", "failure-description" => "WFLYCTL0212: Duplicate resource [(\"subsystem\" => \"test\")]", "rolled-back" => true},
		"step-3" => undefined
	}, "failure-description" => {"WFLYCTL0062: Composite operation failed and was rolled back. Steps that failed:" => {"Operation step-2" => "WFLYCTL0212: Duplicate resource [(\"subsystem\" => \"test\")]"}}, "rolled-back" => true}`)
	if !got.Equal(want) {
		t.Errorf("response\n got: %s\nwant: %s", got.CompactString(), want.CompactString())
	}
	if c.Model() != before {
		t.Error("a failed composite published a new model")
	}
	after := mustSucceed(t, c, `{"operation" => "read-resource", "recursive" => true}`)
	if !after.Equal(beforeText) {
		t.Errorf("model changed:\n%s\n%s", beforeText.CompactString(), after.CompactString())
	}
	if p.calls != 0 {
		t.Errorf("persister called %d times for a failed composite", p.calls)
	}
}

func TestCompositePersistsOnceAndStepsSeeEarlierSteps(t *testing.T) {
	p := &countingPersister{}
	c := newTestController(t, Options{AdminOnly: true, Persister: p})
	p.calls = 0
	got := c.Execute(parse(t, `{"operation" => "composite", "address" => [], "steps" => [
		{"operation" => "add", "address" => [("subsystem" => "test"), ("stack" => "tcp")]},
		{"operation" => "add", "address" => [("subsystem" => "test"), ("stack" => "tcp"), ("protocol" => "MPING")]},
		{"operation" => "read-children-names", "address" => [("subsystem" => "test"), ("stack" => "tcp")], "child-type" => "protocol"}
	]}`))
	want := parse(t, `{"outcome" => "success", "result" => {
		"step-1" => {"outcome" => "success"},
		"step-2" => {"outcome" => "success"},
		"step-3" => {"outcome" => "success", "result" => ["MPING"]}}}`)
	if !got.Equal(want) {
		t.Errorf("response\n got: %s\nwant: %s", got.CompactString(), want.CompactString())
	}
	if p.calls != 1 {
		t.Errorf("persister called %d times, want 1", p.calls)
	}
}

func TestPersisterFailureRollsBack(t *testing.T) {
	p := &countingPersister{}
	c := newTestController(t, Options{AdminOnly: true, Persister: p})
	p.fail = errors.New("disk full")
	before := c.Model()
	got := c.Execute(parse(t, `{"operation" => "add", "address" => [("system-property" => "x")]}`))
	want := parse(t, `{"outcome" => "failed", "failure-description" => "WFLYCTL0007: Failed to persist configuration change: disk full", "rolled-back" => true}`)
	if !got.Equal(want) {
		t.Errorf("response\n got: %s\nwant: %s", got.CompactString(), want.CompactString())
	}
	if c.Model() != before {
		t.Error("a change whose persistence failed was published")
	}
}

func TestReadsDoNotPersist(t *testing.T) {
	p := &countingPersister{}
	c := newTestController(t, Options{AdminOnly: true, Persister: p})
	p.calls = 0
	for _, r := range []string{
		`{"operation" => "read-resource", "recursive" => true}`,
		`{"operation" => "composite", "steps" => [{"operation" => "read-children-types"}]}`,
		`{"operation" => "read-attribute", "address" => [("subsystem" => "test")], "name" => "port"}`,
	} {
		mustSucceed(t, c, r)
	}
	if p.calls != 0 {
		t.Errorf("persister called %d times for reads", p.calls)
	}
}
