package request

import (
	"errors"
	"testing"

	"wfcli/grammar"
	"wfcli/ops"
)

func parsePath(t *testing.T, path string) *grammar.Address {
	t.Helper()
	a, err := grammar.ParsePath(path, 1)
	if err != nil {
		t.Fatalf("ParsePath(%q): %v", path, err)
	}
	return a
}

func TestAddress(t *testing.T) {
	ab := ops.Address{{Type: "a", Name: "b"}}
	tests := []struct {
		name     string
		path     string
		node     ops.Address
		nodeType string
		want     string
		wantType string
	}{
		{"a bare type", "subsystem", nil, "", "/", "subsystem"},
		{"a type and an equals sign", "subsystem=", nil, "", "/", "subsystem"},
		{"a type below the current node", "subsystem", ab, "", "/a=b", "subsystem"},
		{"an explicit relative type", "./subsystem", ab, "", "/a=b", "subsystem"},
		{"an absolute type", "/subsystem", ab, "", "/", "subsystem"},
		{"a name when the node ends on a type", "b", nil, "a", "/a=b", ""},
		{"a name and a trailing slash", "b/", nil, "a", "/a=b", ""},
		{"a node", "subsystem=logging", nil, "", "/subsystem=logging", ""},
		{"a quoted name", `data-source="java:/H2DS"`, nil, "", "/data-source=java:/H2DS", ""},
		{"a node and a type", "a=b/c", nil, "", "/a=b", "c"},
		{"a node below the current one", "c=d", ab, "", "/a=b/c=d", ""},
		{"the root", "/", ab, "", "/", ""},
		{"an absolute node", "/e=f", ab, "", "/e=f", ""},
		{"the parent", "..", ab, "", "/", ""},
		{"parent in the middle", "c=d/../e=f", nil, "", "/e=f", ""},
		{"the type of the current node", ".type", ab, "", "/", "a"},
		{"a name, its type, another name", "b/.type/c", nil, "a", "/a=c", ""},
		{"a name after cd to a type", "./logging", nil, "subsystem", "/subsystem=logging", ""},
		{"an expression in a name", "/system-property=${p:dflt}", nil, "",
			"/system-property=dflt", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := Env{Node: tt.node, NodeType: tt.nodeType,
				Props: func(string) (string, bool) { return "", false }}
			got, typ, err := Address(parsePath(t, tt.path), tt.path, env)
			if err != nil {
				t.Fatalf("Address(%q): %v", tt.path, err)
			}
			if got.CLI() != tt.want || typ != tt.wantType {
				t.Errorf("Address(%q) = %s, %q; want %s, %q", tt.path, got.CLI(), typ,
					tt.want, tt.wantType)
			}
		})
	}
}

func TestAddressRejects(t *testing.T) {
	for _, path := range []string{"/a/", "/a=b/c/d", "/a=/b=c", "/a.b=c"} {
		t.Run(path, func(t *testing.T) {
			if got, _, err := Address(parsePath(t, path), path, Env{}); err == nil {
				t.Errorf("Address(%q) = %s, want an error", path, got.CLI())
			}
		})
	}
}

