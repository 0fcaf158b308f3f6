package remote

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"

	"wfcli/ops/dmr"
)

// readKey marks in a request's context whether the request only reads.
type readKey struct{}

// readOperations are the operations that change nothing besides those
// whose name starts with read-.
var readOperations = map[string]bool{
	"query": true, "whoami": true, "validate-address": true, "validate-operation": true,
	"resolve-expression": true, "list-snapshots": true, "product-info": true,
	"map-get": true, "list-get": true,
}

// isRead reports whether op only reads, so that sending it twice is
// harmless: a read-* or other read operation, or a composite of them.
func isRead(op dmr.Value) bool {
	v, _ := op.Get("operation")
	name := v.AsString()
	if name == "composite" {
		steps, _ := op.Get("steps")
		for _, s := range steps.Items() {
			if !isRead(s) {
				return false
			}
		}
		return true
	}
	return strings.HasPrefix(name, "read-") || readOperations[name]
}

// retryPolicy retries a request only when that is safe: any request whose
// connection could not be opened (it never left this process), and a read
// after any transport failure or a 503 (the node is booting). A write
// whose connection broke after it was sent may have run, so it is never
// sent again; the caller gets the error.
func retryPolicy(ctx context.Context, resp *http.Response, err error) (bool, error) {
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	read, _ := ctx.Value(readKey{}).(bool)
	if timedOut(err) {
		return false, nil // waiting again would double what --timeout allows
	}
	if err != nil {
		return notSent(err) || read, nil
	}
	return read && resp.StatusCode == http.StatusServiceUnavailable, nil
}

// notSent reports whether err happened while connecting, before anything
// was written.
func notSent(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial"
}

// timedOut reports whether err is the connection timeout: a dial that did
// not complete, or a controller that did not answer while connecting.
func timedOut(err error) bool {
	var ne net.Error
	return errors.Is(err, errNoAnswer) || (errors.As(err, &ne) && ne.Timeout())
}
