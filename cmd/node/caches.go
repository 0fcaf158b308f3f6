package main

import (
	"context"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"wfcli/ops"
	"wfcli/ops/dmr"
	"wfcli/server"
	"wfcli/server/cache"
	"wfcli/server/cluster"
)

// nodeCaches is the node's cache runtime: the HTTP listener (socket
// binding http) that serves the caches' REST interface and the peer calls
// between members, the running containers, and the directory that tells
// the caches the channel's members. The zero value runs nothing.
type nodeCaches struct {
	mgr  *cache.Manager
	ln   net.Listener
	http *http.Server

	// mu guards dir.
	mu  sync.Mutex
	dir *cache.Directory
}

// listenCaches opens the HTTP listener on the socket binding http (port
// offset applied) and serves the caches' REST interface on it. A listener
// that cannot open is logged and leaves the caches local: the node boots
// all the same.
//
// /cache/ requires the management realm's credentials (Digest with a user
// of mgmt-users.properties, or the local token), as the management
// endpoint does; /cache-peer/ requires the peer token that the called
// node announced over the cluster channel (see cache.Manager.Handler).
//
// Limitation: the listener serves only /cache/ and /cache-peer/ (no web
// applications), and is not rebound on reload.
func (n *Node) listenCaches(srv *server.Server) {
	n.caches.mgr = cache.NewManager(n.log)
	addr, err := socketAddress(srv, "http")
	if err == nil {
		n.caches.ln, err = net.Listen("tcp", addr)
	}
	if err != nil {
		n.log.Error("http listener not started; caches stay local", "error", err)
		n.bootError(ops.Address{{Type: "subsystem", Name: "undertow"},
			{Type: "server", Name: "default-server"}, {Type: "http-listener", Name: "default"}},
			"jboss.undertow.listener.default", err)
		return
	}
	n.caches.http = &http.Server{Handler: n.caches.mgr.Handler(n.auth.Require),
		ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
	go n.caches.http.Serve(n.caches.ln)
	n.log.Info("http listener listening", "url", "http://"+n.caches.ln.Addr().String()+"/cache/")
}

// socketAddress returns host:port of socket binding name of the first
// socket binding group, offset applied, as managementAddress does.
func socketAddress(x executor, name string) (string, error) {
	iface, port, offset, err := bindingParts(x, name)
	if err != nil {
		return "", err
	}
	if port == 0 {
		offset = 0
	}
	return net.JoinHostPort(interfaceAddress(x, iface), strconv.Itoa(port+offset)), nil
}

// startCaches runs the cache containers of srv's model: a container with
// a transport shares the running channel's view (alone when none runs).
// A container that cannot start is logged and skipped.
//
// Changes after the start follow the model as committed() says.
//
// Limitation: a reload empties this node's caches (the other members keep
// their copies).
func (n *Node) startCaches(srv *server.Server) {
	ctrl := srv.Controller()
	if ctrl.AdminOnly() || n.caches.mgr == nil {
		return
	}
	cfgs, err := cache.Model{Root: ctrl.Model(), Resolve: ctrl.ResolveExpression}.Containers()
	if err != nil {
		n.log.Error("caches not started", "error", err)
		return
	}
	dir := n.newCacheDirectory()
	var view cache.View
	if dir != nil {
		view = dir
	}
	alone := cache.Alone(n.opts.Properties["jboss.node.name"])
	for _, cc := range cfgs {
		var v cache.View = alone
		if cc.Clustered && view != nil {
			v = view
		}
		c := cache.NewContainer(cc.Name, v, n.log)
		for name, cfg := range cc.Caches {
			if _, err := c.Start(name, cfg); err != nil {
				n.log.Error("cache not started", "container", cc.Name, "cache", name,
					"error", err)
			}
		}
		n.caches.mgr.Add(c)
	}
	n.log.Info("caches started", "containers", n.caches.mgr.Containers(),
		"clustered", view != nil)

	// Only now that its caches run does the node tell the others where
	// to reach them; a rebalance to caches not started would fail.
	if ch := n.channel.Channel(); ch != nil && dir != nil {
		dir.ViewChanged(ch.View().Names())
		dir.Attach(ch)
	}
}

// newCacheDirectory makes the caches' directory for the running channel,
// which passes it views and messages (see wireCaches); nil when no
// channel runs.
func (n *Node) newCacheDirectory() *cache.Directory {
	ch := n.channel.Channel()
	if ch == nil {
		return nil
	}
	self := cache.Member{Name: ch.Name(), URL: n.cacheURL(ch),
		Token: n.caches.mgr.PeerToken()}
	dir := cache.NewDirectory(self, ch.Cluster(), n.caches.mgr.ViewChanged)
	n.caches.mu.Lock()
	n.caches.dir = dir
	n.caches.mu.Unlock()
	return dir
}

// cacheURL is the URL the other members reach this node's caches at;
// "" when the HTTP listener did not open.
func (n *Node) cacheURL(ch *cluster.Channel) string {
	if n.caches.ln == nil {
		return ""
	}
	host, port, _ := net.SplitHostPort(n.caches.ln.Addr().String())
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		// Reach this node at the address its channel advertises.
		host, _, _ = net.SplitHostPort(ch.Address())
	}
	return "http://" + net.JoinHostPort(host, port)
}

