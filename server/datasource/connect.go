package datasource

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/go-sql-driver/mysql"
)

// DefaultConnectTimeout bounds how long a new connection may take, from
// the TCP connect to the end of the login: a database that accepts the
// connection but never answers fails within it instead of holding the
// caller for the whole blocking timeout.
const DefaultConnectTimeout = 10 * time.Second

// errConnectTimeout is the cause of a connect cut by the connect timeout.
var errConnectTimeout = errors.New("connect timeout")

// ErrStopping is the cause of a connect abandoned because the pool's node
// is stopping (see Runtime.Interrupt).
var ErrStopping = errors.New("connection attempt abandoned: the node is stopping")

// timedConnector bounds each connect of inner by timeout and abandons it
// when abort ends, and rewrites the driver's error to name the address.
type timedConnector struct {
	inner   driver.Connector
	addr    string // host:port, for messages; "" when embedded
	timeout time.Duration
	abort   context.Context
}

// Connect implements driver.Connector.
func (c timedConnector) Connect(ctx context.Context) (driver.Conn, error) {
	start := time.Now()
	ctx, cancel := context.WithTimeoutCause(ctx, c.timeout, errConnectTimeout)
	defer cancel()
	if c.abort != nil {
		stop := context.AfterFunc(c.abort, cancel)
		defer stop()
	}
	dc, err := c.inner.Connect(ctx)
	if err == nil {
		return dc, nil
	}
	switch {
	case c.abort != nil && c.abort.Err() != nil:
		return nil, ErrStopping
	case errors.Is(context.Cause(ctx), errConnectTimeout):
		return nil, &NoAnswerError{Where: c.where(), After: c.timeout}
	case ctx.Err() != nil:
		// The caller's deadline (the blocking timeout) came first.
		return nil, &NoAnswerError{Where: c.where(),
			After: time.Since(start).Round(time.Millisecond)}
	}
	return nil, cleanError(err)
}

// NoAnswerError is the failure of a connect to a database that did not
// complete the connection and login in time. It is not a pool timeout:
// errors.Is(err, context.DeadlineExceeded) is false.
type NoAnswerError struct {
	Where string        // "the database at host:port"
	After time.Duration // how long the connect waited
}

func (e *NoAnswerError) Error() string {
	return fmt.Sprintf("%s did not answer within %s", e.Where, e.After)
}

// Driver implements driver.Connector.
func (c timedConnector) Driver() driver.Driver { return c.inner.Driver() }

func (c timedConnector) where() string {
	if c.addr == "" {
		return "the database"
	}
	return "the database at " + c.addr
}

// targetAddr returns the host:port t connects to; "" for an embedded
// database or a DSN it cannot read.
func targetAddr(t Target) string {
	switch t.Driver {
	case "pgx":
		if u, err := url.Parse(t.DSN); err == nil {
			return u.Host
		}
	case "mysql":
		if cfg, err := mysql.ParseDSN(t.DSN); err == nil {
			return cfg.Addr
		}
	}
	return ""
}

// cleanedError is a driver's error whose text had a formatting defect.
type cleanedError struct {
	msg string
	err error
}

func (e cleanedError) Error() string { return e.msg }
func (e cleanedError) Unwrap() error { return e.err }

// cleanError removes the "%!w(<nil>)" that pgx (v5.13, pgconn's
// "received unexpected message") prints when it wraps a nil error, as
// when a PostgreSQL URL points at another server (a MySQL port).
func cleanError(err error) error {
	msg := err.Error()
	if !strings.Contains(msg, "%!w(<nil>)") {
		return err
	}
	msg = strings.ReplaceAll(msg, ": %!w(<nil>)", " (is it a PostgreSQL server?)")
	msg = strings.ReplaceAll(msg, "%!w(<nil>)", "")
	return cleanedError{msg: msg, err: err}
}
