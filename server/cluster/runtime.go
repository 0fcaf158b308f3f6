package cluster

import (
	"net"
	"strconv"
	"sync"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

// Runtime holds the node's running channel and answers the runtime
// attributes of /subsystem=jgroups/channel=X for it. The zero value holds
// none. Safe for concurrent use.
type Runtime struct {
	// mu guards name, ch and failed.
	mu   sync.Mutex
	name string
	ch   *Channel
	// failed is why the channel named name could not start; nil when it
	// runs or none was asked for.
	failed error
}

// Swap makes ch the running channel named name (nil for none) and
// returns the one it replaces, which the caller stops.
func (r *Runtime) Swap(name string, ch *Channel) *Channel {
	r.mu.Lock()
	defer r.mu.Unlock()
	old := r.ch
	r.name, r.ch, r.failed = name, ch, nil
	return old
}

// Failed records that the channel named name could not start, for err:
// its state reads CLOSED (as a JGroups channel that is not connected)
// instead of undefined. It returns the running channel it replaces, which
// the caller stops.
func (r *Runtime) Failed(name string, err error) *Channel {
	r.mu.Lock()
	defer r.mu.Unlock()
	old := r.ch
	r.name, r.ch, r.failed = name, nil, err
	return old
}

// Failure returns the channel that could not start and why; "" and nil
// when none failed.
func (r *Runtime) Failure() (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.failed == nil {
		return "", nil
	}
	return r.name, r.failed
}

// Channel returns the running channel; nil when there is none.
func (r *Runtime) Channel() *Channel {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.ch
}

// Value returns a runtime attribute of the running channel at a (the
// ops.Options.RuntimeValue contract), or of its transport's socket
// binding; false for any other address.
func (r *Runtime) Value(a ops.Address, attr string) (dmr.Value, bool) {
	r.mu.Lock()
	name, ch, failed := r.name, r.ch, r.failed
	r.mu.Unlock()
	if ch == nil && failed != nil && attr == "state" && len(a) == 2 &&
		a[0] == (ops.PathElement{Type: "subsystem", Name: "jgroups"}) &&
		a[1] == (ops.PathElement{Type: "channel", Name: name}) {
		return dmr.NewString(StateClosed), true
	}
	if ch == nil || len(a) != 2 {
		return dmr.Value{}, false
	}
	switch {
	case a[0] == (ops.PathElement{Type: "subsystem", Name: "jgroups"}) &&
		a[1] == (ops.PathElement{Type: "channel", Name: name}):
		return channelAttribute(ch, attr)
	case a[0].Type == "socket-binding-group" &&
		a[1] == (ops.PathElement{Type: "socket-binding", Name: ch.cfg.SocketBinding}):
		return bindingAttribute(ch, attr)
	}
	return dmr.Value{}, false
}

// bindingAttribute returns a runtime attribute of the socket binding the
// channel's transport is bound to.
func bindingAttribute(ch *Channel, attr string) (dmr.Value, bool) {
	host, port, err := net.SplitHostPort(ch.Address())
	if err != nil || ch.State() != StateConnected {
		return dmr.Value{}, false
	}
	switch attr {
	case "bound":
		return dmr.NewBool(true), true
	case "bound-address":
		return dmr.NewString(host), true
	case "bound-port":
		n, _ := strconv.Atoi(port)
		return dmr.NewInt(int32(n)), true
	}
	return dmr.Value{}, false
}

// channelAttribute returns one runtime attribute of a running channel.
func channelAttribute(ch *Channel, attr string) (dmr.Value, bool) {
	sentMsgs, sentBytes := ch.Counters().Sent()
	recvMsgs, recvBytes := ch.Counters().Received()
	switch attr {
	case "view":
		return dmr.NewString(ch.View().String()), true
	case "address":
		return dmr.NewString(ch.Name()), true
	case "state":
		return dmr.NewString(ch.State()), true
	case "discard-own-messages":
		return dmr.NewBool(true), true
	case "sent-messages":
		return dmr.NewLong(sentMsgs), true
	case "sent-bytes":
		return dmr.NewLong(sentBytes), true
	case "received-messages":
		return dmr.NewLong(recvMsgs), true
	case "received-bytes":
		return dmr.NewLong(recvBytes), true
	}
	return dmr.Value{}, false
}
