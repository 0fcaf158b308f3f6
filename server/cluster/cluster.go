// Package cluster runs a node's jgroups channel: cluster membership on
// hashicorp/memberlist, bound to the transport's socket binding, with the
// discovery protocol the stack names (TCPPING, JDBC_PING, MPING/PING). It
// reports the channel's runtime attributes (view, address, state, message
// counters) and carries messages between members for the caches.
//
// What a channel is configured with comes from the management model
// (ConfigFromModel); the data sources JDBC_PING uses belong to the caller,
// the model to package ops.
package cluster

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/memberlist"
)

// Channel states, as JGroups names them.
const (
	StateConnected = "CONNECTED"
	StateClosed    = "CLOSED"
)

// Config configures a channel. Name, BindAddr and Discovery are required.
//
// Limitation: names must be unique in a cluster; a second node with the
// same jboss.node.name (by default the host name) cannot join.
type Config struct {
	// Name is the node's logical address in the channel (jboss.node.name).
	Name string
	// Cluster is the cluster name; only members of the same cluster talk.
	Cluster string
	// BindAddr and BindPort are the transport's socket (offset applied).
	BindAddr string
	BindPort int
	// SocketBinding names the transport's socket binding, whose bound,
	// bound-address and bound-port the channel reports; "" for none.
	SocketBinding string
	// Discovery finds the other members.
	Discovery Discovery
	// ProbeInterval paces failure detection; zero means one second. The
	// other timings of memberlist follow from it.
	ProbeInterval time.Duration
	// RediscoverInterval paces the merge of members found by discovery
	// after the start (as MERGE3 does); zero means two seconds.
	RediscoverInterval time.Duration
	// OnViewChange, when set, is called with each new view, in order, on
	// a goroutine of the channel.
	OnViewChange func(View)
	// OnMessage, when set, receives each message another member sent.
	OnMessage func(from string, msg []byte)
	// Logger receives the channel's log; nil discards it.
	Logger *slog.Logger
}

// Discovery is a discovery protocol: it finds the addresses of possible
// members and is told of the node's joining, views and leaving.
type Discovery interface {
	// Name is the protocol's name, as the stack writes it.
	Name() string
	// Seeds returns the "host:port" addresses of possible members. It is
	// called at the start and then periodically, so it may also refresh
	// what the protocol keeps (JDBC_PING's own row).
	Seeds(ctx context.Context, self Member) ([]string, error)
	// Joined is called once the node is a member.
	Joined(ctx context.Context, self Member) error
	// ViewChanged is called with each view; coordinator is true on the
	// view's coordinator.
	ViewChanged(ctx context.Context, v View, coordinator bool)
	// Left is called when the node leaves gracefully.
	Left(ctx context.Context, self Member) error
	// Close releases what the protocol holds.
	Close() error
}

// Member is one member of a view.
type Member struct {
	// Name is the member's logical address.
	Name string
	// Addr is the member's transport address, "host:port".
	Addr string
	// since orders the members: the oldest is the coordinator.
	since int64
}

// View is a channel's membership as one member sees it: the members,
// coordinator first, and the number of views this member has seen.
//
// Limitation: ID counts this member's views; JGroups' view id is the same
// on every member, so two members may print different ids for one view.
type View struct {
	ID      int64
	Members []Member
}

// String formats the view as JGroups does: "[coord|id] (n) [a, b]".
func (v View) String() string {
	if len(v.Members) == 0 {
		return ""
	}
	s := "[" + v.Members[0].Name + "|" + strconv.FormatInt(v.ID, 10) + "] (" +
		strconv.Itoa(len(v.Members)) + ") ["
	for i, m := range v.Members {
		if i > 0 {
			s += ", "
		}
		s += m.Name
	}
	return s + "]"
}

// Names returns the members' names, coordinator first.
func (v View) Names() []string {
	out := make([]string, len(v.Members))
	for i, m := range v.Members {
		out[i] = m.Name
	}
	return out
}

// Channel is a running channel. It is safe for concurrent use.
type Channel struct {
	cfg   Config
	log   *slog.Logger
	ml    *memberlist.Memberlist
	count Counters
	self  Member

	// viewMu guards members, view and state.
	viewMu  sync.Mutex
	members map[string]Member
	view    View
	state   string

	// views carries each new view to the notifier, in order.
	views    chan View
	done     chan struct{}
	stopOnce sync.Once
	wg       sync.WaitGroup
}

