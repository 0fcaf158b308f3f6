package ops

import (
	"testing"

	"wfcli/ops/dmr"
)

// handlerDefinition extends the test model with handlers that build on the
// Context: an add that adds more, an operation that runs another, and a
// view resource with no resource of its own (an entry of its parent's map).
func handlerDefinition() *Definition {
	d := testDefinition()
	test := d.Child("subsystem").ByName["test"]
	pool := test.Child("pool").Definition
	pool.Operations = append(pool.Operations,
		&Operation{Name: "add", Handler: func(ctx *Context, op dmr.Value) (dmr.Value, error) {
			if err := ctx.GenericAdd(op); err != nil {
				return dmr.Value{}, err
			}
			return dmr.Value{}, ctx.WriteAttribute("user", dmr.NewString("sa"))
		}},
		&Operation{Name: "rename-jndi", Params: []*Attribute{{Name: "to", Type: dmr.String,
			Required: true}},
			Handler: func(ctx *Context, op dmr.Value) (dmr.Value, error) {
				req := NewRequest("write-attribute", ctx.Address)
				req.Set("name", dmr.NewString("jndi-name"))
				to, _ := op.Get("to")
				req.Set("value", to)
				_, err := ctx.Execute(req)
				return dmr.Value{}, err
			}})
	view := &Definition{Description: "An entry of the parent's properties.",
		Attributes: []*Attribute{{Name: "value", Type: dmr.String}},
		Operations: []*Operation{
			{Name: "add", Params: []*Attribute{{Name: "value", Type: dmr.String}},
				Handler: func(ctx *Context, op dmr.Value) (dmr.Value, error) {
					v, _ := op.Get("value")
					req := NewRequest("map-put", ctx.Address.Parent())
					req.Set("name", dmr.NewString("properties"))
					req.Set("key", dmr.NewString(ctx.Address.Last().Name))
					req.Set("value", v)
					_, err := ctx.Execute(req)
					return dmr.Value{}, err
				}},
			{Name: "read-attribute", ReadOnly: true, ReplyType: dmr.String,
				Params: []*Attribute{{Name: "name", Type: dmr.String}},
				Handler: func(ctx *Context, op dmr.Value) (dmr.Value, error) {
					p := ctx.Root.Navigate(ctx.Address.Parent()).Attr("properties")
					v, _ := p.Get(ctx.Address.Last().Name)
					return v, nil
				}},
		}}
	test.Children = append(test.Children, &Child{Type: "property", Definition: view},
		&Child{Type: "extra", Definition: &Definition{Lenient: true}},
		&Child{Type: "local-cache", Capability: "org.test.cache", Definition: &Definition{}},
		&Child{Type: "distributed-cache", Capability: "org.test.cache",
			Definition: &Definition{}})
	return d
}

