package datasource

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	// The drivers the JDBC URLs map to (see Translate).
	_ "github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"
)

// ErrTimedOut is the cause of a get that found no free connection within
// the blocking timeout.
var ErrTimedOut = errors.New("no free connection within blocking-timeout-wait-millis")

// Pool is the running pool of one data source: a database/sql pool sized
// and checked as the model says, with IronJacamar's statistics. Creating
// it connects to nothing, so a database that does not answer fails the
// operations that use the pool, not the node. Safe for concurrent use.
type Pool struct {
	log    *slog.Logger
	target Target
	db     *sql.DB
	stats  poolStats
	// epoch counts flushes: a connection made before the current epoch
	// leaves the pool when it is next returned or taken.
	epoch atomic.Uint64

	// cfgMu guards cfg, which live attribute changes replace.
	cfgMu sync.Mutex
	cfg   Config

	// ctx ends when the pool closes, so that background work stops
	// waiting for a database that does not answer.
	ctx    context.Context
	cancel context.CancelFunc
	done   chan struct{}
	// abort ends when the node stops (Interrupt) or the pool closes: the
	// connects in progress are abandoned.
	abort     context.Context
	interrupt context.CancelFunc
}

// Open returns the pool of cfg, with relative embedded databases under
// dataDir. It fails only when no driver serves cfg.URL or the directory of
// an embedded database cannot be made; it does not connect unless
// cfg.Prefill asks for connections, which it opens in the background. A
// nil log discards.
func Open(cfg Config, dataDir string, log *slog.Logger) (*Pool, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	target, err := Translate(cfg.URL, cfg.Credentials, dataDir)
	if err != nil {
		return nil, err
	}
	if target.File != "" {
		if err := os.MkdirAll(filepath.Dir(target.File), 0o755); err != nil {
			return nil, err
		}
	}
	inner, err := connectorFor(target)
	if err != nil {
		return nil, err
	}
	if target.KeepAlive {
		keepAlive(target.DSN, inner)
	}
	p := &Pool{log: log.With("pool", cfg.Name), target: target, cfg: cfg,
		done: make(chan struct{})}
	p.ctx, p.cancel = context.WithCancel(context.Background())
	p.abort, p.interrupt = context.WithCancel(p.ctx)
	p.db = sql.OpenDB(&connector{inner: p.timed(inner, target), p: p,
		onOpen: cfg.NewConnectionSQL})
	p.apply(cfg)
	go p.maintain()
	p.log.Debug("pool started", "driver", target.Driver, "min", cfg.MinPoolSize,
		"max", cfg.MaxPoolSize, "validation", cfg.BackgroundValidation)
	return p, nil
}

// memoryKeepers hold, by DSN, one idle connection to each in-memory
// database that must outlive its pools (see Target.KeepAlive), so that its
// data survives a reload as H2's does.
var memoryKeepers sync.Map

// keepAlive opens the keeper of the in-memory database dsn, once.
func keepAlive(dsn string, c driver.Connector) {
	if _, loaded := memoryKeepers.LoadOrStore(dsn, true); loaded {
		return
	}
	db := sql.OpenDB(c)
	db.SetMaxIdleConns(1)
	if err := db.Ping(); err != nil {
		memoryKeepers.Delete(dsn)
		db.Close()
	}
}

// connectorFor returns the driver's connector for t.
func connectorFor(t Target) (driver.Connector, error) {
	db, err := sql.Open(t.Driver, "")
	if err != nil {
		return nil, err
	}
	d := db.Driver()
	db.Close()
	if dc, ok := d.(driver.DriverContext); ok {
		return dc.OpenConnector(t.DSN)
	}
	return dsnConnector{d: d, dsn: t.DSN}, nil
}

// apply sets the database/sql limits of cfg.
func (p *Pool) apply(cfg Config) {
	p.db.SetMaxOpenConns(cfg.MaxPoolSize)
	p.db.SetMaxIdleConns(cfg.MaxPoolSize)
	p.db.SetConnMaxIdleTime(cfg.IdleTimeout)
}

// Config returns the configuration the pool runs with.
func (p *Pool) Config() Config {
	p.cfgMu.Lock()
	defer p.cfgMu.Unlock()
	return p.cfg
}

// Reconfigure applies the attributes a running pool takes at once: sizes,
// blocking and idle timeouts, prefill and background validation. The
// connection itself (URL, credentials, SQL) changes only with a new pool.
func (p *Pool) Reconfigure(cfg Config) {
	p.cfgMu.Lock()
	c := p.cfg
	grow := cfg.MinPoolSize > c.MinPoolSize
	c.MinPoolSize, c.MaxPoolSize, c.Prefill = cfg.MinPoolSize, cfg.MaxPoolSize, cfg.Prefill
	c.BlockingTimeout, c.IdleTimeout = cfg.BlockingTimeout, cfg.IdleTimeout
	c.BackgroundValidation, c.ValidationInterval = cfg.BackgroundValidation,
		cfg.ValidationInterval
	p.cfg = c
	p.cfgMu.Unlock()
	p.apply(c)
	if grow && (c.Prefill || p.stats.snapshotCreated() > 0) {
		go p.fill()
	}
}

// DB returns the pool as a database/sql handle, for services that use the
// data source (JDBC_PING). Connections taken through it are not counted in
// the get and usage statistics.
func (p *Pool) DB() *sql.DB { return p.db }

// Lease is a connection taken from the pool; Release gives it back.
type Lease struct {
	*sql.Conn
	p     *Pool
	start time.Time
}

