package ops

import (
	"testing"

	"wfcli/ops/dmr"
)

// implicitDefinition is a model with implicit children: caches whose
// components and store=none always exist, and protocols whose property
// children are the keys of their properties map.
func implicitDefinition() *Definition {
	str := func(n, def string) *Attribute {
		a := &Attribute{Name: n, Type: dmr.String, Restart: NoServices}
		if def != "" {
			a.Default = dmr.NewString(def)
		}
		return a
	}
	component := func(order int, attrs ...*Attribute) *Definition {
		return &Definition{Attributes: attrs, XML: &XMLResource{NoName: true, Order: order}}
	}
	backups := component(3)
	backups.Children = []*Child{{Type: "backup",
		Definition: &Definition{Attributes: []*Attribute{str("strategy", "ASYNC")}}}}
	cache := &Definition{
		Attributes: []*Attribute{str("owners", "2")},
		Children: []*Child{
			{Type: "component", Names: []string{"locking", "transaction", "backups"},
				Implicit: []string{"locking", "transaction", "backups"},
				ByName: map[string]*Definition{
					"locking":     component(1, str("isolation", "READ_COMMITTED")),
					"transaction": component(2, str("mode", "NONE")),
					"backups":     backups,
				}},
			{Type: "store", Names: []string{"none", "file"}, Max: 1, Implicit: []string{"none"},
				ByName: map[string]*Definition{
					"none": {XML: &XMLResource{Skip: true}},
					"file": {Attributes: []*Attribute{str("path", "")}},
				}},
		},
	}
	props := &Attribute{Name: "properties", Type: dmr.Object, ValueType: dmr.String}
	property := &Definition{Attributes: []*Attribute{str("value", "")}}
	protocol := &Definition{Attributes: []*Attribute{props},
		Children: []*Child{{Type: "property", MapKeys: "properties", Definition: property}}}
	sub := &Definition{Children: []*Child{
		{Type: "cache", Definition: cache},
		{Type: "protocol", Definition: protocol},
	}}
	return &Definition{Children: []*Child{{Type: "subsystem",
		Definition: &Definition{Lenient: true}, ByName: map[string]*Definition{"ispn": sub}}}}
}

const cacheAddr = `[("subsystem" => "ispn"), ("cache" => "c")]`

func cacheOp(op, sub, params string) string {
	addr := cacheAddr
	if sub != "" {
		addr = cacheAddr[:len(cacheAddr)-1] + ", " + sub + "]"
	}
	if params != "" {
		params = ", " + params
	}
	return `{"operation" => "` + op + `", "address" => ` + addr + params + `}`
}

func newImplicitController(t *testing.T) *Controller {
	t.Helper()
	c := NewController(nil, implicitDefinition(), Options{AdminOnly: true})
	mustSucceed(t, c, `{"operation" => "add", "address" => [("subsystem" => "ispn")]}`)
	mustSucceed(t, c, cacheOp("add", "", ""))
	mustSucceed(t, c, `{"operation" => "add", "address" => [("subsystem" => "ispn"),
		("protocol" => "P")], "properties" => {"port_range" => "0", "b" => "1"}}`)
	return c
}