// Start connects a channel: it binds the transport, asks discovery for
// members and joins them (alone when none answers). The error says which
// step failed.
func Start(ctx context.Context, cfg Config) (*Channel, error) {
	if cfg.Name == "" || cfg.BindAddr == "" || cfg.Discovery == nil {
		return nil, errors.New("channel needs a name, a bind address and a discovery")
	}
	if len(cfg.Name) > 255 {
		return nil, fmt.Errorf("node name %.20s... is longer than 255 bytes", cfg.Name)
	}
	setDefaults(&cfg)
	c := &Channel{cfg: cfg, log: cfg.Logger, members: map[string]Member{},
		state: StateConnected, views: make(chan View, 64), done: make(chan struct{})}
	c.self = Member{Name: cfg.Name, since: time.Now().UnixNano()}

	logger := slog.NewLogLogger(c.log.Handler(), slog.LevelDebug)
	nt, err := memberlist.NewNetTransport(&memberlist.NetTransportConfig{
		BindAddrs: []string{cfg.BindAddr}, BindPort: cfg.BindPort, Logger: logger})
	if err != nil {
		return nil, fmt.Errorf("binding %s: %w",
			net.JoinHostPort(cfg.BindAddr, strconv.Itoa(cfg.BindPort)), err)
	}
	c.cfg.BindPort = nt.GetAutoBindPort()
	ml, err := memberlist.Create(c.memberlistConfig(newCountingTransport(nt, &c.count),
		logger))
	if err != nil {
		nt.Shutdown()
		return nil, fmt.Errorf("starting the channel: %w", err)
	}
	c.ml = ml
	c.self.Addr = ml.LocalNode().Address()
	c.wg.Add(1)
	go c.notify()

	if err := c.discover(ctx); err != nil {
		c.Kill()
		return nil, err
	}
	c.wg.Add(1)
	go c.rediscover()
	if err := cfg.Discovery.Joined(ctx, c.self); err != nil {
		c.Kill()
		return nil, fmt.Errorf("%s: %w", cfg.Discovery.Name(), err)
	}
	c.log.Info("channel connected", "name", cfg.Name, "cluster", cfg.Cluster,
		"address", c.self.Addr, "discovery", cfg.Discovery.Name(), "view", c.View().String())
	return c, nil
}

