package model

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

func TestInfinispanAttributes(t *testing.T) {
	dist := []string{"cache-container", "keycloak", "distributed-cache", "sessions"}
	in := func(steps ...string) []string { return append(append([]string{}, dist...), steps...) }
	container := []string{"cache-container", "keycloak"}
	long := func(def string) attrSummary { return attrSummary{dmr.Long, def, true, false, rs} }
	cases := []attrCase{
		{"a container's default cache takes no expression", container, "default-cache",
			attrSummary{dmr.String, "undefined", false, false, rs}},
		{"a container's aliases are a list", container, "aliases",
			attrSummary{dmr.List, "undefined", true, false, rs}},
		{"a container's modules default to the clustering module", container, "modules",
			attrSummary{dmr.List, `["org.jboss.as.clustering.infinispan"]`, true, false, rs}},
		{"a container's marshaller defaults to LEGACY", container, "marshaller",
			attrSummary{dmr.String, `"LEGACY"`, true, false, rs}},
		{"a container still reads the deprecated jndi-name", container, "jndi-name",
			attrSummary{dmr.String, "undefined", true, false, rs}},
		{"the transport's lock timeout is four minutes",
			[]string{"cache-container", "k", "transport", "jgroups"}, "lock-timeout",
			long("240000L")},
		{"the transport's channel takes no expression",
			[]string{"cache-container", "k", "transport", "jgroups"}, "channel",
			attrSummary{dmr.String, "undefined", false, false, rs}},
		{"a distributed cache keeps two owners", dist, "owners",
			attrSummary{dmr.Int, "2", true, false, rs}},
		{"a distributed cache has 256 segments", dist, "segments",
			attrSummary{dmr.Int, "256", true, false, rs}},
		{"L1 is off by default", dist, "l1-lifespan", long("0L")},
		{"the remote timeout is ten seconds", dist, "remote-timeout", long("10000L")},
		{"cache statistics are off by default", dist, "statistics-enabled",
			attrSummary{dmr.Boolean, "false", true, false, rs}},
		{"the deprecated mode is still accepted", dist, "mode",
			attrSummary{dmr.String, "undefined", true, false, rs}},
		{"expiration runs every minute", in("component", "expiration"), "interval",
			long("60000L")},
		{"entries live forever unless a lifespan is set", in("component", "expiration"),
			"lifespan", long("undefined")},
		{"entries never idle out unless max-idle is set", in("component", "expiration"),
			"max-idle", long("undefined")},
		{"locking reads committed entries", in("component", "locking"), "isolation",
			attrSummary{dmr.String, `"READ_COMMITTED"`, true, false, rs}},
		{"locks are taken within 15 seconds", in("component", "locking"), "acquire-timeout",
			long("15000L")},
		{"transactions are off by default", in("component", "transaction"), "mode",
			attrSummary{dmr.String, `"NONE"`, true, false, rs}},
		{"heap memory is bounded by size", in("memory", "heap"), "size", long("undefined")},
		{"old eviction has a strategy", in("component", "eviction"), "strategy",
			attrSummary{dmr.String, `"NONE"`, true, false, rs}},
		{"old eviction has max-entries", in("component", "eviction"), "max-entries",
			long("-1L")},
		{"a file store lives in the data directory", in("store", "file"), "relative-to",
			attrSummary{dmr.String, `"jboss.server.data.dir"`, true, false, rs}},
		{"a jdbc store needs its data source", in("store", "jdbc"), "data-source",
			attrSummary{dmr.String, "undefined", false, true, rs}},
		{"a remote store needs its servers, named without expressions", in("store", "remote"),
			"remote-servers", attrSummary{dmr.List, "undefined", false, true, rs}},
		{"stores passivate by default", in("store", "file"), "passivation",
			attrSummary{dmr.Boolean, "true", true, false, rs}},
		{"state transfer waits four minutes", in("component", "state-transfer"), "timeout",
			long("240000L")},
		{"partition handling is off by default", in("component", "partition-handling"),
			"enabled", attrSummary{dmr.Boolean, "false", true, false, rs}},
	}
	runAttrCases(t, Infinispan(), cases)
}

func TestInfinispanOwnersBounds(t *testing.T) {
	a := defAt(t, Infinispan(), "cache-container", "c", "distributed-cache", "d").
		Attribute("owners")
	if a.Min == nil || *a.Min != 1 {
		t.Fatalf("owners minimum = %v, want 1", a.Min)
	}
}