func TestImplicitChildren(t *testing.T) {
	cases := []struct {
		name  string
		setup []string
		req   string
		want  string
	}{
		{name: "an implicit component reads with its defaults",
			req:  cacheOp("read-attribute", `("component" => "locking")`, `"name" => "isolation"`),
			want: `{"outcome" => "success", "result" => "READ_COMMITTED"}`},
		{name: "an implicit component reads as a resource",
			req:  cacheOp("read-resource", `("component" => "transaction")`, ""),
			want: `{"outcome" => "success", "result" => {"mode" => "NONE"}}`},
		{name: "the cache lists its implicit children",
			req: cacheOp("read-resource", "", `"recursive" => true, "include-defaults" => false`),
			want: `{"outcome" => "success", "result" => {"owners" => undefined,
				"component" => {"locking" => {"isolation" => undefined},
				"transaction" => {"mode" => undefined}, "backups" => {"backup" => undefined}},
				"store" => {"none" => {}}}}`},
		{name: "read-children-names lists implicit components",
			req:  cacheOp("read-children-names", "", `"child-type" => "component"`),
			want: `{"outcome" => "success", "result" => ["locking", "transaction", "backups"]}`},
		{name: "include-singletons lists every registered name",
			setup: []string{cacheOp("add", `("store" => "file")`, "")},
			req: cacheOp("read-children-names", "", `"child-type" => "store",
				"include-singletons" => true`),
			want: `{"outcome" => "success", "result" => ["file", "none"]}`},
		{name: "an explicit store replaces the implicit store=none",
			setup: []string{cacheOp("add", `("store" => "file")`, `"path" => "p"`)},
			req:   cacheOp("read-children-names", "", `"child-type" => "store"`),
			want:  `{"outcome" => "success", "result" => ["file"]}`},
		{name: "adding a store removes an explicit store=none",
			setup: []string{cacheOp("add", `("store" => "none")`, ""),
				cacheOp("add", `("store" => "file")`, "")},
			req:  cacheOp("read-children-names", "", `"child-type" => "store"`),
			want: `{"outcome" => "success", "result" => ["file"]}`},
		{name: "store=none is back when the explicit store goes",
			setup: []string{cacheOp("add", `("store" => "file")`, ""),
				cacheOp("remove", `("store" => "file")`, "")},
			req:  cacheOp("read-children-names", "", `"child-type" => "store"`),
			want: `{"outcome" => "success", "result" => ["none"]}`},
		{name: "a write creates the component with the value",
			setup: []string{cacheOp("write-attribute", `("component" => "locking")`,
				`"name" => "isolation", "value" => "REPEATABLE_READ"`)},
			req:  cacheOp("read-attribute", `("component" => "locking")`, `"name" => "isolation"`),
			want: `{"outcome" => "success", "result" => "REPEATABLE_READ"}`},
		{name: "add of an implicit component that is absent succeeds",
			req:  cacheOp("add", `("component" => "locking")`, `"isolation" => "SERIALIZABLE"`),
			want: `{"outcome" => "success"}`},
		{name: "add of a component added before is a duplicate",
			setup: []string{cacheOp("add", `("component" => "locking")`, "")},
			req:   cacheOp("add", `("component" => "locking")`, ""),
			want: `{"outcome" => "failed", "failure-description" => "WFLYCTL0212: Duplicate resource [
    (\"subsystem\" => \"ispn\"),
    (\"cache\" => \"c\"),
    (\"component\" => \"locking\")
]", "rolled-back" => true}`},
		{name: "a child below an implicit component creates the component",
			setup: []string{cacheOp("add", `("component" => "backups"), ("backup" => "LON")`, "")},
			req:   cacheOp("read-children-names", `("component" => "backups")`, `"child-type" => "backup"`),
			want:  `{"outcome" => "success", "result" => ["LON"]}`},
		{name: "a wildcard read sees implicit components",
			req: cacheOp("read-attribute", `("component" => "*")`, `"name" => "mode"`),
			want: `{"outcome" => "success", "result" => [{
				"address" => [("subsystem" => "ispn"), ("cache" => "c"), ("component" => "transaction")],
				"outcome" => "success", "result" => "NONE"}]}`},
		{name: "an implicit child of a missing parent does not exist",
			req: `{"operation" => "read-resource", "address" => [("subsystem" => "ispn"),
				("cache" => "x"), ("component" => "locking")]}`,
			want: `{"outcome" => "failed", "failure-description" => "WFLYCTL0216: Management resource '[
    (\"subsystem\" => \"ispn\"),
    (\"cache\" => \"x\"),
    (\"component\" => \"locking\")
]' not found", "rolled-back" => true}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newImplicitController(t)
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

// TestImplicitChildrenInTheModel checks what the persister would see: an
// implicit child enters the model only when a change gives it a value, in
// the XML order of its siblings.
func TestImplicitChildrenInTheModel(t *testing.T) {
	cases := []struct {
		name  string
		setup []string
		want  []string // the cache's component children in the model
	}{
		{name: "reads leave the model alone",
			setup: []string{cacheOp("read-resource", `("component" => "locking")`, "")},
			want:  nil},
		{name: "undefining an implicit component's attribute adds nothing",
			setup: []string{cacheOp("undefine-attribute", `("component" => "locking")`,
				`"name" => "isolation"`)},
			want: nil},
		{name: "writes attach components in their XML order",
			setup: []string{
				cacheOp("write-attribute", `("component" => "backups")`, `"name" => "x", "value" => 1`),
				cacheOp("write-attribute", `("component" => "transaction")`,
					`"name" => "mode", "value" => "BATCH"`),
				cacheOp("write-attribute", `("component" => "locking")`,
					`"name" => "isolation", "value" => "NONE"`)},
			want: []string{"locking", "transaction"}},
		{name: "a failed write leaves the component out",
			setup: []string{cacheOp("write-attribute", `("component" => "locking")`,
				`"name" => "isolation", "value" => "SERIALIZABLE"`)},
			want: []string{"locking"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newImplicitController(t)
			for _, s := range tc.setup {
				c.Execute(parse(t, s))
			}
			cache := c.Model().Navigate(Address{{"subsystem", "ispn"}, {"cache", "c"}})
			got := cache.ChildNames("component")
			if len(got) != len(tc.want) {
				t.Fatalf("components %q, want %q", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("components %q, want %q", got, tc.want)
				}
			}
		})
	}
}

func TestMapKeyChildren(t *testing.T) {
	proto := `[("subsystem" => "ispn"), ("protocol" => "P")]`
	cases := []struct{ name, req, want string }{
		{name: "read-children-names lists the keys of the map",
			req:  `{"operation" => "read-children-names", "address" => ` + proto + `, "child-type" => "property"}`,
			want: `{"outcome" => "success", "result" => ["port_range", "b"]}`},
		{name: "read-resource shows one child per key",
			req: `{"operation" => "read-resource", "address" => ` + proto + `, "recursive" => true}`,
			want: `{"outcome" => "success", "result" => {"properties" => {"port_range" => "0", "b" => "1"},
				"property" => {"port_range" => {"value" => "0"}, "b" => {"value" => "1"}}}}`},
		{name: "a key reads as a resource",
			req: `{"operation" => "read-attribute", "address" => [("subsystem" => "ispn"),
				("protocol" => "P"), ("property" => "b")], "name" => "value"}`,
			want: `{"outcome" => "success", "result" => "1"}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newImplicitController(t)
			got := c.Execute(parse(t, tc.req))
			if want := parse(t, tc.want); !got.Equal(want) {
				t.Errorf("response\n got: %s\nwant: %s", got.CompactString(), want.CompactString())
			}
		})
	}
}
