package datasource

import (
	"context"
	"database/sql/driver"
	"sync/atomic"
	"time"
)

// connector wraps a driver's connector to count and time the connections
// the pool creates and destroys, run the new-connection SQL, and retire
// connections that a flush or a failed validation marked.
type connector struct {
	inner  driver.Connector
	p      *Pool
	onOpen string // new-connection-sql
}

// Connect implements driver.Connector.
func (c *connector) Connect(ctx context.Context) (driver.Conn, error) {
	start := time.Now()
	dc, err := c.inner.Connect(ctx)
	if err != nil {
		return nil, err
	}
	w := &conn{Conn: dc, p: c.p, epoch: c.p.epoch.Load()}
	if c.onOpen != "" {
		if _, err := w.ExecContext(ctx, c.onOpen, nil); err != nil {
			dc.Close()
			return nil, err
		}
	}
	c.p.stats.created(time.Since(start))
	return w, nil
}

// Driver implements driver.Connector.
func (c *connector) Driver() driver.Driver { return c.inner.Driver() }

// conn is a pooled connection. It passes every optional interface of
// database/sql through to the driver's connection, answering ErrSkip where
// the driver has none, so that database/sql falls back as it would.
type conn struct {
	driver.Conn
	p      *Pool
	epoch  uint64      // the pool's flush epoch when the connection was made
	bad    atomic.Bool // marked invalid by a validation
	closed atomic.Bool
}

// Close implements driver.Conn and counts the connection destroyed.
func (c *conn) Close() error {
	if !c.closed.Swap(true) {
		c.p.stats.destroyed()
	}
	return c.Conn.Close()
}

// IsValid implements driver.Validator: a connection from before the last
// flush, or one a validation found broken, leaves the pool when returned.
func (c *conn) IsValid() bool {
	if c.bad.Load() || c.epoch < c.p.epoch.Load() {
		return false
	}
	if v, ok := c.Conn.(driver.Validator); ok {
		return v.IsValid()
	}
	return true
}

// ResetSession implements driver.SessionResetter.
func (c *conn) ResetSession(ctx context.Context) error {
	if c.bad.Load() || c.epoch < c.p.epoch.Load() {
		return driver.ErrBadConn
	}
	if r, ok := c.Conn.(driver.SessionResetter); ok {
		return r.ResetSession(ctx)
	}
	return nil
}

// Ping implements driver.Pinger.
func (c *conn) Ping(ctx context.Context) error {
	if p, ok := c.Conn.(driver.Pinger); ok {
		return p.Ping(ctx)
	}
	return nil
}

// ExecContext implements driver.ExecerContext.
func (c *conn) ExecContext(ctx context.Context, q string,
	args []driver.NamedValue) (driver.Result, error) {
	if e, ok := c.Conn.(driver.ExecerContext); ok {
		return e.ExecContext(ctx, q, args)
	}
	return nil, driver.ErrSkip
}

// QueryContext implements driver.QueryerContext.
func (c *conn) QueryContext(ctx context.Context, q string,
	args []driver.NamedValue) (driver.Rows, error) {
	if e, ok := c.Conn.(driver.QueryerContext); ok {
		return e.QueryContext(ctx, q, args)
	}
	return nil, driver.ErrSkip
}

// PrepareContext implements driver.ConnPrepareContext.
func (c *conn) PrepareContext(ctx context.Context, q string) (driver.Stmt, error) {
	if p, ok := c.Conn.(driver.ConnPrepareContext); ok {
		return p.PrepareContext(ctx, q)
	}
	return c.Conn.Prepare(q)
}

// BeginTx implements driver.ConnBeginTx.
func (c *conn) BeginTx(ctx context.Context, o driver.TxOptions) (driver.Tx, error) {
	if b, ok := c.Conn.(driver.ConnBeginTx); ok {
		return b.BeginTx(ctx, o)
	}
	return c.Conn.Begin() //nolint:staticcheck // the driver has nothing newer
}

// CheckNamedValue implements driver.NamedValueChecker.
func (c *conn) CheckNamedValue(v *driver.NamedValue) error {
	if n, ok := c.Conn.(driver.NamedValueChecker); ok {
		return n.CheckNamedValue(v)
	}
	return driver.ErrSkip
}

// dsnConnector is the connector of a driver that has no DriverContext.
type dsnConnector struct {
	d   driver.Driver
	dsn string
}

func (c dsnConnector) Connect(context.Context) (driver.Conn, error) { return c.d.Open(c.dsn) }
func (c dsnConnector) Driver() driver.Driver                        { return c.d }