func TestOperation(t *testing.T) {
	props := map[string]string{"test.prop-name": "test-prop", "p": "x", "op": "read"}
	tests := []struct {
		name, line string
		node       ops.Address
		want       string // DMR text of the request
	}{
		{"key order is address, operation, parameters",
			"/system-property=a:add(value=b)", nil,
			`{"address"=>[("system-property"=>"a")],"operation"=>"add","value"=>"b"}`},
		{"an operation at the current node", ":read-resource(recursive)",
			ops.Address{{Type: "subsystem", Name: "logging"}},
			`{"address"=>[("subsystem"=>"logging")],"operation"=>"read-resource",` +
				`"recursive"=>true}`},
		{"the parent of the current node", "../:read-resource",
			ops.Address{{Type: "subsystem", Name: "logging"}},
			`{"address"=>[],"operation"=>"read-resource"}`},
		{"a resolved parameter name and a literal value",
			":write-attribute(${test.prop-name}=${p})",
			nil, `{"address"=>[],"operation"=>"write-attribute","test-prop"=>"${p}"}`},
		{"resolved header names and values", ":write-attribute{${p}=${op}}", nil,
			`{"address"=>[],"operation"=>"write-attribute","operation-headers"=>{"x"=>"read"}}`},
		{"a resolved operation name", ":${op}-resource", nil,
			`{"address"=>[],"operation"=>"read-resource"}`},
		{"a stored rollout plan", ":op{rollout id=plan1}", nil,
			`{"address"=>[],"operation"=>"op","operation-headers"=>{"rollout-plan"=>` +
				`{"rollout-plan-id"=>"plan1"}}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := grammar.ParseLine(tt.line, 1)
			if err != nil {
				t.Fatal(err)
			}
			env := testEnv(nil, props)
			env.Node = tt.node
			got, err := Operation(l.Op, env)
			if err != nil {
				t.Fatalf("Operation(%q): %v", tt.line, err)
			}
			want := mustParse(t, tt.want)
			if !got.Equal(want) {
				t.Errorf("Operation(%q) =\n%s\nwant\n%s", tt.line, got.CompactString(),
					want.CompactString())
			}
		})
	}
}

func TestOperationErrors(t *testing.T) {
	tests := []struct {
		name, line string
		col        int
		msg        string
	}{
		{"an undefined property in a name", "/system-property=${undefined.x}:add(value=1)", 18,
			"Unrecognized system property undefined.x"},
		{"an invalid operation name", "/subsystem=logging:read-resource-", 20,
			"'read-resource-' is not a valid operation name."},
		{"an invalid type name", "/a.b=x:read-resource", 2,
			"'a.b' is not a valid node type name."},
		{"a path ending on a type", "/subsystem=logging/logger:read-resource", 20,
			"Node path format is wrong around 'logger' (index=19)."},
		{"a type without a name", "/subsystem=logging/logger=:read-resource", 20,
			"Node type is not complete at index 26"},
		{"a path ending on ..", "/subsystem=logging/..:read-resource", 20,
			"Node path format is wrong around '..' (index=19)."},
		{"an empty value", "/system-property=foo:add(value=)", 26,
			"The argument value is not specified for value: 'null'"},
		{"an unclosed brace in a value", ":op(p={a=${x})", 7, "The closing '}' is missing."},
		{"an unclosed expression in a value", ":op(p=a${x)", 8, "Closing '}' is missing."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := grammar.ParseLine(tt.line, 9)
			if err == nil {
				_, err = Operation(l.Op, testEnv(nil, nil))
			}
			var e *grammar.Error
			if !errors.As(err, &e) {
				t.Fatalf("Operation(%q) error %v is not a *grammar.Error", tt.line, err)
			}
			if e.Line != 9 || e.Col != tt.col || e.Msg != tt.msg || e.Text != tt.line {
				t.Errorf("Operation(%q) error %+v, want 9:%d: %s", tt.line, *e, tt.col, tt.msg)
			}
		})
	}
}

func TestHeaders(t *testing.T) {
	text := `{rollout main-server-group; rollback-on-runtime-failure=false; ` +
		`allow-resource-service-restart=true;foo="1 2 3"`
	hs, err := grammar.ParseHeaders(text, 1)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Headers(hs, text, Env{})
	if err != nil {
		t.Fatal(err)
	}
	want := mustParse(t, `{"rollout-plan"=>{"in-series"=>[{"server-group"=>`+
		`{"main-server-group"=>undefined}}]},"rollback-on-runtime-failure"=>"false",`+
		`"allow-resource-service-restart"=>"true","foo"=>"1 2 3"}`)
	if !got.Equal(want) {
		t.Errorf("Headers = %s, want %s", got.CompactString(), want.CompactString())
	}
	if _, err := grammar.ParseHeaders("x=1}", 1); err == nil {
		t.Error("headers without '{' were accepted")
	}
}

func TestCommand(t *testing.T) {
	text := `co${op}${op} --${p}_${p}=${p} ${p}=test`
	l, err := grammar.ParseLine(text, 1)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Command(l.Cmd, text, testEnv(nil, map[string]string{"op": "x", "p": "y"}))
	if err != nil {
		t.Fatal(err)
	}
	got := []string{c.Name, c.Args[0].Name, c.Args[0].Value, c.Args[1].Name, c.Args[1].Value}
	want := []string{"coxx", "y_y", "${p}", "", "${p}=test"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Command(%q) = %q, want %q", text, got, want)
			break
		}
	}
	if l.Cmd.Args[0].Name != "${p}_${p}" {
		t.Errorf("Command changed its input: %q", l.Cmd.Args[0].Name)
	}
	if _, err := Command(l.Cmd, text, testEnv(nil, nil)); err == nil {
		t.Error("an unresolved property in a command name was accepted")
	}
}
