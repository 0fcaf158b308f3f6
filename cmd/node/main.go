// Command node is a server node of the cluster: the analogue of WildFly's
// standalone.sh. It boots a configuration (-c standalone-ha.xml) from a
// server base directory laid out as WildFly's (configuration/, data/,
// log/, tmp/), serves the HTTP management endpoint on the management
// interface (socket binding management-http, 9990 plus the port offset),
// and stops gracefully on SIGTERM or a shutdown operation.
//
// `node add-user <name> <password>` writes a management user to the
// configuration directory's mgmt-users.properties, as WildFly's add-user.
//
// Flags, wiring and exit codes live here; the server is package server,
// the endpoint package server/endpoint.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"syscall"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the whole program; it returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "add-user" {
		return runAddUser(args[1:], os.Stdin, stdout, stderr)
	}
	cfg, err := parseArgs(args)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if cfg.help {
		fmt.Fprint(stdout, usage)
		return 0
	}
	if cfg.version {
		fmt.Fprintln(stdout, "wfcli node "+version)
		return 0
	}
	tuneGC()
	n, err := start(cfg, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "node: %v\n", err)
		return 1
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGTERM, syscall.SIGINT)
	return serve(n, sig, stderr)
}

// tuneGC lets the heap grow to five times the live data between
// collections (GOGC=400) unless GOGC is set: a node's live heap is a few
// megabytes of model, and collecting less often saves about a fifth of
// the CPU of a read over HTTP.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}

// version is the node's release.
const version = "0.1.0"

// start lays out the base directory and boots the node, logging to stdout
// and to log/server.log.
func start(cfg *config, stdout io.Writer) (*Node, error) {
	l, err := newLayout(cfg.props, os.Getenv)
	if err != nil {
		return nil, err
	}
	if err := l.create(); err != nil {
		return nil, err
	}
	logFile, err := os.OpenFile(filepath.Join(l.log, "server.log"),
		os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, err
	}
	n, err := bootNode(cfg, l, io.MultiWriter(stdout, logFile))
	if err != nil {
		logFile.Close()
		return nil, err
	}
	n.logFile = logFile
	return n, nil
}

// serve waits for a signal (SIGTERM, SIGINT) or a shutdown operation, then
// stops the node gracefully: requests in flight finish (for up to 30
// seconds) before the server stops.
func serve(n *Node, sig <-chan os.Signal, stderr io.Writer) int {
	select {
	case s := <-sig:
		n.log.Info("signal received", "signal", s.String())
	case <-n.Stopping():
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := n.Shutdown(ctx); err != nil {
		fmt.Fprintf(stderr, "node: stopping: %v\n", err)
		return 1
	}
	return 0
}

const usage = `Usage: node [options]
       node add-user [-Dname=value...] <user> [<password>]

Starts a server node, as WildFly's standalone.sh.

Options:
  -c, --server-config=<file>   configuration file in the configuration directory
                               (default standalone.xml)
  -D<name>[=<value>]           set a system property
  -P, --properties=<file>      load system properties from a file
  -b=<address>                 jboss.bind.address (the public interface)
  -bmanagement=<address>       jboss.bind.address.management
  -bprivate=<address>          jboss.bind.address.private
  --admin-only                 start without runtime services
  -h, --help                   print this help
  -v, --version                print the version

Useful properties: jboss.server.base.dir (the node's directory, with
configuration/, data/, log/, tmp/), jboss.socket.binding.port-offset,
jboss.node.name, jboss.home.dir (else $JBOSS_HOME, else the working directory).
`
