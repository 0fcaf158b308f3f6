package datasource_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"wfcli/ops/dmr"
)

func TestStatisticsEnabledGatesThePoolMetrics(t *testing.T) {
	n := startNode(t)
	ds := "/subsystem=datasources/data-source=ExampleDS"
	reload := "reload --start-mode=normal\n"
	read := func(attr string) string {
		op := dmr.NewObject()
		op.Set("operation", dmr.NewString("read-attribute"))
		op.Set("name", dmr.NewString(attr))
		op.Set("address", dmr.NewList(
			dmr.NewProperty("subsystem", dmr.NewString("datasources")),
			dmr.NewProperty("data-source", dmr.NewString("ExampleDS")),
			dmr.NewProperty("statistics", dmr.NewString("pool"))))
		r, _ := n.srv.Execute(op).Get("result")
		return r.String()
	}
	n.run(ds + ":test-connection-in-pool\n")
	steps := []struct {
		name, script string
		want         []string
	}{
		{"enabled, as the test configuration says", "", []string{"true", "1L"}},
		{"disabled and reloaded: the metrics read 0",
			ds + ":write-attribute(name=statistics-enabled, value=false)\n" + reload,
			[]string{"false", "0L"}},
		{"enabled again: the reload started a new pool",
			ds + ":write-attribute(name=statistics-enabled, value=true)\n" + reload +
				ds + ":test-connection-in-pool\n",
			[]string{"true", "1L"}},
	}
	for _, s := range steps {
		if s.script != "" {
			n.run(s.script)
		}
		got := []string{read("statistics-enabled"), read("CreatedCount")}
		if diff := cmp.Diff(s.want, got); diff != "" {
			t.Errorf("%s: statistics-enabled, CreatedCount (-want +got):\n%s", s.name, diff)
		}
	}
}
