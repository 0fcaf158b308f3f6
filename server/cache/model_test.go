package cache

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

// child adds typ=name with attrs to r and returns it.
func child(r *ops.Resource, typ, name string, attrs map[string]dmr.Value) *ops.Resource {
	c := ops.NewResource()
	for k, v := range attrs {
		c.SetAttr(k, v)
	}
	r.AddChild(typ, name, c, -1)
	return c
}

func TestModelContainers(t *testing.T) {
	root := ops.NewResource()
	ispn := child(root, "subsystem", "infinispan", nil)
	web := child(ispn, "cache-container", "web", nil)
	child(web, "transport", "jgroups", nil)
	dist := child(web, "distributed-cache", "dist",
		map[string]dmr.Value{"owners": dmr.NewExpression("${owners:1}")})
	child(dist, "memory", "heap", map[string]dmr.Value{"size": dmr.NewLong(1000)})
	child(dist, "component", "expiration", map[string]dmr.Value{
		"lifespan": dmr.NewLong(5000), "max-idle": dmr.NewString("1000")})
	child(web, "replicated-cache", "repl", nil)
	local := child(ispn, "cache-container", "hibernate", nil)
	child(local, "local-cache", "entity",
		map[string]dmr.Value{"statistics-enabled": dmr.NewBool(true)})

	resolve := func(s string) (string, error) { return strings.TrimSuffix(s[2:], "}")[7:], nil }
	got, err := Model{Root: root, Resolve: resolve}.Containers()
	if err != nil {
		t.Fatal(err)
	}
	const minute = 60 * time.Second
	want := []ContainerConfig{
		{Name: "web", Clustered: true, Caches: map[string]Config{
			"dist": {Mode: Distributed, Owners: 1, Segments: 256, MaxEntries: 1000,
				Lifespan: 5 * time.Second, MaxIdle: time.Second, Interval: minute},
			"repl": {Mode: Replicated, Lifespan: -time.Millisecond,
				MaxIdle: -time.Millisecond, Interval: minute},
		}},
		{Name: "hibernate", Caches: map[string]Config{
			"entity": {Mode: Local, Lifespan: -time.Millisecond, MaxIdle: -time.Millisecond,
				Interval: minute, StatisticsEnabled: true},
		}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("containers (-want +got):\n%s", diff)
	}
}

func TestModelRejectsABadNumber(t *testing.T) {
	root := ops.NewResource()
	ispn := child(root, "subsystem", "infinispan", nil)
	web := child(ispn, "cache-container", "web", nil)
	child(web, "distributed-cache", "dist", map[string]dmr.Value{"owners": dmr.NewString("two")})
	_, err := Model{Root: root}.Containers()
	want := `cache-container=web/distributed-cache=dist: owners: "two" is not an integer`
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
}