// Release returns the connection to the pool. Releasing twice is no error.
func (l *Lease) Release() {
	if l.p == nil {
		return
	}
	l.p.stats.released(time.Since(l.start))
	l.Conn.Close()
	l.p = nil
}

// Acquire takes a connection, waiting at most the blocking timeout when
// the pool is exhausted. The error is ErrTimedOut or the driver's reason.
func (p *Pool) Acquire(ctx context.Context) (*Lease, error) {
	ctx, cancel := context.WithTimeout(ctx, p.Config().BlockingTimeout)
	defer cancel()
	start, waits := time.Now(), p.db.Stats().WaitCount
	c, err := p.db.Conn(ctx)
	if p.db.Stats().WaitCount > waits {
		// Limitation: with concurrent gets, another get's wait may be
		// taken for this one's in MaxWaitTime.
		p.stats.waited(time.Since(start))
	}
	if err != nil {
		timeout := errors.Is(err, context.DeadlineExceeded)
		p.stats.failedGet(timeout)
		if timeout {
			return nil, fmt.Errorf("%w (%s)", ErrTimedOut, p.Config().BlockingTimeout)
		}
		return nil, err
	}
	p.stats.got(time.Since(start))
	return &Lease{Conn: c, p: p, start: time.Now()}, nil
}

// Test takes a connection and checks it with the validation SQL (or the
// driver's ping). With cred it instead opens a connection of its own as
// that user. The error is the driver's reason.
func (p *Pool) Test(ctx context.Context, cred *Credentials) error {
	if cred != nil {
		return p.testAs(ctx, *cred)
	}
	l, err := p.Acquire(ctx)
	if err != nil {
		return err
	}
	defer l.Release()
	if err := p.validate(ctx, l.Conn); err != nil {
		markBad(l.Conn)
		return err
	}
	return nil
}

// testAs opens one connection as cred, outside the pool, and checks it.
func (p *Pool) testAs(ctx context.Context, cred Credentials) error {
	cfg := p.Config()
	t, err := Translate(cfg.URL, cred, "")
	if err != nil {
		return err
	}
	if p.target.Driver == "sqlite" {
		t = p.target // an embedded database has no users
	}
	inner, err := connectorFor(t)
	if err != nil {
		return err
	}
	db := sql.OpenDB(p.timed(inner, t))
	defer db.Close()
	c, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	return p.validate(ctx, c)
}

// validate checks c with the validation SQL, or pings it when there is
// none.
func (p *Pool) validate(ctx context.Context, c *sql.Conn) error {
	q := p.Config().ValidationSQL
	if q == "" {
		return c.PingContext(ctx)
	}
	rows, err := c.QueryContext(ctx, q)
	if err != nil {
		return err
	}
	return errors.Join(rows.Close(), rows.Err())
}

// markBad makes c leave the pool when it is returned.
func markBad(c *sql.Conn) {
	c.Raw(func(dc any) error {
		if w, ok := dc.(*conn); ok {
			w.bad.Store(true)
		}
		return nil
	})
}

// FlushIdle closes the idle connections.
func (p *Pool) FlushIdle() {
	p.db.SetMaxIdleConns(-1)
	p.db.SetMaxIdleConns(p.Config().MaxPoolSize)
}

// FlushAll retires every connection: the idle ones now, the ones in use
// when they are returned.
//
// Limitation: connections in use are not torn from their users, as
// IronJacamar's flush-all does; they close when returned, as with a
// graceful flush.
func (p *Pool) FlushAll() {
	p.epoch.Add(1)
	p.FlushIdle()
}

// FlushGracefully retires every connection as it becomes idle.
func (p *Pool) FlushGracefully() { p.FlushAll() }

// FlushInvalid checks the idle connections and closes those that fail the
// validation; it returns how many it closed.
func (p *Pool) FlushInvalid(ctx context.Context) int {
	n := p.db.Stats().Idle
	held := make([]*sql.Conn, 0, n)
	defer func() {
		for _, c := range held {
			c.Close()
		}
	}()
	bad := 0
	for range n {
		cctx, cancel := context.WithTimeout(ctx, time.Second)
		c, err := p.db.Conn(cctx)
		cancel()
		if err != nil {
			break
		}
		held = append(held, c)
		if err := p.validate(ctx, c); err != nil {
			markBad(c)
			bad++
			p.log.Warn("invalid connection closed", "error", err)
		}
	}
	return bad
}

// Statistics returns the pool's metrics.
func (p *Pool) Statistics() Statistics {
	return p.stats.snapshot(p.db.Stats(), p.Config().MaxPoolSize)
}

// timed bounds the connects of inner to t by DefaultConnectTimeout and
// abandons them when the pool is interrupted.
func (p *Pool) timed(inner driver.Connector, t Target) driver.Connector {
	return timedConnector{inner: inner, addr: targetAddr(t),
		timeout: DefaultConnectTimeout, abort: p.abort}
}

// Interrupt abandons the connects in progress and any later one: the
// callers waiting for them fail at once with ErrStopping. The node calls
// it when it starts stopping, so that a database that does not answer
// does not hold the stop; Close still follows.
func (p *Pool) Interrupt() { p.interrupt() }

// Close stops the pool's background work and closes its connections.
// Closing twice is no error.
func (p *Pool) Close() error {
	if p.ctx.Err() != nil {
		return nil
	}
	p.cancel()
	<-p.done
	p.log.Debug("pool stopped")
	return p.db.Close()
}
