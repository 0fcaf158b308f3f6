package ops

import (
	"fmt"
	"sync"
	"testing"

	"wfcli/ops/dmr"
)

// exchangeState runs setup requests, then reads a value to check what they
// left in the model.
type stateCase struct {
	name  string
	setup []string
	read  string
	want  string // the result of read
}

func runStateCases(t *testing.T, cases []stateCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := newTestController(t, Options{AdminOnly: true,
				Properties: func(n string) (string, bool) {
					return map[string]string{
						"jboss.port": "7600"}[n], n == "jboss.port"
				},
				Env: func(n string) (string, bool) {
					v, ok := map[string]string{"CACHE_OWNERS": "3", "FOO_BAR": "mapped"}[n]
					return v, ok
				}})
			for _, s := range tc.setup {
				mustSucceed(t, c, s)
			}
			got := mustSucceed(t, c, tc.read)
			if want := parse(t, tc.want); !got.Equal(want) {
				t.Errorf("result\n got: %s\nwant: %s", got.CompactString(), want.CompactString())
			}
		})
	}
}

const readTest = `{"operation" => "read-resource", "address" => [("subsystem" => "test")], "include-defaults" => false, "attributes-only" => true}`

func writeTest(name, value string) string {
	return fmt.Sprintf(`{"operation" => "write-attribute", "address" => [("subsystem" => "test")], "name" => %q, "value" => %s}`, name, value)
}

func TestExpressionTyping(t *testing.T) {
	runStateCases(t, []stateCase{
		{name: "a string with an expression becomes an EXPRESSION for an INT attribute",
			setup: []string{writeTest("port", `"${env.PORT:8080}"`)},
			read:  readTest,
			want: `{"channel" => undefined, "enabled" => undefined, "hosts" => undefined, "mode" => undefined,
				"module" => undefined, "port" => expression "${env.PORT:8080}",
				"properties" => undefined}`},
		{name: "a BOOLEAN attribute takes an expression with a nested default",
			setup: []string{writeTest("enabled", `"${a:${b:false}}"`)},
			read:  `{"operation" => "read-attribute", "address" => [("subsystem" => "test")], "name" => "enabled"}`,
			want:  `expression "${a:${b:false}}"`},
		{name: "a string attribute without expressions keeps the text",
			setup: []string{writeTest("channel", `"${s}"`)},
			read:  `{"operation" => "read-attribute", "address" => [("subsystem" => "test")], "name" => "channel"}`,
			want:  `"${s}"`},
		{name: "text without a closing brace stays a string",
			setup: []string{writeTest("mode", `"SYNC"`), writeTest("properties", `{"a" => "${x"}`)},
			read:  `{"operation" => "read-attribute", "address" => [("subsystem" => "test")], "name" => "properties"}`,
			want:  `{"a" => "${x"}`},
		{name: "map values and list items become expressions",
			setup: []string{writeTest("properties", `{"a" => "${x:1}"}`), writeTest("hosts", `["h:${p:7600}", "h2"]`)},
			read: `{"operation" => "read-resource", "address" => [("subsystem" => "test")],
				"include-defaults" => false, "attributes-only" => true}`,
			want: `{"channel" => undefined, "enabled" => undefined, "hosts" => [expression "h:${p:7600}", "h2"],
				"mode" => undefined, "module" => undefined, "port" => undefined,
				"properties" => {"a" => expression "${x:1}"}}`},
		{name: "a numeric string becomes an INT",
			setup: []string{writeTest("port", `"9090"`)},
			read:  `{"operation" => "read-attribute", "address" => [("subsystem" => "test")], "name" => "port"}`,
			want:  `9090`},
		{name: "resolve-expression reads env.X",
			read: `{"operation" => "resolve-expression", "expression" => "${env.CACHE_OWNERS:1}"}`,
			want: `"3"`},
		{name: "resolve-expression maps a property name to an environment name",
			read: `{"operation" => "resolve-expression", "expression" => "${foo.bar}"}`,
			want: `"mapped"`},
		{name: "resolve-expression prefers a system property and tries alternatives",
			read: `{"operation" => "resolve-expression", "expression" => "${none,jboss.port:1}-$${x}"}`,
			want: `"7600-${x}"`},
		{name: "resolve-expression on an undefined expression is undefined",
			read: `{"operation" => "resolve-expression"}`,
			want: `undefined`},
	})
}

