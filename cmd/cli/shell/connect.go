package shell

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"wfcli/grammar"
	"wfcli/ops/dmr"
)

// Remote is a connection to a node's management endpoint.
type Remote interface {
	Client
	// Address returns the controller as the prompt shows it (host:port).
	Address() string
	// ConnectTimeout returns the connection timeout (--timeout), which
	// bounds how long reload waits for the node to answer again.
	ConnectTimeout() time.Duration
	// Close releases the connection. The Client must not be used afterwards.
	Close() error
}

// Connector connects to the controller given as [protocol://][host][:port]
// ("" is the default controller, --controller or localhost:9990). main
// supplies one built on package remote.
type Connector func(controller string) (Remote, error)

// Connect connects the shell to a remote controller ("" is the default),
// as the connect command and --connect do. An earlier remote connection is
// closed once the new one works, and kept when it fails. Its error is
// jboss-cli's "Failed to connect to the controller: <cause>".
func (s *Shell) Connect(controller string) error {
	if s.embedded != nil {
		return fmt.Errorf("The CLI is already running an embedded server; " +
			"run stop-embedded-server before connect.")
	}
	if s.opts.Connect == nil {
		return fmt.Errorf("Failed to connect to the controller: this CLI was built " +
			"without a remote client")
	}
	r, err := s.opts.Connect(controller)
	if err != nil {
		return fmt.Errorf("Failed to connect to the controller: %w", err)
	}
	s.disconnect()
	s.client, s.node, s.nodeType = r, nil, ""
	return nil
}

// disconnect closes the remote connection, if any.
func (s *Shell) disconnect() {
	if r, ok := s.client.(Remote); ok {
		r.Close()
		s.client, s.node, s.nodeType = nil, nil, ""
	}
}

// cmdConnect is connect [controller] [--bind=addr].
//
// Limitation: --bind is accepted and ignored; the client socket binds to
// the address the system chooses.
func cmdConnect(s *Shell, l Line, pl *grammar.Line) error {
	a := argsOf(pl.Cmd)
	if err := a.only("bind"); err != nil {
		return err
	}
	if len(a.pos) > 1 {
		return fmt.Errorf("The command accepts 1 unnamed argument(s) but received: [%s]",
			strings.Join(a.pos, ", "))
	}
	controller := ""
	if len(a.pos) == 1 {
		controller = a.pos[0]
	}
	return s.Connect(controller)
}

// reloadRemote sends :reload to the node and waits, polling server-state
// every 50 ms, until it is running (or restart-required) again, as
// jboss-cli does; the wait is bounded by the connection timeout plus one
// second (or by --timeout, in seconds, beyond jboss-cli), extended while
// the node says it is starting.
func (s *Shell) reloadRemote(a args, r Remote) error {
	limit := r.ConnectTimeout() + time.Second
	if v, ok := a.get("timeout"); ok {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			return fmt.Errorf("The --timeout value must be a positive number of "+
				"seconds: '%s'", v)
		}
		limit = time.Duration(n) * time.Second
	}
	op := rootOperation("reload")
	switch mode, _ := a.get("start-mode"); mode {
	case "":
	case "admin-only", "normal":
		op.Set("start-mode", dmr.NewString(mode))
	case "suspend":
		return fmt.Errorf("reload --start-mode=suspend is not supported: this server " +
			"cannot start suspended; use --start-mode=normal or --start-mode=admin-only")
	default:
		return fmt.Errorf("Invalid start mode '%s': expected admin-only or normal.", mode)
	}
	if v, ok := a.get("admin-only"); ok {
		op.Set("admin-only", dmr.NewBool(!strings.EqualFold(v, "false")))
	}
	if v, ok := a.get("server-config"); ok {
		op.Set("server-config", dmr.NewString(v))
	}
	if err := s.sendControl(r, op); err != nil {
		return err
	}
	return s.awaitRunning(r, limit)
}

// shutdownRemote sends :shutdown; with --restart=true it waits for the node
// as reload does, otherwise it disconnects.
func (s *Shell) shutdownRemote(a args, r Remote) error {
	op := rootOperation("shutdown")
	restart := false
	if v, ok := a.get("restart"); ok {
		restart = !strings.EqualFold(v, "false")
		op.Set("restart", dmr.NewBool(restart))
	}
	if v, ok := a.get("suspend-timeout"); ok {
		op.Set("suspend-timeout", dmr.NewString(v))
	}
	if err := s.sendControl(r, op); err != nil {
		return err
	}
	if restart {
		return s.awaitRunning(r, r.ConnectTimeout()+time.Second)
	}
	s.disconnect()
	return nil
}

// sendControl sends a reload or shutdown; a failed outcome fails with the
// failure-description.
func (s *Shell) sendControl(r Remote, op dmr.Value) error {
	resp, err := r.Execute(op)
	if err != nil {
		return fmt.Errorf("Communication error: %w", err)
	}
	if !isSuccess(resp) {
		return fmt.Errorf("%s", failureDescription(resp))
	}
	return nil
}

// awaitRunning polls server-state until the node is running or
// restart-required, for at most limit (renewed while it is starting).
func (s *Shell) awaitRunning(r Remote, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	op := rootOperation("read-attribute")
	op.Set("name", dmr.NewString("server-state"))
	for {
		resp, err := r.Execute(op)
		if err == nil && isSuccess(resp) {
			v, _ := resp.Get("result")
			switch v.AsString() {
			case "running", "restart-required":
				return nil
			case "starting":
				deadline = time.Now().Add(limit)
			}
		}
		if time.Now().After(deadline) {
			s.disconnect()
			return fmt.Errorf("Failed to establish connection in %dms", limit.Milliseconds())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func rootOperation(name string) dmr.Value {
	op := dmr.NewObject()
	op.Set("operation", dmr.NewString(name))
	op.Set("address", dmr.NewList())
	return op
}
