package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"wfcli/ops"
	"wfcli/ops/dmr"
	"wfcli/server"
	"wfcli/server/cluster"
	"wfcli/server/endpoint"
)

// Node is a running server node: the server booted from its configuration,
// and the management endpoint in front of it. Its Execute is the endpoint's
// Executor; it handles the root reload and shutdown operations itself and
// passes everything else to the server. Safe for concurrent use.
type Node struct {
	log    *slog.Logger
	layout layout
	opts   server.Options
	auth   *endpoint.Auth
	users  *endpoint.Users
	ln     net.Listener
	http   *http.Server
	start  time.Time
	// logFile is log/server.log, closed at shutdown; nil when not opened.
	logFile io.Closer

	// startedAdminOnly is the mode given at start (--admin-only), which a
	// shutdown with restart comes back in.
	startedAdminOnly bool

	// srvMu guards srv: requests hold it shared, a reload exclusively, so
	// that no request reaches a server being replaced.
	srvMu sync.RWMutex
	srv   *server.Server

	// channel is the running jgroups channel (see channel.go); it answers
	// the channel's runtime attributes.
	channel cluster.Runtime
	// caches runs the cache containers and their HTTP listener (see
	// caches.go).
	caches nodeCaches
	// openDataSource gives JDBC_PING a data source's pool; nil means the
	// node runs no data sources yet.
	openDataSource func(name string) (*sql.DB, error)

	// bootErrs are the services that failed at the last boot or reload
	// (see booterrors.go).
	bootErrs bootErrors

	// stop is closed when a shutdown operation asks the node to stop.
	stop     chan struct{}
	stopOnce sync.Once
}

// bootNode boots the server of cfg, writes the local token and listens on
// the management interface. It returns once the node accepts requests.
func bootNode(cfg *config, l layout, logw io.Writer) (*Node, error) {
	n := &Node{layout: l, start: time.Now(), stop: make(chan struct{}),
		log: slog.New(slog.NewTextHandler(logw, nil)).With("component", "node")}
	props := l.properties()
	if host, err := os.Hostname(); err == nil {
		props["jboss.node.name"] = host
	}
	for k, v := range cfg.props {
		props[k] = v
	}
	n.opts = server.Options{ConfigFile: l.configFile(cfg.serverConfig),
		AdminOnly: cfg.adminOnly, Properties: props, Stdout: logw,
		RuntimeValue: n.runtimeValue, Committed: n.committed}
	n.startedAdminOnly = cfg.adminOnly
	n.log.Info("starting", "config", n.opts.ConfigFile, "base_dir", l.base,
		"node_name", props["jboss.node.name"], "admin_only", cfg.adminOnly)
	srv, err := server.Embed(n.opts)
	if err != nil {
		return nil, err
	}
	n.srv = srv
	// startChannel calls it on this goroutine (here and in reload, which
	// holds srvMu), after n.srv names the server whose pools to use.
	n.openDataSource = func(name string) (*sql.DB, error) {
		return n.srv.OpenDataSource(name)
	}
	if err := n.newAuth(); err != nil {
		srv.Stop()
		return nil, err
	}
	n.listenCaches(srv)
	n.startChannel(srv)
	n.startCaches(srv)
	n.dataSourceBootErrors(srv)
	if err := n.listen(); err != nil {
		n.closeCaches(context.Background())
		n.stopChannel()
		srv.Stop()
		if n.auth != nil {
			n.auth.RemoveToken()
		}
		return nil, err
	}
	return n, nil
}

// newAuth makes the authentication of the management interface and of
// the caches' REST interface: the users of mgmt-users.properties and the
// local token.
func (n *Node) newAuth() error {
	users := endpoint.NewUsers(filepath.Join(n.layout.config, "mgmt-users.properties"))
	var err error
	n.auth, err = endpoint.NewAuth(endpoint.AuthOptions{Users: users,
		TokenDir: filepath.Join(n.layout.tmp, "auth")})
	n.users = users
	return err
}

