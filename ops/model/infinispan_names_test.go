package model

import (
	"testing"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

// TestCacheNamesAreSharedAcrossCacheTypes checks that a cache name is taken
// in its container whatever the cache's type, as WildFly's capability
// registry has it, and free again once that cache is gone.
func TestCacheNamesAreSharedAcrossCacheTypes(t *testing.T) {
	kc := addr("subsystem", "infinispan", "cache-container", "keycloak")
	cases := []struct {
		name    string
		first   ops.Address // added before the checked request; nil for none
		check   ops.Address
		failure string // "" means success
	}{
		{"a distributed cache named as an existing local cache",
			kc.Child("local-cache", "authorization"),
			kc.Child("distributed-cache", "authorization"),
			taken("authorization", "distributed-cache", "local-cache")},
		{"a local cache named as an existing distributed cache", nil,
			kc.Child("local-cache", "sessions"),
			taken("sessions", "local-cache", "distributed-cache")},
		{"a cache of a new name", nil, kc.Child("replicated-cache", "work"), ""},
		{"the same name in another container",
			addr("subsystem", "infinispan", "cache-container", "web"),
			addr("subsystem", "infinispan", "cache-container", "web", "local-cache",
				"sessions"), ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ops.NewController(clusterModel(), Root(), ops.Options{AdminOnly: true})
			if tc.first != nil {
				if o, _ := c.Execute(request("add", tc.first)).Get("outcome"); o.AsString() !=
					"success" {
					t.Fatalf("adding %s failed", tc.first.CLI())
				}
			}
			resp := c.Execute(request("add", tc.check))
			desc, _ := resp.Get("failure-description")
			got := ""
			if desc.IsDefined() {
				got = desc.AsString()
			}
			if got != tc.failure {
				t.Errorf("response %s\nwant failure %q", resp, tc.failure)
			}
		})
	}
}

// taken returns WildFly's failure for adding cache name as type typ to
// container keycloak, where a cache of type other holds the name.
func taken(name, typ, other string) string {
	at := func(t string) string {
		return "[\n    (\"subsystem\" => \"infinispan\"),\n" +
			"    (\"cache-container\" => \"keycloak\"),\n" +
			"    (\"" + t + "\" => \"" + name + "\")\n]"
	}
	return "WFLYCTL0436: Cannot register capability " +
		"'org.wildfly.clustering.infinispan.cache.keycloak." + name + "' at location '" +
		at(typ) + "' as it is already registered in context 'global' at location(s) '[" +
		at(other) + "]'"
}

// TestModuleIsAnAliasOfModules checks the deprecated module attribute of a
// container: written as modules where the container holds modules, as
// itself where it holds module (an older schema's file).
func TestModuleIsAnAliasOfModules(t *testing.T) {
	kc := addr("subsystem", "infinispan", "cache-container", "keycloak")
	cases := []struct {
		name  string
		setup dmr.Value // written before; undefined for nothing
		write dmr.Value
		attrs string // the container's attributes afterwards, compact
	}{
		{"module becomes the only item of modules",
			request("write-attribute", kc, "name", "modules", "value",
				dmr.NewList(dmr.NewString("a"), dmr.NewString("b"))),
			request("write-attribute", kc, "name", "module", "value", "c"),
			`{"modules"=>["c"]}`},
		{"module stays module where the container holds module",
			request("write-attribute", kc, "name", "module", "value", "a"),
			request("write-attribute", kc, "name", "module", "value", "c"),
			`{"module"=>"c"}`},
		{"other attributes are written as they are", dmr.Value{},
			request("write-attribute", kc, "name", "statistics-enabled", "value", "true"),
			`{"statistics-enabled"=>true}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ops.NewController(clusterModel(), Root(), ops.Options{AdminOnly: true})
			for _, op := range []dmr.Value{tc.setup, tc.write} {
				if !op.IsDefined() {
					continue
				}
				if o, _ := c.Execute(op).Get("outcome"); o.AsString() != "success" {
					t.Fatalf("%s failed: %s", op.CompactString(), c.Execute(op))
				}
			}
			if got := c.Model().Navigate(kc).Attributes.CompactString(); got != tc.attrs {
				t.Errorf("attributes %s, want %s", got, tc.attrs)
			}
		})
	}
}
