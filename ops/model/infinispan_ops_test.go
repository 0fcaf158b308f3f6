package model

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

// TestCorpusCacheOperations runs cache operations that the Keycloak
// migration scripts of the corpus send, against the cluster model, and
// checks what the model holds afterwards.
func TestCorpusCacheOperations(t *testing.T) {
	kc := addr("subsystem", "infinispan", "cache-container", "keycloak")
	keys := kc.Child("local-cache", "keys")
	tokens := kc.Child("distributed-cache", "actionTokens")
	cases := []struct {
		name  string
		ops   []dmr.Value
		at    ops.Address
		attrs string // the resource's attributes afterwards, compact
		// components are the resource's component children afterwards, in
		// order; nil means not checked.
		components []string
	}{
		{"a local cache takes the deprecated indexing and start",
			[]dmr.Value{request("add", keys, "indexing", "NONE", "start", "LAZY")},
			keys, `{"indexing"=>"NONE","start"=>"LAZY"}`, nil},
		{"a distributed cache takes the deprecated mode with its owners",
			[]dmr.Value{request("add", tokens, "indexing", "NONE", "mode", "SYNC",
				"owners", 2)},
			tokens, `{"indexing"=>"NONE","mode"=>"SYNC","owners"=>2}`, nil},
		{"old eviction takes a strategy and a negative max-entries",
			[]dmr.Value{request("add", tokens, "owners", 2),
				request("add", tokens.Child("component", "eviction")),
				request("write-attribute", tokens.Child("component", "eviction"),
					"name", "strategy", "value", "NONE"),
				request("write-attribute", tokens.Child("component", "eviction"),
					"name", "max-entries", "value", -1)},
			tokens.Child("component", "eviction"), `{"strategy"=>"NONE","max-entries"=>-1L}`, nil},
		{"expiration takes max-idle -1 and an interval",
			[]dmr.Value{request("add", tokens, "owners", 2),
				request("add", tokens.Child("component", "expiration"), "max-idle", -1,
					"interval", 300000)},
			tokens.Child("component", "expiration"),
			`{"max-idle"=>-1L,"interval"=>300000L}`, nil},
		{"object memory replaces eviction with a size",
			[]dmr.Value{request("add", keys),
				request("add", keys.Child("memory", "object"), "size", 1000)},
			keys.Child("memory", "object"), `{"size"=>1000L}`, nil},
		{"heap memory keeps Keycloak's unbounded size",
			[]dmr.Value{request("add", keys),
				request("add", keys.Child("memory", "heap"), "size", -1)},
			keys.Child("memory", "heap"), `{"size"=>-1L}`, nil},
		{"locking takes an isolation level",
			[]dmr.Value{request("add", keys),
				request("add", keys.Child("component", "locking"), "isolation",
					"REPEATABLE_READ")},
			keys.Child("component", "locking"), `{"isolation"=>"REPEATABLE_READ"}`, nil},
		{"locking goes before expiration in the model, as in the schema",
			[]dmr.Value{request("add", keys),
				request("add", keys.Child("component", "expiration"), "max-idle", 1),
				request("add", keys.Child("component", "locking"))},
			keys, `{}`, []string{"locking", "expiration"}},
		{"transaction mode BATCH",
			[]dmr.Value{request("add", keys),
				request("add", keys.Child("component", "transaction"), "mode", "BATCH")},
			keys.Child("component", "transaction"), `{"mode"=>"BATCH"}`, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ops.NewController(clusterModel(), Root(), ops.Options{AdminOnly: true})
			for _, op := range tc.ops {
				if o, _ := c.Execute(op).Get("outcome"); o.AsString() != "success" {
					t.Fatalf("%s failed: %s", op, c.Execute(op))
				}
			}
			r := c.Model().Navigate(tc.at)
			if r == nil {
				t.Fatalf("%s does not exist", tc.at.CLI())
			}
			if got := r.Attributes.CompactString(); got != tc.attrs {
				t.Errorf("attributes %s, want %s", got, tc.attrs)
			}
			if tc.components != nil {
				if diff := cmp.Diff(tc.components, r.ChildNames("component")); diff != "" {
					t.Errorf("components (-want +got):\n%s", diff)
				}
			}
		})
	}
}

// TestCacheValueChecks checks that the definitions refuse what WildFly
// refuses.
func TestCacheValueChecks(t *testing.T) {
	kc := addr("subsystem", "infinispan", "cache-container", "keycloak")
	keys := kc.Child("local-cache", "keys")
	cases := []struct {
		name    string
		op      dmr.Value
		failure string
	}{
		{"an isolation level outside the enumeration",
			request("add", keys.Child("component", "locking"), "isolation", "SNAPSHOT"),
			"WFLYCTL0248: Invalid value SNAPSHOT for isolation; legal values are " +
				"[NONE, READ_UNCOMMITTED, READ_COMMITTED, REPEATABLE_READ, SERIALIZABLE]"},
		{"a marshaller outside the enumeration",
			request("write-attribute", kc, "name", "marshaller", "value", "JAVA"),
			"WFLYCTL0248: Invalid value JAVA for marshaller; legal values are " +
				"[LEGACY, JBOSS, PROTOSTREAM]"},
		{"a container's default cache as an expression",
			request("write-attribute", kc, "name", "default-cache", "value",
				dmr.NewExpression("${env.CACHE}")),
			"WFLYCTL0264: default-cache may not be ModelType.EXPRESSION"},
		{"owners that are no number",
			request("write-attribute", kc.Child("distributed-cache", "sessions"),
				"name", "owners", "value", "two"),
			"WFLYCTL0097: Wrong type for 'owners'. Expected [INT] but was STRING"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := ops.NewController(clusterModel(), Root(), ops.Options{AdminOnly: true})
			if o, _ := c.Execute(request("add", keys)).Get("outcome"); o.AsString() != "success" {
				t.Fatalf("adding %s failed", keys.CLI())
			}
			resp := c.Execute(tc.op)
			desc, _ := resp.Get("failure-description")
			if desc.AsString() != tc.failure {
				t.Errorf("response %s\nwant failure %q", resp, tc.failure)
			}
		})
	}
}