// wireCaches makes the channel of cfg pass its views and messages to the
// caches' directory.
func (n *Node) wireCaches(cfg *cluster.Config) {
	cfg.OnViewChange = func(v cluster.View) {
		if d := n.cacheDirectory(); d != nil {
			d.ViewChanged(v.Names())
		}
	}
	cfg.OnMessage = func(from string, msg []byte) {
		if d := n.cacheDirectory(); d != nil {
			d.Message(from, msg)
		}
	}
}

func (n *Node) cacheDirectory() *cache.Directory {
	n.caches.mu.Lock()
	defer n.caches.mu.Unlock()
	return n.caches.dir
}

// stopCaches stops the running containers (their entries on this node
// are gone) and the directory.
func (n *Node) stopCaches() {
	if n.caches.mgr != nil {
		n.caches.mgr.Stop()
	}
	n.caches.mu.Lock()
	dir := n.caches.dir
	n.caches.dir = nil
	n.caches.mu.Unlock()
	if dir != nil {
		dir.Close()
	}
}

// closeCaches stops the caches and their HTTP listener.
func (n *Node) closeCaches(ctx context.Context) error {
	n.stopCaches()
	if n.caches.http == nil {
		return nil
	}
	return n.caches.http.Shutdown(ctx)
}

// runtimeValue answers runtime attributes from the channel, then from
// the caches (the ops.Options.RuntimeValue contract).
func (n *Node) runtimeValue(a ops.Address, attr string) (dmr.Value, bool) {
	if v, ok := n.channel.Value(a, attr); ok {
		return v, ok
	}
	if n.caches.mgr == nil {
		return dmr.Value{}, false
	}
	return n.caches.mgr.Value(a, attr)
}

// resetCacheStatistics answers reset-statistics on a running cache
// (Infinispan's operation, which the model does not define); false when
// op is another operation or names no running cache, for the server to
// answer.
func (n *Node) resetCacheStatistics(op dmr.Value) (dmr.Value, bool) {
	v, _ := op.Get("operation")
	if v.Type() != dmr.String || v.Str() != "reset-statistics" || n.caches.mgr == nil {
		return dmr.Value{}, false
	}
	av, _ := op.Get("address")
	a, err := ops.AddressFromValue(av)
	if err != nil || !n.caches.mgr.ResetStatistics(a) {
		return dmr.Value{}, false
	}
	return success(n.srv.Controller().ProcessState(), dmr.Value{}), true
}
