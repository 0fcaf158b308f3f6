package model

import (
	"testing"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

// TestPropertyAliasHandlers runs the property=<key> handlers on a model
// whose TCP transport holds port_range=0 in its properties, as a loaded
// configuration does: the property exists only as a map entry.
func TestPropertyAliasHandlers(t *testing.T) {
	transport := tcpStack.Child("transport", "TCP")
	portRange := transport.Child("property", "port_range")
	model := func() *ops.Resource {
		m := clusterModel()
		props := dmr.NewObject()
		props.Set("port_range", dmr.NewString("0"))
		m.Navigate(transport).SetAttr("properties", props)
		return m
	}
	def := defAt(t, JGroups(), "stack", "tcp", "transport", "TCP", "property", "port_range")
	cases := []struct {
		name       string
		op         string
		at         ops.Address
		params     []any
		result     string // the result's compact text
		failure    string
		properties string // the transport's properties afterwards
	}{
		{"reading the value reads the map entry", "read-attribute", portRange,
			[]any{"name", "value"}, `"0"`, "", `{"port_range"=>"0"}`},
		{"reading the resource shows its value", "read-resource", portRange, nil,
			`{"value"=>"0"}`, "", `{"port_range"=>"0"}`},
		{"writing the value changes the map entry", "write-attribute", portRange,
			[]any{"name", "value", "value", "10"}, "undefined", "",
			`{"port_range"=>"10"}`},
		{"removing the property removes the map entry", "remove", portRange, nil,
			"undefined", "", "undefined"},
		{"adding a property appends a map entry", "add",
			transport.Child("property", "external_addr"),
			[]any{"value", dmr.NewExpression("${env.JGROUPS_DISCOVERY_EXTERNAL_IP}")},
			"undefined", "", `{"port_range"=>"0",` +
				`"external_addr"=>expression "${env.JGROUPS_DISCOVERY_EXTERNAL_IP}"}`},
		{"a property that is not there cannot be read", "read-attribute",
			transport.Child("property", "bind_port"), []any{"name", "value"}, "",
			"WFLYCTL0216: Management resource '" +
				transport.Child("property", "bind_port").String() + "' not found",
			`{"port_range"=>"0"}`},
		{"a property has no attribute but value", "read-attribute", portRange,
			[]any{"name", "port"}, "", "WFLYCTL0201: Unknown attribute 'port'",
			`{"port_range"=>"0"}`},
		{"a property of a missing transport is not found", "remove",
			tcpStack.Child("transport", "UDP").Child("property", "port_range"), nil, "",
			"WFLYCTL0216: Management resource '" + tcpStack.Child("transport",
				"UDP").String() + "' not found", `{"port_range"=>"0"}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := model()
			ctx := &ops.Context{Root: m, Address: tc.at, Definition: def}
			res, err := def.Operation(tc.op).Handler(ctx, request(tc.op, tc.at, tc.params...))
			switch {
			case tc.failure != "" && (err == nil || err.Error() != tc.failure):
				t.Fatalf("error %v, want %q", err, tc.failure)
			case tc.failure == "" && err != nil:
				t.Fatalf("error %v", err)
			case res.CompactString() != tc.result && tc.failure == "":
				t.Errorf("result %s, want %s", res.CompactString(), tc.result)
			}
			got := m.Navigate(transport).Attr("properties").CompactString()
			if got != tc.properties {
				t.Errorf("properties %s, want %s", got, tc.properties)
			}
		})
	}
}

func TestContainerAliases(t *testing.T) {
	kc := addr("subsystem", "infinispan", "cache-container", "keycloak")
	cases := []struct {
		name string
		ops  []dmr.Value
		want string
	}{
		{"an alias is appended", []dmr.Value{request("add-alias", kc, "name", "kc")},
			`["kc"]`},
		{"an alias is added once", []dmr.Value{request("add-alias", kc, "name", "kc"),
			request("add-alias", kc, "name", "kc")}, `["kc"]`},
		{"removing the last alias undefines the list", []dmr.Value{
			request("add-alias", kc, "name", "kc"),
			request("remove-alias", kc, "name", "kc")}, "undefined"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ops.NewController(clusterModel(), Root(), ops.Options{AdminOnly: true})
			for _, op := range tc.ops {
				if o, _ := c.Execute(op).Get("outcome"); o.AsString() != "success" {
					t.Fatalf("%s failed", op)
				}
			}
			if got := c.Model().Navigate(kc).Attr("aliases").CompactString(); got != tc.want {
				t.Errorf("aliases %s, want %s", got, tc.want)
			}
		})
	}
}
