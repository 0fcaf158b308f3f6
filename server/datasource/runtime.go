// Package datasource runs the data sources of a node: one database/sql pool
// per enabled data-source or xa-data-source of the model, reached through
// the Go driver its JDBC URL maps to (pgx for PostgreSQL,
// go-sql-driver/mysql for MySQL and MariaDB, embedded SQLite for H2). It
// answers the runtime side of the management model: the statistics=pool
// metrics and the pool operations (test-connection-in-pool, the flushes).
//
// The model and its definitions belong to ops/model; the server owns the
// Runtime and wires it into its controller. Services read the model and
// never change it.
package datasource

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"sync"

	"wfcli/ops"
)

// Options configure a Runtime.
type Options struct {
	// Model returns the committed model; the runtime starts the pools of
	// data sources it has not seen and stops those the model no longer
	// holds. It must be safe for concurrent use.
	Model func() *ops.Resource
	// Running reports whether the node runs without a pending reload; a
	// data source removed while a reload is pending keeps its pool until
	// the reload, as its definition says. nil means always.
	Running func() bool
	// Resolve resolves the expressions of the data source attributes
	// (the controller's ResolveExpression).
	Resolve func(expr string) (string, error)
	// DataDir holds the files of embedded (H2) databases with a relative
	// path: jboss.server.data.dir.
	DataDir string
	// Logger receives the pools' start, stop and failures; nil discards.
	Logger *slog.Logger
}

// Runtime holds the pools of one node. Safe for concurrent use.
type Runtime struct {
	opts Options
	log  *slog.Logger

	// mu guards pools, seen and opts.Model (nil once closed).
	mu    sync.Mutex
	pools map[key]*entry
	// seen is the model the pools were last synchronised with.
	seen *ops.Resource
}

// key names a data source: its type (data-source or xa-data-source) and
// its name.
type key struct{ typ, name string }

// entry is a data source the runtime knows: its pool, or why it has none.
type entry struct {
	pool *Pool
	err  error
}

// New returns a runtime and starts the pools of the model's enabled data
// sources. A data source whose pool cannot start (no driver, an
// expression that does not resolve) is logged and fails its operations.
func New(opts Options) *Runtime {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	rt := &Runtime{opts: opts, log: log.With("component", "datasources"),
		pools: map[key]*entry{}}
	rt.sync()
	return rt
}

// sync brings the pools in line with the committed model when it changed
// since the last call.
func (rt *Runtime) sync() {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if rt.opts.Model == nil {
		return
	}
	m := rt.opts.Model()
	if m == rt.seen {
		return
	}
	rt.seen = m
	want := rt.wantedLocked(m)
	for k, cfg := range want {
		rt.startLocked(k, cfg)
	}
	if rt.opts.Running != nil && !rt.opts.Running() {
		return
	}
	for k, e := range rt.pools {
		if _, ok := want[k]; !ok {
			rt.stopEntry(k, e)
			delete(rt.pools, k)
		}
	}
}

// wantedLocked returns the configuration of every enabled data source of
// m; a data source whose attributes cannot be read maps to an error entry
// right away. The caller holds mu.
func (rt *Runtime) wantedLocked(m *ops.Resource) map[key]Config {
	want := map[key]Config{}
	ds := m.Child("subsystem", "datasources")
	if ds == nil {
		return want
	}
	for _, typ := range []string{"data-source", "xa-data-source"} {
		for _, name := range ds.ChildNames(typ) {
			k := key{typ, name}
			cfg, err := ConfigFrom(name, typ == "xa-data-source", ds.Child(typ, name),
				rt.resolve)
			if err != nil {
				if _, ok := rt.pools[k]; !ok {
					rt.pools[k] = &entry{err: err}
					rt.log.Error("data source not started", "name", name, "error", err)
				}
				want[k] = Config{}
				continue
			}
			if cfg.Enabled {
				want[k] = cfg
			}
		}
	}
	return want
}

// startLocked starts the pool of k, or applies the live attributes of cfg
// to its running pool. The caller holds mu.
func (rt *Runtime) startLocked(k key, cfg Config) {
	if e, ok := rt.pools[k]; ok {
		if e.pool != nil && cfg.Name != "" {
			e.pool.Reconfigure(cfg)
		}
		return
	}
	p, err := Open(cfg, rt.opts.DataDir, rt.log)
	if err != nil {
		rt.log.Error("data source not started", "name", k.name, "error", err)
	}
	rt.pools[k] = &entry{pool: p, err: err}
}

func (rt *Runtime) stopEntry(k key, e *entry) {
	if e.pool == nil {
		return
	}
	if err := e.pool.Close(); err != nil {
		rt.log.Warn("closing pool", "name", k.name, "error", err)
	}
}

func (rt *Runtime) resolve(expr string) (string, error) {
	if rt.opts.Resolve == nil {
		return "", fmt.Errorf("cannot resolve %s: no resolver", expr)
	}
	return rt.opts.Resolve(expr)
}

// ErrNotRunning is the cause of an operation on a data source without a
// running pool: disabled, or added while a reload is pending.
var ErrNotRunning = errors.New("the data source has no running pool")

// Pool returns the running pool of the data-source (or, failing that, the
// xa-data-source) named name, for services that use a data source. The
// error says why there is none: ErrNotRunning, or why the pool could not
// start.
func (rt *Runtime) Pool(name string) (*Pool, error) {
	rt.sync()
	rt.mu.Lock()
	defer rt.mu.Unlock()
	for _, typ := range []string{"data-source", "xa-data-source"} {
		if e, ok := rt.pools[key{typ, name}]; ok {
			return e.pool, e.err
		}
	}
	return nil, fmt.Errorf("%s: %w", name, ErrNotRunning)
}

// Names returns the names of the running pools, sorted.
func (rt *Runtime) Names() []string {
	rt.sync()
	rt.mu.Lock()
	defer rt.mu.Unlock()
	var names []string
	for k, e := range rt.pools {
		if e.pool != nil {
			names = append(names, k.name)
		}
	}
	sort.Strings(names)
	return names
}

// Close stops every pool. The runtime is unusable afterwards.
func (rt *Runtime) Close() error {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	var errs []error
	for k, e := range rt.pools {
		if e.pool != nil {
			errs = append(errs, e.pool.Close())
		}
		delete(rt.pools, k)
	}
	rt.opts.Model = nil
	return errors.Join(errs...)
}

// Interrupt abandons the connects in progress of every pool (see
// Pool.Interrupt); Close follows.
func (rt *Runtime) Interrupt() {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	for _, e := range rt.pools {
		if e.pool != nil {
			e.pool.Interrupt()
		}
	}
}

// Failures returns, by data source name, why each pool that the model
// asks for could not start; nil when all started.
func (rt *Runtime) Failures() map[string]error {
	rt.sync()
	rt.mu.Lock()
	defer rt.mu.Unlock()
	var out map[string]error
	for k, e := range rt.pools {
		if e.err != nil {
			if out == nil {
				out = map[string]error{}
			}
			out[k.typ+"="+k.name] = e.err
		}
	}
	return out
}

// entryAt returns the entry of the data source at a
// (/subsystem=datasources/data-source=N[/statistics=pool]); false when a
// names none.
func (rt *Runtime) entryAt(a ops.Address) (*entry, bool) {
	if len(a) < 2 || a[0].Type != "subsystem" || a[0].Name != "datasources" {
		return nil, false
	}
	rt.sync()
	rt.mu.Lock()
	defer rt.mu.Unlock()
	e, ok := rt.pools[key{a[1].Type, a[1].Name}]
	return e, ok
}

// background is the context of the operations, which carry none.
var background = context.Background()
