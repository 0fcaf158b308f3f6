package remote

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// errNoAnswer is the failure of a round trip whose response did not start
// within the connection timeout while connecting.
var errNoAnswer = errors.New("no answer within the connection timeout")

// errInterrupted is the failure of a request cancelled by Interrupter.
var errInterrupted = errors.New("interrupted")

// Interrupter cancels the requests pending when it is called, as Ctrl-C
// does in the interactive shell; requests sent afterwards are not
// affected. The zero Interrupter is ready to use and it is safe for
// concurrent use.
type Interrupter struct {
	mu sync.Mutex // guards ch
	ch chan struct{}
}

// Interrupt cancels every request in flight on the clients that share i.
// It does nothing when there is none.
func (i *Interrupter) Interrupt() {
	i.mu.Lock()
	defer i.mu.Unlock()
	if i.ch != nil {
		close(i.ch)
		i.ch = nil
	}
}

// watch returns a context derived from ctx that is cancelled, with cause
// errInterrupted, at the next Interrupt, and the function that releases
// it. A nil Interrupter gives a plain cancellable context.
func (i *Interrupter) watch(ctx context.Context) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(ctx)
	if i == nil {
		return ctx, func() { cancel(nil) }
	}
	i.mu.Lock()
	if i.ch == nil {
		i.ch = make(chan struct{})
	}
	ch := i.ch
	i.mu.Unlock()
	go func() {
		select {
		case <-ch:
			cancel(errInterrupted)
		case <-ctx.Done():
		}
	}()
	return ctx, func() { cancel(nil) }
}

// headerTimeout bounds the wait for the start of each response by limit
// while armed (during Connect): a controller that accepts the connection
// but never answers fails in limit instead of blocking forever. The wait
// for a prompt between two round trips is not counted. Later requests,
// which may legitimately run long, are bounded by --command-timeout only.
type headerTimeout struct {
	next  http.RoundTripper
	limit time.Duration
	armed atomic.Bool
}

// RoundTrip implements http.RoundTripper.
func (h *headerTimeout) RoundTrip(req *http.Request) (*http.Response, error) {
	if !h.armed.Load() {
		return h.next.RoundTrip(req)
	}
	ctx, cancel := context.WithCancelCause(req.Context())
	timer := time.AfterFunc(h.limit, func() { cancel(errNoAnswer) })
	resp, err := h.next.RoundTrip(req.WithContext(ctx))
	stopped := timer.Stop()
	if err != nil {
		if !stopped && errors.Is(context.Cause(ctx), errNoAnswer) {
			err = fmt.Errorf("%w (%d ms)", errNoAnswer, h.limit.Milliseconds())
		}
		cancel(nil)
		return nil, err
	}
	resp.Body = &cancelOnClose{ReadCloser: resp.Body, cancel: func() { cancel(nil) }}
	return resp, nil
}

// cancelOnClose releases a round trip's context with its body.
type cancelOnClose struct {
	io.ReadCloser
	cancel func()
}

func (c *cancelOnClose) Close() error {
	err := c.ReadCloser.Close()
	c.cancel()
	return err
}
