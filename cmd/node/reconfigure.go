package main

import (
	"context"
	"slices"
	"time"

	"wfcli/ops"
	"wfcli/server/cache"
)

// committed makes the running services follow a committed change (the
// server's Options.Committed hook): the jgroups channel and the caches.
// Data sources follow the model on their own. It runs under the management
// lock, on the goroutine of a request that holds srvMu shared, so n.srv is
// the server whose controller calls it.
//
// A change that applies now (per the definitions, or by
// allow-resource-service-restart) restarts what it changed; a change that
// waits for a reload leaves the services as they are, except the caches it
// adds, whose add applies at once.
//
// Limitation: a runtime change that fails here (a cache that cannot start)
// is only logged; the model and the file keep the change and the response
// still says success, where WildFly would roll the operation back.
func (n *Node) committed(c ops.Commit) {
	if c.AppliesNow() && !sameResource(subsystem(c.Before, "jgroups"),
		subsystem(c.After, "jgroups")) && n.channel.Channel() != nil {
		n.restartChannel()
		return // the caches restarted with the channel, from c.After
	}
	n.reconcileCaches(c)
}

// restartChannel restarts the channel and the caches that use it from the
// committed model: the node leaves the cluster and joins it again.
//
// Limitation: the caches of this node restart empty (the other members
// keep their copies), as every cache container is restarted, not only the
// clustered ones.
func (n *Node) restartChannel() {
	start := time.Now()
	n.stopCaches()
	if err := n.stopChannel(); err != nil {
		n.log.Warn("channel left with an error", "error", err)
	}
	n.startChannel(n.srv)
	n.startCaches(n.srv)
	n.log.Info("channel restarted", "ms", time.Since(start).Milliseconds())
}

// reconcileCaches brings the running caches in line with the change from
// c.Before to c.After: a cache added to a running container starts; when
// the change applies now, a cache whose configuration changed restarts
// with it (keeping this member's entries) and a removed cache stops.
//
// Limitation: a container added, removed or switched to or from a
// transport runs as before until the next reload, whatever the request's
// headers say.
func (n *Node) reconcileCaches(c ops.Commit) {
	if n.caches.mgr == nil {
		return
	}
	resolve := n.srv.Controller().ResolveExpression
	before, err := cache.Model{Root: c.Before, Resolve: resolve}.Containers()
	if err != nil {
		before = nil // a cache whose old configuration did not read counts as new
	}
	after, err := cache.Model{Root: c.After, Resolve: resolve}.Containers()
	if err != nil {
		n.log.Error("caches not reconfigured", "error", err)
		return
	}
	old := map[string]cache.ContainerConfig{}
	for _, cc := range before {
		old[cc.Name] = cc
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for _, cc := range after {
		run := n.caches.mgr.Container(cc.Name)
		prev, had := old[cc.Name]
		if run == nil || !had || prev.Clustered != cc.Clustered {
			continue
		}
		n.reconcileContainer(ctx, run, prev, cc, c.AppliesNow())
	}
}

// reconcileContainer applies the change of the caches of the running
// container run from prev to now; now is true when changes apply at once.
func (n *Node) reconcileContainer(ctx context.Context, run *cache.Container,
	prev, cc cache.ContainerConfig, now bool) {
	names := make([]string, 0, len(cc.Caches))
	for name := range cc.Caches {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		cfg := cc.Caches[name]
		was, had := prev.Caches[name]
		switch {
		case !had && run.Cache(name) == nil:
			// A cache add applies at once (its definition's add restart).
			if _, err := run.Start(name, cfg); err != nil {
				n.log.Error("cache not started", "container", cc.Name, "cache", name,
					"error", err)
				continue
			}
			n.log.Info("cache started", "container", cc.Name, "cache", name)
		case had && was != cfg && now:
			if _, err := run.Restart(ctx, name, cfg); err != nil {
				n.log.Error("cache restarted without all its entries", "container",
					cc.Name, "cache", name, "error", err)
				continue
			}
			n.log.Info("cache restarted", "container", cc.Name, "cache", name)
		}
	}
	if !now {
		return
	}
	for name := range prev.Caches {
		if _, ok := cc.Caches[name]; !ok && run.Remove(name) {
			n.log.Info("cache stopped", "container", cc.Name, "cache", name)
		}
	}
}

// subsystem returns the subsystem name of root; nil when it has none.
func subsystem(root *ops.Resource, name string) *ops.Resource {
	if root == nil {
		return nil
	}
	return root.Child("subsystem", name)
}

// sameResource reports whether a and b hold the same attributes and
// children, in the same order.
func sameResource(a, b *ops.Resource) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a == b {
		return true
	}
	if !a.Attributes.Equal(b.Attributes) || !slices.Equal(a.ChildTypes(), b.ChildTypes()) {
		return false
	}
	for _, typ := range a.ChildTypes() {
		an, bn := a.ChildNames(typ), b.ChildNames(typ)
		if !slices.Equal(an, bn) {
			return false
		}
		for _, name := range an {
			if !sameResource(a.Child(typ, name), b.Child(typ, name)) {
				return false
			}
		}
	}
	return true
}