func setDefaults(cfg *Config) {
	if cfg.Cluster == "" {
		cfg.Cluster = "ee"
	}
	if cfg.ProbeInterval <= 0 {
		cfg.ProbeInterval = time.Second
	}
	if cfg.RediscoverInterval <= 0 {
		cfg.RediscoverInterval = 2 * time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	cfg.Logger = cfg.Logger.With("component", "cluster")
}

// memberlistConfig derives memberlist's configuration from the channel's.
func (c *Channel) memberlistConfig(t memberlist.Transport,
	logger *log.Logger) *memberlist.Config {
	mc := memberlist.DefaultLANConfig()
	mc.Name = c.cfg.Name
	mc.BindAddr, mc.BindPort = c.cfg.BindAddr, c.cfg.BindPort
	mc.AdvertiseAddr, mc.AdvertisePort = "", c.cfg.BindPort
	mc.Label = c.cfg.Cluster
	mc.ProbeInterval = c.cfg.ProbeInterval
	mc.ProbeTimeout = c.cfg.ProbeInterval / 2
	mc.GossipInterval = c.cfg.ProbeInterval / 5
	mc.PushPullInterval = 15 * c.cfg.ProbeInterval
	mc.SuspicionMult = 3
	mc.SuspicionMaxTimeoutMult = 3
	mc.Logger = logger
	mc.Events = (*events)(c)
	mc.Delegate = (*delegate)(c)
	mc.Transport = t
	return mc
}

// discover joins the members discovery finds; none found is no error.
func (c *Channel) discover(ctx context.Context) error {
	seeds, err := c.cfg.Discovery.Seeds(ctx, c.self)
	if err != nil {
		return fmt.Errorf("%s: %w", c.cfg.Discovery.Name(), err)
	}
	c.join(seeds)
	return nil
}

// join contacts the seeds that are not yet members.
func (c *Channel) join(seeds []string) {
	known := map[string]bool{}
	for _, m := range c.View().Members {
		known[m.Addr] = true
	}
	var fresh []string
	for _, s := range seeds {
		if !known[s] && s != c.self.Addr {
			fresh = append(fresh, s)
		}
	}
	if len(fresh) == 0 {
		return
	}
	n, err := c.ml.Join(fresh)
	c.log.Debug("join", "seeds", fresh, "contacted", n, "error", err)
}

// rediscover merges, at each interval, the members discovery finds.
func (c *Channel) rediscover() {
	defer c.wg.Done()
	t := time.NewTicker(c.cfg.RediscoverInterval)
	defer t.Stop()
	for {
		select {
		case <-c.done:
			return
		case <-t.C:
			ctx, cancel := context.WithTimeout(context.Background(), c.cfg.RediscoverInterval)
			if err := c.discover(ctx); err != nil {
				c.log.Warn("discovery failed", "error", err)
			}
			cancel()
		}
	}
}

// notify tells discovery and the listener of each view, in order.
func (c *Channel) notify() {
	defer c.wg.Done()
	for {
		select {
		case <-c.done:
			return
		case v := <-c.views:
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			coord := len(v.Members) > 0 && v.Members[0].Name == c.self.Name
			c.cfg.Discovery.ViewChanged(ctx, v, coord)
			cancel()
			if c.cfg.OnViewChange != nil {
				c.cfg.OnViewChange(v)
			}
		}
	}
}

// Name returns the node's logical address in the channel.
func (c *Channel) Name() string { return c.self.Name }

// Address returns the node's transport address, "host:port".
func (c *Channel) Address() string { return c.self.Addr }

// Cluster returns the cluster name.
func (c *Channel) Cluster() string { return c.cfg.Cluster }

// Discovery returns the name of the discovery protocol.
func (c *Channel) Discovery() string { return c.cfg.Discovery.Name() }

// Counters returns the channel's message counters.
func (c *Channel) Counters() *Counters { return &c.count }

// View returns the current view (a copy).
func (c *Channel) View() View {
	c.viewMu.Lock()
	defer c.viewMu.Unlock()
	return View{ID: c.view.ID, Members: append([]Member(nil), c.view.Members...)}
}

// State returns CONNECTED while the channel runs and CLOSED after.
func (c *Channel) State() string {
	c.viewMu.Lock()
	defer c.viewMu.Unlock()
	return c.state
}

// IsCoordinator reports whether this node coordinates the current view.
func (c *Channel) IsCoordinator() bool {
	v := c.View()
	return len(v.Members) > 0 && v.Members[0].Name == c.self.Name
}

// Send sends msg reliably (over a stream) to the member named to; its
// OnMessage receives it with this node's name.
func (c *Channel) Send(to string, msg []byte) error {
	c.viewMu.Lock()
	m, ok := c.members[to]
	c.viewMu.Unlock()
	if !ok {
		return fmt.Errorf("%s is not a member of %s", to, c.cfg.Cluster)
	}
	for _, n := range c.ml.Members() {
		if n.Name == m.Name {
			frame := make([]byte, 0, 1+len(c.self.Name)+len(msg))
			frame = append(append(append(frame, byte(len(c.self.Name))), c.self.Name...), msg...)
			return c.ml.SendReliable(n, frame)
		}
	}
	return fmt.Errorf("%s left %s", to, c.cfg.Cluster)
}

// Leave leaves the cluster gracefully: discovery forgets the node, the
// others are told, and the transport closes. Leaving twice is no error.
func (c *Channel) Leave(ctx context.Context) error {
	var err error
	c.stopOnce.Do(func() {
		err = c.cfg.Discovery.Left(ctx, c.self)
		timeout := 2 * time.Second
		if d, ok := ctx.Deadline(); ok {
			timeout = time.Until(d)
		}
		if lerr := c.ml.Leave(timeout); isLeaveTimeout(lerr) {
			// The others left too (a whole cluster stopping) or are
			// unreachable: nobody is left to tell, which is no failure.
			c.log.Warn("leaving without telling the others: "+lerr.Error(),
				"name", c.self.Name, "cluster", c.cfg.Cluster)
		} else {
			err = errors.Join(err, lerr)
		}
		err = errors.Join(err, c.close())
		c.log.Info("channel closed", "name", c.self.Name, "cluster", c.cfg.Cluster)
	})
	return err
}

// isLeaveTimeout reports whether err is memberlist's timeout waiting for
// the leave message to reach another member (it has no error value).
func isLeaveTimeout(err error) bool {
	return err != nil && strings.Contains(err.Error(), "timeout waiting for leave broadcast")
}

// Kill closes the channel at once without telling anyone, as a crash
// would: the others notice by failure detection.
func (c *Channel) Kill() {
	c.stopOnce.Do(func() { c.close() })
}

func (c *Channel) close() error {
	close(c.done)
	err := c.ml.Shutdown()
	c.wg.Wait()
	c.viewMu.Lock()
	c.state = StateClosed
	c.viewMu.Unlock()
	return errors.Join(err, c.cfg.Discovery.Close())
}

// sinceMeta encodes a member's start time as its memberlist metadata.
func sinceMeta(since int64) []byte {
	b := make([]byte, 8)
	binary.BigEndian.PutUint64(b, uint64(since))
	return b
}

// hostPort joins an address and port the way memberlist names nodes.
func hostPort(ip net.IP, port uint16) string {
	return net.JoinHostPort(ip.String(), strconv.Itoa(int(port)))
}
