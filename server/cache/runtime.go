package cache

import (
	"sync/atomic"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

// Value returns a runtime attribute of a running container or cache at a
// (the ops.Options.RuntimeValue contract): a container's cluster-name,
// coordinator-address, local-address, is-coordinator and
// cache-manager-status; a cache's number-of-entries, hits, misses, writes,
// stores, remove-hits, remove-misses and hit-ratio, at its cache resource
// (distributed-cache=Y, ...) or at the runtime cache=Y. False for any other
// address or attribute.
//
// While the cache's statistics-enabled is false (the default) its hits,
// misses, writes, stores, removes and hit ratio read 0, as WildFly's do;
// number-of-entries is always reported.
//
// Limitation: the statistics count this member's requests only.
func (m *Manager) Value(a ops.Address, attr string) (dmr.Value, bool) {
	if len(a) < 2 || a[0] != (ops.PathElement{Type: "subsystem", Name: "infinispan"}) ||
		a[1].Type != "cache-container" {
		return dmr.Value{}, false
	}
	c := m.Container(a[1].Name)
	if c == nil {
		return dmr.Value{}, false
	}
	switch len(a) {
	case 2:
		return containerAttribute(c, attr)
	case 3:
		ca := c.Cache(a[2].Name)
		if ca == nil || (a[2].Type != "cache" && a[2].Type != ca.cfg.Mode.String()) {
			return dmr.Value{}, false
		}
		return cacheAttribute(ca, attr)
	}
	return dmr.Value{}, false
}

func containerAttribute(c *Container, attr string) (dmr.Value, bool) {
	if attr == "cache-manager-status" {
		return dmr.NewString("RUNNING"), true
	}
	if c.view.Cluster() == "" {
		return dmr.Value{}, false
	}
	switch attr {
	case "cluster-name":
		return dmr.NewString(c.view.Cluster()), true
	case "coordinator-address":
		return dmr.NewString(c.view.Coordinator()), true
	case "local-address":
		return dmr.NewString(c.view.Local().Name), true
	case "is-coordinator":
		return dmr.NewBool(c.view.Coordinator() == c.view.Local().Name), true
	}
	return dmr.Value{}, false
}

func cacheAttribute(ca *Cache, attr string) (dmr.Value, bool) {
	s := &ca.stats
	switch attr {
	case "number-of-entries", "number-of-entries-in-memory":
		return dmr.NewInt(int32(min(ca.Len(), 1<<31-1))), true
	}
	if !ca.cfg.StatisticsEnabled {
		s = &Stats{}
	}
	switch attr {
	case "hits":
		return dmr.NewLong(s.hits.Load()), true
	case "misses":
		return dmr.NewLong(s.misses.Load()), true
	case "writes", "stores":
		return dmr.NewLong(s.writes.Load()), true
	case "remove-hits":
		return dmr.NewLong(s.removeHits.Load()), true
	case "remove-misses":
		return dmr.NewLong(s.removeMisses.Load()), true
	case "hit-ratio":
		h, mi := s.hits.Load(), s.misses.Load()
		if h+mi == 0 {
			return dmr.NewDouble(0), true
		}
		return dmr.NewDouble(float64(h) / float64(h+mi)), true
	}
	return dmr.Value{}, false
}

// ResetStatistics sets to zero the statistics of the running cache at a
// (/subsystem=infinispan/cache-container=X/<cache type>=Y, as the model
// names it, or the runtime cache=Y): Infinispan's reset-statistics. False
// when a names no running cache.
func (m *Manager) ResetStatistics(a ops.Address) bool {
	if len(a) != 3 || a[0] != (ops.PathElement{Type: "subsystem", Name: "infinispan"}) ||
		a[1].Type != "cache-container" {
		return false
	}
	c := m.Container(a[1].Name)
	if c == nil {
		return false
	}
	ca := c.Cache(a[2].Name)
	if ca == nil || (a[2].Type != "cache" && a[2].Type != ca.cfg.Mode.String()) {
		return false
	}
	s := &ca.stats
	for _, n := range []*atomic.Int64{&s.hits, &s.misses, &s.writes, &s.removeHits,
		&s.removeMisses} {
		n.Store(0)
	}
	return true
}
