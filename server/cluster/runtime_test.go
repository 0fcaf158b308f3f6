package cluster

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"wfcli/ops"
)

func TestRuntimeValues(t *testing.T) {
	port := freePorts(t, 1)[0]
	ch, err := Start(context.Background(), Config{Name: "solo", Cluster: "rt",
		BindAddr: "127.0.0.1", BindPort: port, SocketBinding: "jgroups-tcp",
		Discovery: &TCPPing{}, ProbeInterval: 100 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer ch.Kill()
	var r Runtime
	r.Swap("ee", ch)
	channel := ops.Address{{Type: "subsystem", Name: "jgroups"}, {Type: "channel", Name: "ee"}}
	binding := ops.Address{{Type: "socket-binding-group", Name: "standard-sockets"},
		{Type: "socket-binding", Name: "jgroups-tcp"}}
	other := ops.Address{{Type: "subsystem", Name: "jgroups"}, {Type: "channel", Name: "x"}}
	tests := []struct {
		name string
		addr ops.Address
		attr string
		want string
	}{
		{"the view names the only member", channel, "view", `"[solo|1] (1) [solo]"`},
		{"the address is the node name", channel, "address", `"solo"`},
		{"a running channel is connected", channel, "state", `"CONNECTED"`},
		{"the transport's binding is bound", binding, "bound", "true"},
		{"the bound port is the transport's", binding, "bound-port", strconv.Itoa(port)},
		{"the bound address is the transport's", binding, "bound-address", `"127.0.0.1"`},
		{"another channel has no runtime here", other, "view", "<none>"},
		{"an unknown attribute has none", channel, "colour", "<none>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, ok := r.Value(tt.addr, tt.attr)
			got := "<none>"
			if ok {
				got = v.String()
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}

	if old := r.Swap("", nil); old != ch {
		t.Errorf("Swap returned %p, want the running channel %p", old, ch)
	}
	if _, ok := r.Value(channel, "view"); ok {
		t.Error("a runtime without a channel answered")
	}
}

func TestFailedChannelReadsClosed(t *testing.T) {
	var r Runtime
	r.Failed("ee", errors.New("JDBC_PING: connection refused"))
	channel := ops.Address{{Type: "subsystem", Name: "jgroups"}, {Type: "channel", Name: "ee"}}
	other := ops.Address{{Type: "subsystem", Name: "jgroups"}, {Type: "channel", Name: "x"}}
	tests := []struct {
		name string
		addr ops.Address
		attr string
		want string
	}{
		{"the failed channel's state is closed", channel, "state", `"CLOSED"`},
		{"the failed channel has no view", channel, "view", "<none>"},
		{"another channel has no state here", other, "state", "<none>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, ok := r.Value(tt.addr, tt.attr)
			got := "<none>"
			if ok {
				got = v.String()
			}
			if got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
	if name, err := r.Failure(); name != "ee" || err == nil {
		t.Errorf("Failure() = %q, %v", name, err)
	}
	r.Swap("", nil)
	if _, err := r.Failure(); err != nil {
		t.Errorf("a swap kept the failure: %v", err)
	}
}
