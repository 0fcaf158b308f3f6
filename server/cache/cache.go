// Package cache runs the caches of the infinispan subsystem's cache
// containers: local caches with size bounds and expiration (on otter),
// and replicated, distributed and invalidation caches whose members reach
// each other over their HTTP listeners. It reports the caches' metrics as
// runtime attributes and serves a small REST interface to their entries.
// It reads its configuration from the model and its view from the
// channel (through the View interface); it edits neither.
package cache

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
)

// ErrNoOwner means no owner of a key answered.
var ErrNoOwner = errors.New("no owner of the key answered")

// Stats are a cache's counters on this member. Safe for concurrent use.
type Stats struct {
	hits, misses, writes, removeHits, removeMisses atomic.Int64
}

// Cache is one running cache on this member. Safe for concurrent use.
type Cache struct {
	name  string
	cfg   Config
	owner *Container
	store *store
	stats Stats

	// viewMu guards view, the member names the entries were last placed
	// for, and serializes rebalancing.
	viewMu sync.Mutex
	view   []string
}

// Name returns the cache's name.
func (c *Cache) Name() string { return c.name }

// Config returns the cache's configuration.
func (c *Cache) Config() Config { return c.cfg }

// Len returns the number of entries held on this member.
func (c *Cache) Len() int { return c.store.len() }

