package cluster

import (
	"fmt"
	"net"
	"strconv"

	"wfcli/ops"
)

// discovery builds the stack's first discovery protocol.
func (m Model) discovery(stack *ops.Resource, cluster string, tr binding) (Discovery, error) {
	for _, name := range stack.ChildNames("protocol") {
		p := stack.Child("protocol", name)
		switch name {
		case "TCPPING":
			return m.tcpping(p)
		case "JDBC_PING":
			return m.jdbcping(p, cluster)
		case "MPING":
			return m.mping(p, cluster)
		case "PING":
			if !tr.hasMulticast {
				return nil, fmt.Errorf("PING: socket binding %s has no multicast-address",
					tr.name)
			}
			return &MPing{Group: mcastAddr(tr), Cluster: cluster, Interface: tr.host}, nil
		case "TCPGOSSIP", "FILE_PING", "S3_PING", "GOOGLE_PING", "AZURE_PING",
			"kubernetes.KUBE_PING", "KUBE_PING", "dns.DNS_PING", "DNS_PING", "SWIFT_PING":
			// Limitation: these discovery protocols are not run; a stack that
			// starts with one leaves the node out of any cluster.
			return nil, fmt.Errorf("discovery protocol %s is not supported: %w", name,
				ErrNoDiscovery)
		}
	}
	return nil, ErrNoDiscovery
}

// tcpping reads TCPPING: initial_hosts and port_range properties, or its
// socket-bindings (outbound socket bindings, which take no offset).
func (m Model) tcpping(p *ops.Resource) (Discovery, error) {
	portRange := 1
	if s := m.property(p, "port_range"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return nil, fmt.Errorf("TCPPING: port_range %q is not a count", s)
		}
		portRange = n
	}
	if hosts := m.property(p, "initial_hosts"); hosts != "" {
		seeds, err := ParseInitialHosts(hosts, portRange)
		if err != nil {
			return nil, fmt.Errorf("TCPPING: %w", err)
		}
		return &TCPPing{Hosts: seeds}, nil
	}
	var seeds []string
	groups := m.Root.ChildNames("socket-binding-group")
	for _, v := range p.Attr("socket-bindings").Items() {
		if len(groups) == 0 {
			break
		}
		g := m.Root.Child("socket-binding-group", groups[0])
		ob := g.Child("remote-destination-outbound-socket-binding", v.Str())
		if ob == nil {
			return nil, fmt.Errorf("TCPPING: no outbound socket binding %q", v.Str())
		}
		host, err := m.resolve(ob.Attr("host"))
		if err != nil {
			return nil, fmt.Errorf("TCPPING: %s: %w", v.Str(), err)
		}
		port, err := m.integer(ob.Attr("port"), 0)
		if err != nil {
			return nil, fmt.Errorf("TCPPING: %s: %w", v.Str(), err)
		}
		seeds = append(seeds, net.JoinHostPort(host, strconv.Itoa(port)))
	}
	if len(seeds) == 0 {
		return nil, fmt.Errorf("TCPPING has neither socket-bindings nor initial_hosts")
	}
	return &TCPPing{Hosts: seeds}, nil
}

// jdbcping reads JDBC_PING: its data-source (or the deprecated
// datasource_jndi_name property) and its SQL properties.
func (m Model) jdbcping(p *ops.Resource, cluster string) (Discovery, error) {
	ds := p.Attr("data-source").Str()
	if ds == "" {
		ds = m.property(p, "datasource_jndi_name")
	}
	if ds == "" {
		return nil, fmt.Errorf("JDBC_PING names no data-source")
	}
	ds = m.dataSourceByJNDI(ds)
	if m.OpenDataSource == nil {
		return nil, fmt.Errorf("JDBC_PING: data source %s is not running", ds)
	}
	db, err := m.OpenDataSource(ds)
	if err != nil {
		return nil, fmt.Errorf("JDBC_PING: data source %s: %w", ds, err)
	}
	return &JDBCPing{DB: db, Cluster: cluster,
		InitializeSQL: m.property(p, "initialize_sql"),
		InsertSQL:     m.property(p, "insert_single_sql"),
		DeleteSQL:     m.property(p, "delete_single_sql"),
		SelectAllSQL:  m.property(p, "select_all_pingdata_sql")}, nil
}

// mping reads MPING: its socket binding's multicast address and port.
func (m Model) mping(p *ops.Resource, cluster string) (Discovery, error) {
	name := p.Attr("socket-binding").Str()
	if name == "" {
		return nil, fmt.Errorf("MPING has no socket-binding")
	}
	b, err := m.socketBinding(name)
	if err != nil {
		return nil, fmt.Errorf("MPING: %w", err)
	}
	if !b.hasMulticast {
		return nil, fmt.Errorf("MPING: socket binding %s has no multicast-address", name)
	}
	return &MPing{Group: mcastAddr(b), Cluster: cluster, Interface: b.host}, nil
}

func mcastAddr(b binding) string {
	return net.JoinHostPort(b.multicastAddr, strconv.Itoa(b.multicastPort))
}

// dataSourceByJNDI returns the name of the data source whose jndi-name is
// name (JDBC_PING's datasource_jndi_name); name itself when none has it.
func (m Model) dataSourceByJNDI(name string) string {
	sub := m.Root.Child("subsystem", "datasources")
	if sub == nil {
		return name
	}
	for _, typ := range []string{"data-source", "xa-data-source"} {
		for _, n := range sub.ChildNames(typ) {
			if j, _ := m.resolve(sub.Child(typ, n).Attr("jndi-name")); j == name {
				return n
			}
		}
	}
	return name
}