// listen opens the management interface and serves the endpoint on it.
func (n *Node) listen() error {
	addr, err := managementAddress(n.srv)
	if err != nil {
		return err
	}
	users := n.users
	h, err := endpoint.New(endpoint.Options{Executor: n, Auth: n.auth, Logger: n.log})
	if err != nil {
		return err
	}
	n.ln, err = net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("management interface: %w", err)
	}
	n.http = &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout: 2 * time.Minute}
	go n.http.Serve(n.ln)
	n.log.Info("http management interface listening",
		"url", "http://"+n.ln.Addr().String()+"/management", "users", users.Path())
	if _, err := os.Stat(users.Path()); err != nil {
		// As WildFly warns: only local clients can manage the node.
		n.log.Warn("no management users: only a local cli can connect; add one with "+
			"node add-user", "file", users.Path())
	}
	n.startedLog("started", "ms", time.Since(n.start).Milliseconds(),
		"state", n.srv.Controller().ProcessState())
	return nil
}

// Addr returns the address the management interface listens on.
func (n *Node) Addr() string { return n.ln.Addr().String() }

// Stopping returns a channel closed when a shutdown operation asked the
// node to stop.
func (n *Node) Stopping() <-chan struct{} { return n.stop }

// Shutdown stops the node gracefully: the endpoint stops accepting, waits
// for the requests in flight (until ctx ends), then the server stops and
// the local token is removed.
func (n *Node) Shutdown(ctx context.Context) error {
	n.log.Info("stopping")
	n.interruptConnects()
	err := n.http.Shutdown(ctx)
	n.srvMu.Lock()
	err = errors.Join(err, n.closeCaches(ctx), n.stopChannel(), n.srv.Stop(),
		n.auth.RemoveToken())
	n.srvMu.Unlock()
	n.log.Info("stopped", "uptime_ms", time.Since(n.start).Milliseconds())
	if n.logFile != nil {
		err = errors.Join(err, n.logFile.Close())
	}
	return err
}

// interruptConnects makes the data sources abandon the connects in
// progress, so that a request waiting for a database that does not answer
// ends now rather than hold the stop. It takes srvMu shared, which a
// request in flight holds too.
func (n *Node) interruptConnects() {
	n.srvMu.RLock()
	defer n.srvMu.RUnlock()
	if rt := n.srv.DataSources(); rt != nil {
		rt.Interrupt()
	}
}

// Execute runs a management request: reload and shutdown of the root here,
// everything else on the server.
func (n *Node) Execute(op dmr.Value) dmr.Value {
	if isRootOperation(op, "reload") {
		return n.reload(op)
	}
	if isRootOperation(op, "shutdown") {
		return n.shutdown(op)
	}
	n.srvMu.RLock()
	defer n.srvMu.RUnlock()
	if isBootErrorsOperation(op) {
		return n.readBootErrors()
	}
	if r, ok := n.resetCacheStatistics(op); ok {
		return r
	}
	return n.srv.Execute(op)
}

// ExecuteAs runs a request for the user the endpoint authenticated: whoami
// on the root names that user (and the realm that knows it); anything else
// runs as Execute does. Every management user is a SuperUser, as with
// WildFly's default (simple) access control.
func (n *Node) ExecuteAs(user string, op dmr.Value) dmr.Value {
	if !isRootOperation(op, "whoami") {
		return n.Execute(op)
	}
	id := dmr.NewObject()
	id.Set("username", dmr.NewString(user))
	if user != "$local" {
		id.Set("realm", dmr.NewString(endpoint.Realm))
	}
	res := dmr.NewObject()
	res.Set("identity", id)
	if v, _ := op.Get("verbose"); v.IsDefined() {
		if b, _ := v.AsBool(); b {
			res.Set("mapped-roles", dmr.NewList(dmr.NewString("SuperUser")))
		}
	}
	n.srvMu.RLock()
	defer n.srvMu.RUnlock()
	return success(n.srv.Controller().ProcessState(), res)
}

