package model_test

import (
	"os"
	"strings"
	"testing"

	"wfcli/ops/dmr"
	"wfcli/server"
)

// TestMigrateScriptsUnnamedElements runs the requests Keycloak's migrate
// scripts send to resources whose elements carry no name (ejb3's <remote>,
// transactions' node-identifier in <core-environment>) against the stock
// configurations, and checks the results and the file afterwards.
func TestMigrateScriptsUnnamedElements(t *testing.T) {
	remote := at("subsystem", "ejb3", "service", "remote")
	readTimeout := remote.Child("channel-creation-options", "READ_TIMEOUT")
	const indent = "\n                    " // the indentation of an <option>
	cases := []struct {
		name   string
		ops    []dmr.Value
		result string // the last request's result, compact DMR text; "" means none
		added  string // a fragment the file holds afterwards; "" means unchanged
	}{
		{
			name: "the remote service's option is read from its wrapper",
			ops: []dmr.Value{op("read-resource", remote.Child("channel-creation-options",
				"MAX_OUTBOUND_MESSAGES"))},
			result: `{"type"=>"remoting","value"=>"1234"}`,
		},
		{
			name: "a new option goes after the existing one",
			ops: []dmr.Value{op("add", readTimeout, "value",
				dmr.NewExpression("${prop.remoting-connector.read.timeout:20}"),
				"type", "xnio")},
			added: `<option name="MAX_OUTBOUND_MESSAGES" value="1234" type="remoting"/>` +
				indent + `<option name="READ_TIMEOUT" ` +
				`value="${prop.remoting-connector.read.timeout:20}" type="xnio"/>`,
		},
		{
			name: "an option added and removed leaves the file as it was",
			ops: []dmr.Value{op("add", readTimeout, "value", "20", "type", "xnio"),
				op("remove", readTimeout)},
		},
		{
			name: "the node identifier is read from the core environment",
			ops: []dmr.Value{op("read-attribute", at("subsystem", "transactions"),
				"name", "node-identifier", "include-defaults", dmr.NewBool(false))},
			result: `expression "${jboss.tx.node.id:1}"`,
		},
	}
	for _, tc := range cases {
		for _, f := range []string{stock[0], stock[2]} {
			t.Run(tc.name+" in "+f, func(t *testing.T) {
				runLenientCase(t, f, tc.ops, tc.result, tc.added)
			})
		}
	}
}

// runLenientCase runs requests one by one on a copy of corpus file name and
// checks the last result and the file.
func runLenientCase(t *testing.T, name string, requests []dmr.Value, result, added string) {
	t.Helper()
	file := corpusConfig(t, name)
	before, _ := os.ReadFile(file)
	s, err := server.Embed(server.Options{ConfigFile: file, AdminOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var resp dmr.Value
	for _, r := range requests {
		resp = s.Execute(r)
		if o, _ := resp.Get("outcome"); o.AsString() != "success" {
			t.Fatalf("%s: %s", r.CompactString(), resp)
		}
	}
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
	if got, _ := resp.Get("result"); result != "" && got.CompactString() != result {
		t.Errorf("result %s, want %s", got.CompactString(), result)
	}
	after, _ := os.ReadFile(file)
	switch {
	case added == "" && string(after) != string(before):
		t.Errorf("the file changed:\n%s", after)
	case added != "" && !strings.Contains(string(after), added):
		t.Errorf("the file lacks\n%s", added)
	}
}
