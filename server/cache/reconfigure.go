package cache

import (
	"context"
	"maps"
)

// Restart replaces the running cache name with one configured by cfg, as a
// resource-services restart does, and places the entries this member held
// again by the new configuration (a distributed cache whose owners grew
// copies them to the new owners). It starts the cache when none runs. The
// error of a failed copy names the first entry that no owner took; the new
// cache runs all the same.
//
// Limitation: a write to this member that lands between the copy of its
// entries and the replacement is lost on this member.
func (c *Container) Restart(ctx context.Context, name string, cfg Config) (*Cache, error) {
	var held map[string][]byte
	if old := c.Cache(name); old != nil {
		held = maps.Collect(old.store.all())
	}
	ca, err := c.Start(name, cfg)
	if err != nil {
		return nil, err
	}
	for k, v := range held {
		if err := ca.place(ctx, k, v); err != nil {
			return ca, err
		}
	}
	return ca, nil
}

// place writes key where cfg places it, as Put does but without counting
// a store in the statistics.
func (c *Cache) place(ctx context.Context, key string, value []byte) error {
	if c.cfg.Mode == Local || c.cfg.Mode == Invalidation {
		c.store.put(key, value)
		return nil
	}
	return c.onOwners(ctx, key, func(m Member) error {
		if m.Name == c.owner.local().Name {
			c.store.put(key, value)
			return nil
		}
		return c.owner.client.put(ctx, m, c.path(key), value)
	})
}

// Remove stops the running cache name; its entries on this member are
// gone. It returns false when no such cache runs.
func (c *Container) Remove(name string) bool {
	c.mu.Lock()
	ca := c.caches[name]
	delete(c.caches, name)
	c.mu.Unlock()
	if ca == nil {
		return false
	}
	ca.store.close()
	c.log.Debug("cache stopped", "cache", name)
	return true
}