func TestOrderedChildrenAndMaps(t *testing.T) {
	proto := func(name string, extra string) string {
		return `{"operation" => "add", "address" => [("subsystem" => "test"), ("stack" => "tcp"), ("protocol" => "` + name + `")]` + extra + `}`
	}
	names := `{"operation" => "read-children-names", "address" => [("subsystem" => "test"), ("stack" => "tcp")], "child-type" => "protocol"}`
	runStateCases(t, []stateCase{
		{name: "add-index 0 puts the protocol first",
			setup: []string{addTCP, proto("MPING", ""), proto("FD", ""),
				proto("JDBC_PING", `, "add-index" => 0`)},
			read: names,
			want: `["JDBC_PING", "MPING", "FD"]`},
		{name: "add-index in the middle inserts there",
			setup: []string{addTCP, proto("A", ""), proto("C", ""), proto("B", `, "add-index" => "1"`)},
			read:  names,
			want:  `["A", "B", "C"]`},
		{name: "add-index past the end appends",
			setup: []string{addTCP, proto("A", ""), proto("B", `, "add-index" => 9`)},
			read:  names,
			want:  `["A", "B"]`},
		{name: "a dotted name writes one map key",
			setup: []string{writeTest("properties", `{"a" => "1"}`), writeTest("properties.schema", `"public"`)},
			read:  `{"operation" => "read-attribute", "address" => [("subsystem" => "test")], "name" => "properties"}`,
			want:  `{"a" => "1", "schema" => "public"}`},
		{name: "a dotted name creates the map",
			setup: []string{writeTest("properties.schema", `"${env.SCHEMA:public}"`)},
			read:  `{"operation" => "read-attribute", "address" => [("subsystem" => "test")], "name" => "properties"}`,
			want:  `{"schema" => expression "${env.SCHEMA:public}"}`},
		{name: "undefining a dotted name removes the key",
			setup: []string{writeTest("properties", `{"a" => "1", "b" => "2"}`),
				`{"operation" => "undefine-attribute", "address" => [("subsystem" => "test")], "name" => "properties.a"}`},
			read: `{"operation" => "read-attribute", "address" => [("subsystem" => "test")], "name" => "properties"}`,
			want: `{"b" => "2"}`},
		{name: "an index writes one list item",
			setup: []string{writeTest("hosts", `["a", "b"]`), writeTest("hosts[1]", `"c"`)},
			read:  `{"operation" => "read-attribute", "address" => [("subsystem" => "test")], "name" => "hosts"}`,
			want:  `["a", "c"]`},
		{name: "map-remove and list-remove take entries out",
			setup: []string{writeTest("properties", `{"a" => "1", "b" => "2"}`), writeTest("hosts", `["a", "b"]`),
				`{"operation" => "map-remove", "address" => [("subsystem" => "test")], "name" => "properties", "key" => "a"}`,
				`{"operation" => "list-remove", "address" => [("subsystem" => "test")], "name" => "hosts", "value" => "a"}`},
			read: `{"operation" => "read-resource", "address" => [("subsystem" => "test")],
				"include-defaults" => false, "attributes-only" => true}`,
			want: `{"channel" => undefined, "enabled" => undefined, "hosts" => ["b"], "mode" => undefined,
				"module" => undefined, "port" => undefined, "properties" => {"b" => "2"}}`},
		{name: "map-clear and list-clear empty the attribute",
			setup: []string{writeTest("properties", `{"a" => "1"}`), writeTest("hosts", `["a"]`),
				`{"operation" => "map-clear", "address" => [("subsystem" => "test")], "name" => "properties"}`,
				`{"operation" => "list-clear", "address" => [("subsystem" => "test")], "name" => "hosts"}`},
			read: `{"operation" => "read-resource", "address" => [("subsystem" => "test")],
				"include-defaults" => false, "attributes-only" => true}`,
			want: `{"channel" => undefined, "enabled" => undefined, "hosts" => [], "mode" => undefined,
				"module" => undefined, "port" => undefined, "properties" => {}}`},
	})
}

func TestReloadRequiredHeaders(t *testing.T) {
	c := newTestController(t, Options{})
	steps := []struct{ req, want string }{
		{writeTest("enabled", "false"), okNoResult},
		{`{"operation" => "read-attribute", "address" => [("subsystem" => "test")], "name" => "enabled"}`,
			`{"outcome" => "success", "result" => false}`},
		{writeTest("port", "9000"), `{"outcome" => "success", "response-headers" => {
			"operation-requires-reload" => true, "process-state" => "reload-required"}}`},
		{`{"operation" => "read-attribute", "address" => [("subsystem" => "test")], "name" => "port"}`,
			`{"outcome" => "success", "result" => 9000, "response-headers" => {"process-state" => "reload-required"}}`},
		{`{"operation" => "remove", "address" => [("system-property" => "none")]}`,
			`{"outcome" => "failed", "failure-description" => "WFLYCTL0216: Management resource '[(\"system-property\" => \"none\")]' not found", "rolled-back" => true, "response-headers" => {"process-state" => "reload-required"}}`},
		{`{"operation" => "reload"}`, `{"outcome" => "success", "result" => undefined}`},
		{`{"operation" => "read-attribute", "name" => "name"}`,
			`{"outcome" => "success", "result" => undefined}`},
	}
	for i, s := range steps {
		got := c.Execute(parse(t, s.req))
		if want := parse(t, s.want); !got.Equal(want) {
			t.Errorf("step %d\n got: %s\nwant: %s", i+1, got.CompactString(), want.CompactString())
		}
	}
	if s := c.ProcessState(); s != StateRunning {
		t.Errorf("process state after reload %q, want %q", s, StateRunning)
	}
}