func TestInfinispanElements(t *testing.T) {
	d := Infinispan()
	cache := func(typ string, steps ...string) *ops.XMLResource {
		return defAt(t, d, append([]string{"cache-container", "c", typ, "x"}, steps...)...).XML
	}
	cases := []struct {
		name string
		got  *ops.XMLResource
		want string
	}{
		{"locking is <locking>", cache("local-cache", "component", "locking"), "locking"},
		{"transaction is <transaction>", cache("local-cache", "component", "transaction"),
			"transaction"},
		{"expiration is <expiration>", cache("local-cache", "component", "expiration"),
			"expiration"},
		{"old eviction is <eviction>", cache("local-cache", "component", "eviction"),
			"eviction"},
		{"heap memory is <heap-memory>", cache("local-cache", "memory", "heap"),
			"heap-memory"},
		{"object memory is <object-memory>", cache("local-cache", "memory", "object"),
			"object-memory"},
		{"off-heap memory is <off-heap-memory>", cache("local-cache", "memory", "off-heap"),
			"off-heap-memory"},
		{"binary memory is <binary-memory>", cache("local-cache", "memory", "binary"),
			"binary-memory"},
		{"a file store is <file-store>", cache("replicated-cache", "store", "file"),
			"file-store"},
		{"a jdbc store is <jdbc-store>", cache("replicated-cache", "store", "jdbc"),
			"jdbc-store"},
		{"a remote store is <remote-store>", cache("distributed-cache", "store", "remote"),
			"remote-store"},
		{"a hotrod store is <hotrod-store>", cache("distributed-cache", "store", "hotrod"),
			"hotrod-store"},
		{"a custom store is <store>", cache("distributed-cache", "store", "custom"), "store"},
		{"state transfer is <state-transfer>",
			cache("distributed-cache", "component", "state-transfer"), "state-transfer"},
		{"partition handling is <partition-handling>",
			cache("distributed-cache", "component", "partition-handling"),
			"partition-handling"},
		{"backups are <backups>", cache("distributed-cache", "component", "backups"),
			"backups"},
		{"the container transport is <transport>",
			defAt(t, d, "cache-container", "c", "transport", "jgroups").XML, "transport"},
		{"the expiration pool is <expiration-thread-pool>",
			defAt(t, d, "cache-container", "c", "scheduled-thread-pool", "expiration").XML,
			"expiration-thread-pool"},
		{"the blocking pool is <blocking-thread-pool>",
			defAt(t, d, "cache-container", "c", "thread-pool", "blocking").XML,
			"blocking-thread-pool"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got.Element != tc.want || !tc.got.NoName {
				t.Errorf("element %q (no name %v), want %q without a name", tc.got.Element,
					tc.got.NoName, tc.want)
			}
		})
	}
}

func TestInfinispanAbsentElements(t *testing.T) {
	d := Infinispan()
	cases := []struct {
		name  string
		steps []string
	}{
		{"a container without transport has transport=none",
			[]string{"cache-container", "c", "transport", "none"}},
		{"a cache without a store has store=none",
			[]string{"cache-container", "c", "local-cache", "x", "store", "none"}},
		{"a store without write-behind writes through",
			[]string{"cache-container", "c", "local-cache", "x", "store", "file", "write",
				"through"}},
		{"runtime caches are never written",
			[]string{"cache-container", "c", "cache", "x"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if x := defAt(t, d, tc.steps...).XML; x == nil || !x.Skip {
				t.Errorf("XML = %+v, want Skip", x)
			}
		})
	}
}

// TestInfinispanCacheElementOrder checks that new components are inserted
// in the order the schema wants inside a cache element.
func TestInfinispanCacheElementOrder(t *testing.T) {
	d := Infinispan()
	c := []string{"cache-container", "c", "distributed-cache", "x"}
	order := func(steps ...string) int {
		return defAt(t, d, append(append([]string{}, c...), steps...)...).XML.Order
	}
	got := []int{
		order("component", "locking"), order("component", "transaction"),
		order("memory", "heap"), order("component", "expiration"), order("store", "file"),
		order("component", "partition-handling"), order("component", "state-transfer"),
		order("component", "backups"),
	}
	for i := 1; i < len(got); i++ {
		if got[i-1] >= got[i] {
			t.Errorf("orders %v are not increasing at %d", got, i)
		}
	}
	if a, b := order("memory", "object"), order("component", "eviction"); a != b ||
		a != order("memory", "heap") {
		t.Errorf("memory generations have orders %d and %d, want %d", a, b,
			order("memory", "heap"))
	}
}

func TestInfinispanChildTypesPerCache(t *testing.T) {
	d := Infinispan()
	cases := []struct {
		typ  string
		want []string
	}{
		{"local-cache", []string{"locking", "transaction", "eviction", "expiration"}},
		{"invalidation-cache", []string{"locking", "transaction", "eviction", "expiration"}},
		{"replicated-cache", []string{"locking", "transaction", "eviction", "expiration",
			"partition-handling", "state-transfer", "backups"}},
		{"distributed-cache", []string{"locking", "transaction", "eviction", "expiration",
			"partition-handling", "state-transfer", "backups"}},
		{"scattered-cache", []string{"locking", "transaction", "eviction", "expiration",
			"partition-handling", "state-transfer", "backups"}},
	}
	for _, tc := range cases {
		t.Run(tc.typ+" has its components", func(t *testing.T) {
			got := defAt(t, d, "cache-container", "c", tc.typ, "x").Child("component").Names
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestInfinispanCacheMetrics(t *testing.T) {
	d := defAt(t, Infinispan(), "cache-container", "c", "distributed-cache", "x")
	for _, n := range []string{"number-of-entries", "hits", "misses", "writes", "stores",
		"average-replication-time"} {
		a := d.Attribute(n)
		if a == nil || a.Storage != ops.Runtime || a.Access != ops.Metric {
			t.Errorf("%s: %+v, want a runtime metric", n, a)
		}
	}
}
