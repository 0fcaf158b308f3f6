package datasource

import (
	"errors"
	"slices"
	"strings"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

// Value supplies the runtime attributes of the data sources: the metrics
// of statistics=pool of a running pool. It has the signature of
// ops.Options.RuntimeValue; false leaves the model's value.
//
// statistics-enabled of statistics=pool is the data source's own; while
// it is false every metric reads 0, as in WildFly, though the pool keeps
// counting.
//
// Limitation: the XA and JDBC (prepared statement cache) metrics, and
// MaxWaitCount, are not measured and read as the model's default.
func (rt *Runtime) Value(a ops.Address, attr string) (dmr.Value, bool) {
	if len(a) != 3 || a[2].Type != "statistics" || a[2].Name != "pool" {
		return dmr.Value{}, false
	}
	e, ok := rt.entryAt(a)
	if !ok || e.pool == nil {
		return dmr.Value{}, false
	}
	enabled := e.pool.Config().StatisticsEnabled
	if attr == "statistics-enabled" {
		return dmr.NewBool(enabled), true
	}
	n, ok := e.pool.Statistics()[attr]
	if !ok {
		return dmr.Value{}, false
	}
	if !enabled {
		n = 0
	}
	return dmr.NewLong(n), true
}

// Operation runs a pool operation (test-connection-in-pool,
// flush-idle|all|invalid|gracefully-connection-in-pool) on the data source
// at a. It has the signature of ops.Options.RuntimeOperation: false means
// the runtime has no pool there (the data source is disabled or waits for
// a reload). A pool that cannot connect fails with the driver's reason.
func (rt *Runtime) Operation(a ops.Address, name string, op dmr.Value) (dmr.Value, bool,
	error) {
	if len(a) != 2 {
		return dmr.Value{}, false, nil
	}
	e, ok := rt.entryAt(a)
	if !ok {
		return dmr.Value{}, false, nil
	}
	if e.pool == nil {
		return dmr.Value{}, true, failure(e.err)
	}
	p := e.pool
	switch name {
	case "test-connection-in-pool":
		if err := p.Test(background, credentialsOf(op)); err != nil {
			return dmr.Value{}, true, failure(err)
		}
		return dmr.NewList(dmr.NewBool(true)), true, nil
	case "flush-idle-connection-in-pool":
		p.FlushIdle()
	case "flush-all-connection-in-pool":
		p.FlushAll()
	case "flush-gracefully-connection-in-pool":
		p.FlushGracefully()
	case "flush-invalid-connection-in-pool":
		p.FlushInvalid(background)
	case "dump-queued-threads-in-pool":
		// Limitation: the goroutines waiting for a connection are not
		// tracked, so their dump is not available.
		return dmr.Value{}, true, &ops.Failure{Msg: "dump-queued-threads-in-pool is not " +
			"supported: this node does not track the callers waiting for a connection"}
	default:
		return dmr.Value{}, false, nil
	}
	return dmr.Value{}, true, nil
}

// credentialsOf returns the user-name and password parameters of a
// test-connection-in-pool request; nil when it names no user.
func credentialsOf(op dmr.Value) *Credentials {
	u, _ := op.Get("user-name")
	if !u.IsDefined() {
		return nil
	}
	p, _ := op.Get("password")
	c := &Credentials{User: u.AsString()}
	if p.IsDefined() {
		c.Password = p.AsString()
	}
	return c
}

// failure turns a pool's error into the operation's failure, with
// WildFly's codes for an invalid connection.
func failure(err error) error {
	code, reason := "WFLYJCA0040", oneLine(err.Error())
	if errors.Is(err, ErrNoDriver) {
		return &ops.Failure{Code: code, Msg: "failed to invoke operation: " + reason}
	}
	return &ops.Failure{Code: code,
		Msg: "failed to invoke operation: WFLYJCA0047: Connection is not valid: " + reason}
}

// oneLine joins the lines of a driver's message (pgx reports each attempt on
// a line of its own, often twice the same) with "; " (a space after a
// colon), dropping repeats.
func oneLine(msg string) string {
	var lines []string
	for _, l := range strings.Split(msg, "\n") {
		if l = strings.TrimSpace(l); l != "" && !slices.Contains(lines, l) {
			lines = append(lines, l)
		}
	}
	var b strings.Builder
	for i, l := range lines {
		switch {
		case i == 0:
		case strings.HasSuffix(lines[i-1], ":"):
			b.WriteString(" ")
		default:
			b.WriteString("; ")
		}
		b.WriteString(l)
	}
	return b.String()
}
