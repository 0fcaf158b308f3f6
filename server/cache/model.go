package cache

import (
	"fmt"
	"strconv"
	"time"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

// ContainerConfig is a cache container as the model configures it.
type ContainerConfig struct {
	Name string
	// Clustered is true for a container with a transport (transport=
	// jgroups): its caches share the channel's view.
	Clustered bool
	// Caches maps each cache's name to its configuration.
	Caches map[string]Config
}

// Model reads the caches' configuration from a model. Resolve resolves
// an expression's text (ops.Controller.ResolveExpression).
type Model struct {
	Root    *ops.Resource
	Resolve func(string) (string, error)
}

// cacheKinds maps each cache resource type to its mode.
var cacheKinds = []struct {
	typ  string
	mode Mode
}{
	{"local-cache", Local},
	{"replicated-cache", Replicated},
	{"distributed-cache", Distributed},
	{"invalidation-cache", Invalidation},
}

// Containers returns the model's cache containers in model order; none
// when there is no infinispan subsystem. The error names the attribute
// whose value cannot be used.
//
// Limitation: scattered caches, stores, locking and transactions are not
// run; a scattered cache is absent and stores are ignored.
func (m Model) Containers() ([]ContainerConfig, error) {
	ispn := m.Root.Child("subsystem", "infinispan")
	if ispn == nil {
		return nil, nil
	}
	var out []ContainerConfig
	for _, name := range ispn.ChildNames("cache-container") {
		r := ispn.Child("cache-container", name)
		cc := ContainerConfig{Name: name, Caches: map[string]Config{},
			Clustered: r.Child("transport", "jgroups") != nil}
		for _, k := range cacheKinds {
			for _, cn := range r.ChildNames(k.typ) {
				cfg, err := m.cache(r.Child(k.typ, cn), k.mode)
				if err != nil {
					return nil, fmt.Errorf("cache-container=%s/%s=%s: %w", name, k.typ, cn, err)
				}
				cc.Caches[cn] = cfg
			}
		}
		out = append(out, cc)
	}
	return out, nil
}

// cache reads one cache's configuration.
func (m Model) cache(r *ops.Resource, mode Mode) (Config, error) {
	cfg := Config{Mode: mode}
	var err error
	read := func(res *ops.Resource, attr string, dst *int64) {
		if err == nil && res != nil {
			*dst, err = m.long(res, attr, *dst)
		}
	}
	var owners, segments int64 = 2, 256
	read(r, "owners", &owners)
	read(r, "segments", &segments)
	cfg.Owners, cfg.Segments = int(owners), int(segments)

	heap := r.Child("memory", "heap")
	read(heap, "size", &cfg.MaxEntries)
	var lifespan, maxIdle, interval int64 = -1, -1, 60000
	exp := r.Child("component", "expiration")
	read(exp, "lifespan", &lifespan)
	read(exp, "max-idle", &maxIdle)
	read(exp, "interval", &interval)
	cfg.Lifespan = time.Duration(lifespan) * time.Millisecond
	cfg.MaxIdle = time.Duration(maxIdle) * time.Millisecond
	cfg.Interval = time.Duration(interval) * time.Millisecond
	if mode != Distributed {
		cfg.Owners, cfg.Segments = 0, 0
	}
	if err == nil {
		cfg.StatisticsEnabled, err = m.boolean(r, "statistics-enabled")
	}
	return cfg, err
}

// boolean returns the boolean attribute attr of r, false when undefined.
func (m Model) boolean(r *ops.Resource, attr string) (bool, error) {
	v := r.Attr(attr)
	switch v.Type() {
	case dmr.Undefined:
		return false, nil
	case dmr.Boolean:
		b, _ := v.AsBool()
		return b, nil
	}
	s := v.Str()
	if v.Type() == dmr.Expression && m.Resolve != nil {
		var err error
		if s, err = m.Resolve(s); err != nil {
			return false, fmt.Errorf("%s: %w", attr, err)
		}
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		return false, fmt.Errorf("%s: %q is not a boolean", attr, s)
	}
	return b, nil
}

// long returns the integer attribute attr of r, def when undefined.
func (m Model) long(r *ops.Resource, attr string, def int64) (int64, error) {
	v := r.Attr(attr)
	switch v.Type() {
	case dmr.Undefined:
		return def, nil
	case dmr.Int, dmr.Long:
		return v.Int64(), nil
	}
	s := v.Str()
	if v.Type() == dmr.Expression && m.Resolve != nil {
		var err error
		if s, err = m.Resolve(s); err != nil {
			return 0, fmt.Errorf("%s: %w", attr, err)
		}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%s: %q is not an integer", attr, s)
	}
	return n, nil
}
