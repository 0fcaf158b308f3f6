package cluster

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"time"
)

// mpingMagic leads every MPING announcement, so that other traffic on the
// group is ignored.
const mpingMagic = "wfcli-mping"

// MPing is MPING (and PING on a UDP transport): members announce their
// address to a multicast group and join whom they hear. Where the network
// carries no multicast, the first Seeds fails with a clear error: a node
// hears its own announcement or reports that multicast does not work.
type MPing struct {
	// Group is the multicast "address:port".
	Group string
	// Cluster separates clusters that share a group.
	Cluster string
	// Interface is the address whose interface joins the group; "" or
	// 0.0.0.0 lets the system choose.
	Interface string
	// EchoTimeout bounds the wait for the node's own first announcement
	// (sub-millisecond where multicast works); zero means 300ms.
	EchoTimeout time.Duration

	// mu guards conn, heard and self.
	mu    sync.Mutex
	conn  *net.UDPConn
	group *net.UDPAddr
	heard map[string]string
	self  Member
	echo  chan struct{}
}

// Name implements Discovery.
func (p *MPing) Name() string { return "MPING" }

// Seeds implements Discovery: it announces the node and returns the
// addresses it heard. The first call joins the group.
func (p *MPing) Seeds(ctx context.Context, self Member) ([]string, error) {
	p.mu.Lock()
	first := p.conn == nil
	p.mu.Unlock()
	if first {
		if err := p.open(self); err != nil {
			return nil, fmt.Errorf("multicast %s does not work on this network: %w; "+
				"use TCPPING or JDBC_PING", p.Group, err)
		}
	} else if err := p.announce(); err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	var seeds []string
	for name, addr := range p.heard {
		if name != self.Name {
			seeds = append(seeds, addr)
		}
	}
	return seeds, nil
}

// open joins the group, starts listening, and checks that the node hears
// its own announcement.
func (p *MPing) open(self Member) error {
	group, err := net.ResolveUDPAddr("udp4", p.Group)
	if err != nil {
		return err
	}
	ifi := interfaceOf(p.Interface)
	conn, err := net.ListenMulticastUDP("udp4", ifi, group)
	if err != nil {
		return err
	}
	p.mu.Lock()
	p.conn, p.group, p.self = conn, group, self
	p.heard = map[string]string{}
	echo := make(chan struct{})
	p.echo = echo
	p.mu.Unlock()
	go p.listen(conn)

	if err := p.announce(); err != nil {
		return err
	}
	timeout := p.EchoTimeout
	if timeout <= 0 {
		timeout = 300 * time.Millisecond
	}
	select {
	case <-echo:
		return nil
	case <-time.After(timeout):
		return errors.New("the node does not hear its own announcement")
	}
}

// interfaceOf returns the network interface that holds addr; nil when
// addr is empty, unspecified or held by none.
func interfaceOf(addr string) *net.Interface {
	ip := net.ParseIP(addr)
	if ip == nil || ip.IsUnspecified() {
		return nil
	}
	ifs, _ := net.Interfaces()
	for i := range ifs {
		addrs, _ := ifs[i].Addrs()
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok && n.IP.Equal(ip) {
				return &ifs[i]
			}
		}
	}
	return nil
}

// announce multicasts the node's name and address.
func (p *MPing) announce() error {
	p.mu.Lock()
	conn, group, self := p.conn, p.group, p.self
	p.mu.Unlock()
	if conn == nil {
		return errors.New("MPING is closed")
	}
	msg := strings.Join([]string{mpingMagic, p.Cluster, self.Name, self.Addr}, "\n")
	_, err := conn.WriteToUDP([]byte(msg), group)
	return err
}

// listen records the announcements of the cluster's members; on hearing a
// new one it announces the node in turn, so the newcomer learns of it.
func (p *MPing) listen(conn *net.UDPConn) {
	buf := make([]byte, 1500)
	for {
		n, _, err := conn.ReadFromUDP(buf)
		if err != nil {
			return
		}
		f := strings.Split(string(buf[:n]), "\n")
		if len(f) != 4 || f[0] != mpingMagic || f[1] != p.Cluster {
			continue
		}
		p.mu.Lock()
		_, known := p.heard[f[2]]
		p.heard[f[2]] = f[3]
		isSelf := f[2] == p.self.Name
		if isSelf && p.echo != nil {
			close(p.echo)
			p.echo = nil
		}
		p.mu.Unlock()
		if !known && !isSelf {
			p.announce()
		}
	}
}

// Joined implements Discovery; MPING keeps nothing.
func (p *MPing) Joined(ctx context.Context, self Member) error { return nil }

// ViewChanged implements Discovery: members that left are forgotten.
func (p *MPing) ViewChanged(ctx context.Context, v View, coordinator bool) {
	in := map[string]bool{}
	for _, m := range v.Members {
		in[m.Name] = true
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for name := range p.heard {
		if !in[name] && name != p.self.Name {
			delete(p.heard, name)
		}
	}
}

// Left implements Discovery; MPING keeps nothing.
func (p *MPing) Left(ctx context.Context, self Member) error { return nil }

// Close implements Discovery: it leaves the group.
func (p *MPing) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.conn == nil {
		return nil
	}
	err := p.conn.Close()
	p.conn = nil
	return err
}