// Put writes key on the members that hold it. It fails only when no
// member that should hold it took it.
func (c *Cache) Put(ctx context.Context, key string, value []byte) error {
	c.stats.writes.Add(1)
	switch c.cfg.Mode {
	case Local:
		c.store.put(key, value)
		return nil
	case Invalidation:
		c.store.put(key, value)
		c.others(ctx, func(m Member) error { return c.owner.client.remove(ctx, m, c.path(key)) })
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

// Get reads key: from this member when it holds it, else (distributed
// caches) from the first owner that has it. Found is false for a key no
// member holds.
//
// Limitation: a replicated or invalidation cache reads only this member's
// copy, so a member that joined reads no entry until its rebalance ends.
func (c *Cache) Get(ctx context.Context, key string) (value []byte, found bool, err error) {
	v, ok, err := c.get(ctx, key)
	if err == nil {
		if ok {
			c.stats.hits.Add(1)
		} else {
			c.stats.misses.Add(1)
		}
	}
	return v, ok, err
}

func (c *Cache) get(ctx context.Context, key string) ([]byte, bool, error) {
	if v, ok := c.store.get(key); ok || c.cfg.Mode != Distributed {
		return v, ok, nil
	}
	// Every owner is asked until one has the key: during a rebalance a
	// new owner may not hold it yet.
	var lastErr error
	answered := false
	for _, m := range c.owners(key) {
		if m.Name == c.owner.local().Name {
			answered = true
			continue
		}
		v, ok, err := c.owner.client.get(ctx, m, c.path(key))
		switch {
		case err != nil:
			lastErr = err
		case ok:
			return v, true, nil
		default:
			answered = true
		}
	}
	if !answered && lastErr != nil {
		return nil, false, fmt.Errorf("%w: %w", ErrNoOwner, lastErr)
	}
	return nil, false, nil
}

// Remove removes key from every member that holds it.
func (c *Cache) Remove(ctx context.Context, key string) error {
	if c.store.remove(key) {
		c.stats.removeHits.Add(1)
	} else {
		c.stats.removeMisses.Add(1)
	}
	switch c.cfg.Mode {
	case Local:
		return nil
	case Invalidation, Replicated:
		c.others(ctx, func(m Member) error { return c.owner.client.remove(ctx, m, c.path(key)) })
		return nil
	}
	return c.onOwners(ctx, key, func(m Member) error {
		if m.Name == c.owner.local().Name {
			return nil
		}
		return c.owner.client.remove(ctx, m, c.path(key))
	})
}

// path is the key's path under a member's peer prefix.
func (c *Cache) path(key string) string {
	return c.owner.name + "/" + c.name + "/" + key
}

// owners returns the members that own key in the current view.
func (c *Cache) owners(key string) []Member {
	members := c.owner.members()
	if c.cfg.Mode == Replicated {
		return members
	}
	byName := make(map[string]Member, len(members))
	names := make([]string, len(members))
	for i, m := range members {
		byName[m.Name], names[i] = m, m.Name
	}
	var out []Member
	for _, n := range Owners(Segment(key, c.cfg.segments()), names, c.cfg.owners()) {
		out = append(out, byName[n])
	}
	return out
}

// onOwners runs do on each owner of key in turn; it fails when every
// owner failed. (Calling the owners at once measured twice as slow on a
// two-core machine with three members on loopback.)
func (c *Cache) onOwners(ctx context.Context, key string, do func(Member) error) error {
	var errs []error
	owners := c.owners(key)
	for _, m := range owners {
		if err := do(m); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) == len(owners) && len(errs) > 0 {
		return fmt.Errorf("%w: %w", ErrNoOwner, errors.Join(errs...))
	}
	return nil
}

// others runs do on every other member, ignoring failures: a member that
// does not answer holds nothing this member must invalidate.
//
// Limitation: an invalidation that does not reach a member leaves its
// stale entry until it expires or is written again.
func (c *Cache) others(ctx context.Context, do func(Member) error) {
	for _, m := range c.owner.members() {
		if m.Name != c.owner.local().Name {
			_ = do(m)
		}
	}
}

// rebalance moves the entries this member holds so that each sits on its
// owners in the current view: for each entry, the first of its previous
// owners still in the view copies it to its new owners, and a member
// that no longer owns an entry drops it once it has been copied. So an
// entry that had two or more owners survives the loss of one member.
//
// It returns false when a member did not take the entries; the caller
// retries.
//
// Limitation: a write that races with a rebalance may be overwritten by
// the older value being moved; entries carry no versions.
func (c *Cache) rebalance(ctx context.Context) bool {
	if c.cfg.Mode != Distributed && c.cfg.Mode != Replicated {
		return true
	}
	c.viewMu.Lock()
	defer c.viewMu.Unlock()

	members := c.owner.members()
	names := make([]string, len(members))
	urls := make(map[string]Member, len(members))
	for i, m := range members {
		names[i], urls[m.Name] = m.Name, m
	}
	old := c.view
	if old == nil || slices.Equal(old, names) {
		c.view = names
		return true
	}
	batches, drop := c.plan(old, names)
	for name, entries := range batches {
		if err := c.owner.client.putAll(ctx, urls[name], c.owner.name+"/"+c.name,
			entries); err != nil {
			// The view stays the old one, so that a retry moves the entries.
			c.owner.log.Warn("rebalance failed", "cache", c.name, "member", name,
				"error", err)
			return false
		}
	}
	for _, k := range drop {
		c.store.remove(k)
	}
	c.view = names
	return true
}

// plan returns, for the move from view old to view now, the entries this
// member must copy to each other member, and the keys it must drop.
func (c *Cache) plan(old, now []string) (map[string]map[string][]byte, []string) {
	self := c.owner.local().Name
	owners := c.cfg.owners()
	if c.cfg.Mode == Replicated {
		owners = 0
	}
	batches := map[string]map[string][]byte{}
	var drop []string
	for k, v := range c.store.all() {
		seg := Segment(k, c.cfg.segments())
		before, after := Owners(seg, old, owners), Owners(seg, now, owners)
		if mover(before, now, self) {
			for _, n := range after {
				if n != self && !slices.Contains(before, n) {
					if batches[n] == nil {
						batches[n] = map[string][]byte{}
					}
					batches[n][k] = v
				}
			}
		}
		if !slices.Contains(after, self) {
			drop = append(drop, k)
		}
	}
	return batches, drop
}

// mover reports whether self is the first previous owner still in the
// view, or, when none is, whether self holds the entry at all (it was
// written while the views differed).
func mover(before, now []string, self string) bool {
	for _, n := range before {
		if slices.Contains(now, n) {
			return n == self
		}
	}
	return true
}