func TestHandlersBuildOnTheContext(t *testing.T) {
	cases := []struct {
		name  string
		setup []string
		req   string
		want  string
	}{
		{name: "an add handler adds generically and then writes",
			setup: []string{addPool},
			req:   `{"operation" => "read-resource", "address" => [("subsystem" => "test"), ("pool" => "p")]}`,
			want:  `{"outcome" => "success", "result" => {"jndi-name" => "java:/p", "user" => "sa"}}`},
		{name: "a generic add inside a handler still validates",
			req:  `{"operation" => "add", "address" => [("subsystem" => "test"), ("pool" => "p")]}`,
			want: `{"outcome" => "failed", "failure-description" => "WFLYCTL0155: 'jndi-name' may not be null", "rolled-back" => true}`},
		{name: "a handler runs another operation in the same request",
			setup: []string{addPool,
				`{"operation" => "rename-jndi", "address" => [("subsystem" => "test"), ("pool" => "p")], "to" => "java:/q"}`},
			req:  `{"operation" => "read-attribute", "address" => [("subsystem" => "test"), ("pool" => "p")], "name" => "jndi-name"}`,
			want: `{"outcome" => "success", "result" => "java:/q"}`},
		{name: "a view resource is reached through its handlers",
			setup: []string{`{"operation" => "add", "address" => [("subsystem" => "test"), ("property" => "k")], "value" => "v"}`},
			req:   `{"operation" => "read-attribute", "address" => [("subsystem" => "test"), ("property" => "k")], "name" => "value"}`,
			want:  `{"outcome" => "success", "result" => "v"}`},
		{name: "a lenient part of a modelled subsystem warns with its address",
			req: `{"operation" => "add", "address" => [("subsystem" => "test"), ("extra" => "e")]}`,
			want: `{"outcome" => "success", "response-headers" => {"warnings" => [{
				"warning" => "Resource /subsystem=test/extra=e is not modelled by this server: the operation 'add' was applied without validation",
				"level" => "WARNING",
				"operation" => {"operation" => "add", "address" => [("subsystem" => "test"), ("extra" => "e")]}}]}}`},
		{name: "a child type's capability names are shared with its sibling types",
			setup: []string{`{"operation" => "add", "address" => [("subsystem" => "test"), ("local-cache" => "c")]}`},
			req:   `{"operation" => "add", "address" => [("subsystem" => "test"), ("distributed-cache" => "c")]}`,
			want: `{"outcome" => "failed", "failure-description" => "WFLYCTL0436: Cannot register capability 'org.test.cache.test.c' at location '[
    (\"subsystem\" => \"test\"),
    (\"distributed-cache\" => \"c\")
]' as it is already registered in context 'global' at location(s) '[[
    (\"subsystem\" => \"test\"),
    (\"local-cache\" => \"c\")
]]'", "rolled-back" => true}`},
		{name: "a handler operation on a missing resource is WFLYCTL0216",
			req:  `{"operation" => "rename-jndi", "address" => [("subsystem" => "test"), ("pool" => "none")], "to" => "x"}`,
			want: `{"outcome" => "failed", "failure-description" => "WFLYCTL0216: Management resource '[\n    (\"subsystem\" => \"test\"),\n    (\"pool\" => \"none\")\n]' not found", "rolled-back" => true}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := NewController(nil, handlerDefinition(), Options{AdminOnly: true})
			mustSucceed(t, c, `{"operation" => "add", "address" => [("subsystem" => "test")]}`)
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

func TestHandMadeContext(t *testing.T) {
	def := testDefinition()
	root := NewResource()
	sub := NewResource()
	root.AddChild("subsystem", "test", sub, -1)
	ctx := &Context{Root: root, Address: Address{{"subsystem", "test"}},
		Definition: def.Child("subsystem").ByName["test"], Resource: sub,
		RootDefinition: def, Runtime: true}

	if err := ctx.WriteAttribute("port", dmr.NewString("${p:1}")); err != nil {
		t.Fatalf("WriteAttribute: %v", err)
	}
	if got, want := sub.Attr("port"), dmr.NewExpression("${p:1}"); !got.Equal(want) {
		t.Errorf("port = %s, want %s", got.CompactString(), want.CompactString())
	}
	if ctx.Restart != AllServices {
		t.Errorf("Restart = %d, want AllServices", ctx.Restart)
	}
	err := ctx.WriteAttribute("nope", dmr.NewInt(1))
	if err == nil || err.Error() != "WFLYCTL0201: Unknown attribute 'nope'" {
		t.Errorf("unknown attribute error = %v", err)
	}
}

func TestRuntimeValues(t *testing.T) {
	d := handlerDefinition()
	test := d.Child("subsystem").ByName["test"]
	test.Children = append(test.Children, &Child{Type: "statistics", Names: []string{"pool"},
		Definition: &Definition{Runtime: true, Attributes: []*Attribute{
			{Name: "active-count", Type: dmr.Int, Access: Metric, Storage: Runtime}}}})
	runtime := func(a Address, attr string) (dmr.Value, bool) {
		switch {
		case a.CLI() == "/subsystem=test" && attr == "live":
			return dmr.NewLong(42), true
		case a.CLI() == "/subsystem=test/statistics=pool" && attr == "active-count":
			return dmr.NewInt(3), true
		}
		return dmr.Value{}, false
	}
	cases := []struct{ name, req, want string }{
		{name: "a runtime attribute comes from the running services",
			req:  `{"operation" => "read-attribute", "address" => [("subsystem" => "test")], "name" => "live"}`,
			want: `{"outcome" => "success", "result" => 42L}`},
		{name: "a runtime resource exists with its parent",
			req: `{"operation" => "read-resource", "address" => [("subsystem" => "test"), ("statistics" => "pool")],
				"include-runtime" => true}`,
			want: `{"outcome" => "success", "result" => {"active-count" => 3}}`},
		{name: "a runtime resource cannot be added",
			req:  `{"operation" => "add", "address" => [("subsystem" => "test"), ("statistics" => "pool")]}`,
			want: `{"outcome" => "failed", "failure-description" => "WFLYCTL0031: No operation named 'add' exists at address [\n    (\"subsystem\" => \"test\"),\n    (\"statistics\" => \"pool\")\n]", "rolled-back" => true}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := NewController(nil, d, Options{AdminOnly: true, RuntimeValue: runtime})
			mustSucceed(t, c, `{"operation" => "add", "address" => [("subsystem" => "test")]}`)
			got := c.Execute(parse(t, tc.req))
			if want := parse(t, tc.want); !got.Equal(want) {
				t.Errorf("response\n got: %s\nwant: %s", got.CompactString(), want.CompactString())
			}
		})
	}
}
