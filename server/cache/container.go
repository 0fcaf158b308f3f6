package cache

import (
	"context"
	"fmt"
	"log/slog"
	"sort"
	"sync"
	"time"
)

// View is the membership the clustered caches place their entries over.
// Members includes Local; all members must list them in the same order
// for placement to agree, which sorting by name ensures. It must be safe
// for concurrent use.
type View interface {
	// Local returns this member.
	Local() Member
	// Members returns the current members whose caches can be reached.
	Members() []Member
	// Cluster returns the cluster's name; "" when the node runs alone.
	Cluster() string
	// Coordinator returns the name of the view's coordinator.
	Coordinator() string
}

// Alone is the view of a node without a channel: itself only. Its name
// is the member's name.
type Alone string

// Local returns the member named a.
func (a Alone) Local() Member { return Member{Name: string(a)} }

// Members returns the member named a.
func (a Alone) Members() []Member { return []Member{a.Local()} }

// Cluster returns "".
func (a Alone) Cluster() string { return "" }

// Coordinator returns a.
func (a Alone) Coordinator() string { return string(a) }

// Container is a running cache container: its caches and the view they
// share. Safe for concurrent use.
type Container struct {
	name   string
	view   View
	client *client
	log    *slog.Logger

	// mu guards caches, stopped and retry (a pending rebalance).
	mu      sync.RWMutex
	caches  map[string]*Cache
	stopped bool
	retry   *time.Timer
}

// NewContainer returns an empty container named name over view (Alone
// for a container without transport); log may be nil.
func NewContainer(name string, view View, log *slog.Logger) *Container {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Container{name: name, view: view, client: newClient(), caches: map[string]*Cache{},
		log: log.With("component", "cache", "container", name)}
}

// Name returns the container's name.
func (c *Container) Name() string { return c.name }

// View returns the container's view.
func (c *Container) View() View { return c.view }

// Start starts a cache named name with cfg, replacing (and stopping) one
// of the same name.
func (c *Container) Start(name string, cfg Config) (*Cache, error) {
	s, err := newStore(cfg)
	if err != nil {
		return nil, fmt.Errorf("cache %s/%s: %w", c.name, name, err)
	}
	ca := &Cache{name: name, cfg: cfg, owner: c, store: s}
	ca.view = names(c.members())

	c.mu.Lock()
	old := c.caches[name]
	c.caches[name] = ca
	c.mu.Unlock()
	if old != nil {
		old.store.close()
	}
	c.log.Debug("cache started", "cache", name, "mode", cfg.Mode.String(),
		"owners", cfg.Owners, "max_entries", cfg.MaxEntries)
	return ca, nil
}

// Cache returns the running cache named name; nil when there is none.
func (c *Container) Cache(name string) *Cache {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.caches[name]
}

// Caches returns the names of the running caches, sorted.
func (c *Container) Caches() []string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	out := make([]string, 0, len(c.caches))
	for n := range c.caches {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Stop stops every cache; their entries on this member are gone.
func (c *Container) Stop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.stopped = true
	if c.retry != nil {
		c.retry.Stop()
	}
	for n, ca := range c.caches {
		ca.store.close()
		delete(c.caches, n)
	}
	c.client.http.CloseIdleConnections()
}

// ViewChanged rebalances every clustered cache over the view's current
// members. The view's owner calls it after each change; it returns once
// the entries this member had to move are moved, or a move failed, in
// which case it tries again a second later (until the container stops).
func (c *Container) ViewChanged() {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	ok := true
	for _, n := range c.Caches() {
		if ca := c.Cache(n); ca != nil {
			ok = ca.rebalance(ctx) && ok
		}
	}
	if ok {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.stopped && c.retry == nil {
		c.retry = time.AfterFunc(time.Second, func() {
			c.mu.Lock()
			c.retry = nil
			c.mu.Unlock()
			c.ViewChanged()
		})
	}
}

func (c *Container) local() Member { return c.view.Local() }

// members returns the view's members sorted by name.
func (c *Container) members() []Member {
	ms := c.view.Members()
	sort.Slice(ms, func(i, j int) bool { return ms[i].Name < ms[j].Name })
	return ms
}

func names(ms []Member) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Name
	}
	return out
}