// reload boots the server again from its configuration file (which holds
// every committed change), so that the node runs the configuration as the
// model now describes it. reload-required is cleared; restart-required
// survives, as in WildFly. Without admin-only or start-mode the node comes
// back in normal mode, WildFly's default, whatever mode it runs in now.
//
// Limitation: the management listener is not rebound on reload; a changed
// management port or address takes effect at the next start.
func (n *Node) reload(op dmr.Value) dmr.Value {
	opts := n.opts
	opts.AdminOnly = false
	if v, ok := op.Get("admin-only"); ok && v.IsDefined() {
		b, err := v.AsBool()
		if err != nil {
			return failed("WFLYCTL0097: Wrong type for 'admin-only'. Expected [BOOLEAN] " +
				"but was " + v.Type().String())
		}
		opts.AdminOnly = b
	}
	if v, ok := op.Get("start-mode"); ok && v.IsDefined() {
		switch v.AsString() {
		case "admin-only", "normal":
			opts.AdminOnly = v.AsString() == "admin-only"
		case "suspend":
			return failed(ops.SuspendUnsupported)
		default:
			return failed("WFLYCTL0248: Invalid value " + v.AsString() + " for start-mode; " +
				"legal values are [normal, admin-only, suspend]")
		}
	}
	n.srvMu.Lock()
	defer n.srvMu.Unlock()
	start := time.Now()
	restart := n.srv.Controller().ProcessState() == ops.StateRestartRequired
	srv, err := server.Embed(opts)
	if err != nil {
		n.log.Error("reload failed", "error", err)
		return failed("WFLYSRV0235: Failed to reload the server: " + err.Error())
	}
	// The channel leaves before the old server closes the pools that
	// JDBC_PING uses to remove its row.
	n.stopCaches()
	n.stopChannel()
	n.srv.Stop()
	n.srv, n.opts = srv, opts
	n.bootErrs = nil
	n.startChannel(srv)
	n.startCaches(srv)
	n.dataSourceBootErrors(srv)
	if restart {
		srv.Controller().SetProcessState(ops.StateRestartRequired)
	}
	n.startedLog("reloaded", "ms", time.Since(start).Milliseconds(),
		"admin_only", opts.AdminOnly)
	return success(srv.Controller().ProcessState(), dmr.Value{})
}

// shutdown answers first and then stops the node; with restart=true it
// reloads instead (this node is its own process controller).
func (n *Node) shutdown(op dmr.Value) dmr.Value {
	if v, ok := op.Get("restart"); ok {
		if b, _ := v.AsBool(); b {
			again := dmr.NewObject()
			again.Set("admin-only", dmr.NewBool(n.startedAdminOnly))
			return n.reload(again)
		}
	}
	n.stopOnce.Do(func() { close(n.stop) })
	return success(ops.StateRunning, dmr.Value{})
}

// isRootOperation reports whether op is the operation name on the root.
func isRootOperation(op dmr.Value, name string) bool {
	v, _ := op.Get("operation")
	if v.Type() != dmr.String || v.Str() != name {
		return false
	}
	av, _ := op.Get("address")
	a, err := ops.AddressFromValue(av)
	return err == nil && len(a) == 0
}

// success is a successful response with result (none when undefined) and
// the process state when it is not running.
func success(state string, result dmr.Value) dmr.Value {
	r := dmr.NewObject()
	r.Set("outcome", dmr.NewString("success"))
	if result.IsDefined() {
		r.Set("result", result)
	}
	if state != ops.StateRunning {
		h := dmr.NewObject()
		h.Set("process-state", dmr.NewString(state))
		r.Set("response-headers", h)
	}
	return r
}

func failed(msg string) dmr.Value {
	r := dmr.NewObject()
	r.Set("outcome", dmr.NewString("failed"))
	r.Set("failure-description", dmr.NewString(msg))
	r.Set("rolled-back", dmr.NewBool(true))
	return r
}
