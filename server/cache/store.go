package cache

import (
	"fmt"
	"iter"
	"time"

	"github.com/maypok86/otter/v2"
)

// Mode is how a cache shares its entries with the other members.
type Mode int

// The cache modes, one per kind of cache resource.
const (
	// Local keeps entries on this member only.
	Local Mode = iota
	// Replicated keeps every entry on every member.
	Replicated
	// Distributed keeps each entry on Owners members.
	Distributed
	// Invalidation keeps entries locally and removes a key from the
	// other members when it is written or removed here.
	Invalidation
)

// String returns the resource type of the mode, as the model names it.
func (m Mode) String() string {
	switch m {
	case Replicated:
		return "replicated-cache"
	case Distributed:
		return "distributed-cache"
	case Invalidation:
		return "invalidation-cache"
	}
	return "local-cache"
}

// Config configures one cache. The zero value is an unbounded local cache
// whose entries never expire.
type Config struct {
	Mode Mode
	// Owners is the number of members that hold each entry of a
	// distributed cache; less than one means two, as in the model.
	Owners int
	// Segments is the number of segments of a distributed cache; less
	// than one means 256.
	Segments int
	// MaxEntries bounds the entries held on this member (memory=heap's
	// size); zero or less means no bound.
	MaxEntries int64
	// Lifespan and MaxIdle expire an entry that long after it was
	// written, or last read; zero or less means never.
	Lifespan, MaxIdle time.Duration
	// Interval paces the removal of expired entries; zero or less
	// leaves it to reads and writes.
	Interval time.Duration
	// StatisticsEnabled makes the cache report its hits, misses, writes
	// and removes; while it is false they read 0, as WildFly's do (the
	// cache counts all the same).
	StatisticsEnabled bool
}

func (c Config) owners() int {
	if c.Owners < 1 {
		return 2
	}
	return c.Owners
}

func (c Config) segments() int {
	if c.Segments < 1 {
		return 256
	}
	return c.Segments
}

// item is a stored value and when it was written, which caps a read's
// idle extension at the lifespan.
type item struct {
	value   []byte
	written time.Time
}

// store is the entries this member holds, on otter: size bound and
// expiration. Safe for concurrent use.
type store struct {
	c    *otter.Cache[string, item]
	done chan struct{}
}

func newStore(cfg Config) (*store, error) {
	o := &otter.Options[string, item]{}
	if cfg.MaxEntries > 0 {
		o.MaximumSize = int(cfg.MaxEntries)
	}
	if cfg.Lifespan > 0 || cfg.MaxIdle > 0 {
		o.ExpiryCalculator = expiry{lifespan: cfg.Lifespan, maxIdle: cfg.MaxIdle}
	}
	c, err := otter.New(o)
	if err != nil {
		return nil, fmt.Errorf("configuring cache: %w", err)
	}
	s := &store{c: c, done: make(chan struct{})}
	if cfg.Interval > 0 && o.ExpiryCalculator != nil {
		go s.reap(cfg.Interval)
	}
	return s, nil
}

// reap removes expired entries every interval until close.
func (s *store) reap(interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-s.done:
			return
		case <-t.C:
			s.c.CleanUp()
		}
	}
}

func (s *store) get(key string) ([]byte, bool) {
	it, ok := s.c.GetIfPresent(key)
	return it.value, ok
}

func (s *store) put(key string, value []byte) {
	s.c.Set(key, item{value: value, written: time.Now()})
}

func (s *store) remove(key string) bool {
	_, ok := s.c.Invalidate(key)
	return ok
}

func (s *store) len() int { return s.c.EstimatedSize() }

func (s *store) all() iter.Seq2[string, []byte] {
	return func(yield func(string, []byte) bool) {
		for k, it := range s.c.All() {
			if !yield(k, it.value) {
				return
			}
		}
	}
}

func (s *store) close() {
	close(s.done)
	s.c.InvalidateAll()
	s.c.StopAllGoroutines()
}

// expiry implements lifespan and max-idle: an entry lives maxIdle after
// its last write or read, and never longer than lifespan after its write.
type expiry struct {
	lifespan, maxIdle time.Duration
}

// forever stands for "never expires"; otter has no such duration.
const forever = 100 * 365 * 24 * time.Hour

// ExpireAfterCreate gives a new entry its idle time, capped by lifespan.
func (e expiry) ExpireAfterCreate(en otter.Entry[string, item]) time.Duration {
	return e.after(en.Value.written)
}

// ExpireAfterUpdate starts a written entry's times again.
func (e expiry) ExpireAfterUpdate(en otter.Entry[string, item], _ item) time.Duration {
	return e.after(en.Value.written)
}

// ExpireAfterRead extends a read entry's idle time, never past lifespan.
func (e expiry) ExpireAfterRead(en otter.Entry[string, item]) time.Duration {
	if e.maxIdle <= 0 {
		return en.ExpiresAfter()
	}
	return e.after(en.Value.written)
}

// after is how long an entry written at w may live from now.
func (e expiry) after(w time.Time) time.Duration {
	d := forever
	if e.maxIdle > 0 {
		d = e.maxIdle
	}
	if e.lifespan > 0 {
		d = min(d, e.lifespan-time.Since(w))
	}
	return max(d, 0)
}
