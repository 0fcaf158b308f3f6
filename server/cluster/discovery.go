package cluster

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"strings"
)

// TCPPing is TCPPING: a fixed list of members to contact.
type TCPPing struct {
	// Hosts are the "host:port" addresses to contact.
	Hosts []string
}

// ParseInitialHosts reads TCPPING's initial_hosts, "host[port],host[port]",
// and adds portRange further ports after each (JGroups' port_range). The
// error names the entry it cannot read.
func ParseInitialHosts(s string, portRange int) ([]string, error) {
	var out []string
	for _, e := range strings.Split(s, ",") {
		e = strings.TrimSpace(e)
		if e == "" {
			continue
		}
		open := strings.IndexByte(e, '[')
		if open <= 0 || !strings.HasSuffix(e, "]") {
			return nil, fmt.Errorf("initial_hosts entry %q is not host[port]", e)
		}
		port, err := strconv.Atoi(e[open+1 : len(e)-1])
		if err != nil || port <= 0 || port > 65535 {
			return nil, fmt.Errorf("initial_hosts entry %q has no valid port", e)
		}
		for p := port; p <= port+portRange && p <= 65535; p++ {
			out = append(out, net.JoinHostPort(e[:open], strconv.Itoa(p)))
		}
	}
	return out, nil
}

// Name implements Discovery.
func (t *TCPPing) Name() string { return "TCPPING" }

// Seeds implements Discovery: the hosts, as given.
func (t *TCPPing) Seeds(ctx context.Context, self Member) ([]string, error) {
	return t.Hosts, nil
}

// Joined implements Discovery; TCPPING keeps nothing.
func (t *TCPPing) Joined(ctx context.Context, self Member) error { return nil }

// ViewChanged implements Discovery; TCPPING keeps nothing.
func (t *TCPPing) ViewChanged(ctx context.Context, v View, coordinator bool) {}

// Left implements Discovery; TCPPING keeps nothing.
func (t *TCPPing) Left(ctx context.Context, self Member) error { return nil }

// Close implements Discovery.
func (t *TCPPing) Close() error { return nil }