func TestAdminOnlyNeverRequiresReload(t *testing.T) {
	c := newTestController(t, Options{AdminOnly: true})
	got := c.Execute(parse(t, writeTest("port", "9000")))
	if want := parse(t, okNoResult); !got.Equal(want) {
		t.Errorf("got %s, want %s", got.CompactString(), want.CompactString())
	}
	if s := c.ProcessState(); s != StateRunning {
		t.Errorf("process state %q, want running", s)
	}
}

func TestResponsesDoNotShareTheModel(t *testing.T) {
	c := newTestController(t, Options{AdminOnly: true})
	mustSucceed(t, c, writeTest("properties", `{"a" => "1"}`))
	res := mustSucceed(t, c, `{"operation" => "read-attribute", "address" => [("subsystem" => "test")], "name" => "properties"}`)
	res.Set("a", dmr.NewString("changed by the caller"))
	again := mustSucceed(t, c, `{"operation" => "read-attribute", "address" => [("subsystem" => "test")], "name" => "properties"}`)
	if want := parse(t, `{"a" => "1"}`); !again.Equal(want) {
		t.Errorf("model changed through a response: %s", again.CompactString())
	}
}

// TestConcurrentReadsDuringWrites runs readers against writers; with -race
// it checks that reads only see committed snapshots.
func TestConcurrentReadsDuringWrites(t *testing.T) {
	c := newTestController(t, Options{AdminOnly: true})
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 50 {
				mustSucceed(t, c, fmt.Sprintf(`{"operation" => "add", "address" => [("system-property" => "p%d-%d")], "value" => "v"}`, w, i))
			}
		}()
	}
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				r := mustSucceed(t, c, `{"operation" => "read-children-names", "child-type" => "system-property"}`)
				if r.Type() != dmr.List {
					t.Errorf("read-children-names gave %s", r.CompactString())
					return
				}
				_ = c.Model().ChildNames("system-property")
			}
		}()
	}
	wg.Wait()
	if n := len(c.Model().ChildNames("system-property")); n != 100 {
		t.Errorf("%d system properties after the writers, want 100", n)
	}
}

func TestUnresolvableExpressions(t *testing.T) {
	req := writeTest("properties", `{"initial_hosts" => "${cluster.seed.hosts}"}`)
	t.Run("an offline change warns", func(t *testing.T) {
		c := newTestController(t, Options{AdminOnly: true})
		got := c.Execute(parse(t, req))
		want := parse(t, `{"outcome" => "success", "response-headers" => {"warnings" => [{
			"warning" => "Expression '${cluster.seed.hosts}' of attribute 'properties' cannot be resolved: it has no default, and no system property or environment variable defines it",
			"level" => "WARNING",
			"operation" => {"operation" => "write-attribute", "address" => [("subsystem" => "test")]}}]}}`)
		if !got.Equal(want) {
			t.Errorf("response\n got: %s\nwant: %s", got.CompactString(), want.CompactString())
		}
	})
	t.Run("strict expressions fail the change", func(t *testing.T) {
		c := newTestController(t, Options{AdminOnly: true, StrictExpressions: true})
		got := c.Execute(parse(t, req))
		want := parse(t, `{"outcome" => "failed", "failure-description" => "WFLYCTL0211: Cannot resolve expression '${cluster.seed.hosts}'", "rolled-back" => true}`)
		if !got.Equal(want) {
			t.Errorf("response\n got: %s\nwant: %s", got.CompactString(), want.CompactString())
		}
	})
	t.Run("a property added earlier in the batch resolves it", func(t *testing.T) {
		c := newTestController(t, Options{AdminOnly: true, StrictExpressions: true})
		got := c.Execute(parse(t, `{"operation" => "composite", "steps" => [
			{"operation" => "add", "address" => [("system-property" => "cluster.seed.hosts")], "value" => "a[7600]"},
			`+req+`]}`))
		want := parse(t, `{"outcome" => "success", "result" => {
			"step-1" => {"outcome" => "success"}, "step-2" => {"outcome" => "success"}}}`)
		if !got.Equal(want) {
			t.Errorf("response\n got: %s\nwant: %s", got.CompactString(), want.CompactString())
		}
	})
}
