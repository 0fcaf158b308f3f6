package cluster

import (
	"database/sql"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

// ErrNoDiscovery is the failure of a stack whose protocols include no
// discovery protocol this node runs.
var ErrNoDiscovery = errors.New("no supported discovery protocol " +
	"(TCPPING, JDBC_PING, MPING, PING)")

// Model is what a channel's configuration is read with.
type Model struct {
	// Root is the management model.
	Root *ops.Resource
	// Resolve resolves an expression such as "${jboss.bind.address:1.2.3.4}".
	Resolve func(string) (string, error)
	// NodeName is the node's logical name (jboss.node.name).
	NodeName string
	// OpenDataSource returns the pool of a data source, by the name
	// JDBC_PING gives (a data-source name or a JNDI name); nil means none.
	OpenDataSource func(dataSource string) (*sql.DB, error)
}

// DefaultChannel returns the name of the jgroups subsystem's default
// channel; false when there is no jgroups subsystem or no such channel.
func DefaultChannel(root *ops.Resource) (string, bool) {
	sub := root.Child("subsystem", "jgroups")
	if sub == nil {
		return "", false
	}
	name := sub.Attr("default-channel").Str()
	if name == "" {
		names := sub.ChildNames("channel")
		if len(names) == 0 {
			return "", false
		}
		name = names[0]
	}
	return name, sub.Child("channel", name) != nil
}

// Config returns the configuration of the channel named channel: its
// cluster, the transport's socket (port offset applied, on the binding's
// interface) and the stack's first discovery protocol. The error names
// what the model lacks.
func (m Model) Config(channel string) (Config, error) {
	sub := m.Root.Child("subsystem", "jgroups")
	if sub == nil {
		return Config{}, errors.New("no jgroups subsystem")
	}
	ch := sub.Child("channel", channel)
	if ch == nil {
		return Config{}, fmt.Errorf("no channel %q", channel)
	}
	cfg := Config{Name: m.NodeName, Cluster: ch.Attr("cluster").Str()}
	if cfg.Cluster == "" {
		cfg.Cluster = channel
	}
	stackName := ch.Attr("stack").Str()
	if stackName == "" {
		// Older schemas leave the stack to the subsystem's default-stack.
		stackName = sub.Attr("default-stack").Str()
	}
	stack := sub.Child("stack", stackName)
	if stack == nil {
		return Config{}, fmt.Errorf("channel %s: no stack %q", channel, stackName)
	}
	tr, err := m.transport(stack, stackName)
	if err != nil {
		return Config{}, err
	}
	cfg.BindAddr, cfg.BindPort, cfg.SocketBinding = tr.host, tr.port, tr.name
	cfg.Discovery, err = m.discovery(stack, cfg.Cluster, tr)
	if err != nil {
		return Config{}, fmt.Errorf("stack %s: %w", stackName, err)
	}
	return cfg, nil
}

// binding is a resolved socket binding.
type binding struct {
	host           string
	port           int
	multicastAddr  string
	multicastPort  int
	name, iface    string
	hasMulticast   bool
	transportProto string
}

// transport resolves the socket binding of the stack's transport.
func (m Model) transport(stack *ops.Resource, name string) (binding, error) {
	types := stack.ChildNames("transport")
	if len(types) == 0 {
		return binding{}, fmt.Errorf("stack %s has no transport", name)
	}
	tr := stack.Child("transport", types[0])
	sb := tr.Attr("socket-binding").Str()
	if sb == "" {
		return binding{}, fmt.Errorf("stack %s: transport %s has no socket-binding",
			name, types[0])
	}
	b, err := m.socketBinding(sb)
	b.transportProto = types[0]
	return b, err
}

// socketBinding resolves a socket binding of the first socket binding
// group: its interface's address and its port plus the group's offset.
func (m Model) socketBinding(name string) (binding, error) {
	groups := m.Root.ChildNames("socket-binding-group")
	if len(groups) == 0 {
		return binding{}, errors.New("no socket-binding-group")
	}
	g := m.Root.Child("socket-binding-group", groups[0])
	sb := g.Child("socket-binding", name)
	if sb == nil {
		return binding{}, fmt.Errorf("no socket binding %q", name)
	}
	b := binding{name: name, iface: sb.Attr("interface").Str()}
	if b.iface == "" {
		b.iface = g.Attr("default-interface").Str()
	}
	var err error
	if b.host, err = m.interfaceAddress(b.iface); err != nil {
		return b, fmt.Errorf("socket binding %s: %w", name, err)
	}
	port, err := m.integer(sb.Attr("port"), 0)
	if err != nil {
		return b, fmt.Errorf("socket binding %s: port: %w", name, err)
	}
	offset, err := m.integer(g.Attr("port-offset"), 0)
	if err != nil {
		return b, fmt.Errorf("port-offset: %w", err)
	}
	fixed, _ := m.resolve(sb.Attr("fixed-port"))
	if port != 0 && fixed != "true" {
		port += offset
	}
	b.port = port
	if a := sb.Attr("multicast-address"); a.IsDefined() {
		b.hasMulticast = true
		b.multicastAddr, _ = m.resolve(a)
		b.multicastPort, _ = m.integer(sb.Attr("multicast-port"), 0)
	}
	return b, nil
}

// interfaceAddress resolves the address of a named interface.
func (m Model) interfaceAddress(name string) (string, error) {
	in := m.Root.Child("interface", name)
	if in == nil {
		return "", fmt.Errorf("no interface %q", name)
	}
	for _, attr := range []string{"inet-address", "loopback-address"} {
		if v := in.Attr(attr); v.IsDefined() {
			return m.resolve(v)
		}
	}
	if in.Attr("any-address").Bool() || in.Attr("any-ipv4-address").Bool() {
		return "0.0.0.0", nil
	}
	if in.Attr("loopback").Bool() {
		return "127.0.0.1", nil
	}
	if nic := in.Attr("nic"); nic.IsDefined() {
		return nicAddress(nic.Str())
	}
	// Limitation: interfaces chosen by subnet-match, site-local-address or
	// other criteria are not resolved; a channel on one does not start.
	return "", fmt.Errorf("interface %s: only inet-address, loopback-address, nic, "+
		"any-address and loopback are supported", name)
}

// resolve returns the string form of v with expressions resolved.
func (m Model) resolve(v dmr.Value) (string, error) {
	if !v.IsDefined() {
		return "", nil
	}
	s := v.AsString()
	if v.Type() == dmr.Expression && m.Resolve != nil {
		return m.Resolve(s)
	}
	return s, nil
}

// integer returns v as an int, resolved; def when undefined.
func (m Model) integer(v dmr.Value, def int) (int, error) {
	s, err := m.resolve(v)
	if err != nil || s == "" {
		return def, err
	}
	return strconv.Atoi(strings.TrimSpace(s))
}

// property returns a protocol property (resolved), "" when absent.
func (m Model) property(p *ops.Resource, name string) string {
	v, _ := p.Attr("properties").Get(name)
	s, _ := m.resolve(v)
	return s
}

// nicAddress returns the first IPv4 address of the network interface
// named name (the first address when it has no IPv4 one).
func nicAddress(name string) (string, error) {
	ifi, err := net.InterfaceByName(name)
	if err != nil {
		return "", fmt.Errorf("nic %s: %w", name, err)
	}
	addrs, err := ifi.Addrs()
	if err != nil || len(addrs) == 0 {
		return "", fmt.Errorf("nic %s has no address", name)
	}
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && n.IP.To4() != nil {
			return n.IP.String(), nil
		}
	}
	return addrs[0].(*net.IPNet).IP.String(), nil
}
