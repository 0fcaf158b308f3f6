package ops

import (
	"wfcli/ops/dmr"
)

// controlOps are the global operations that change the process rather
// than the model (reload, shutdown): they run under the management lock,
// change nothing that is persisted, and act once their request commits.
var controlOps = map[string]bool{"reload": true, "shutdown": true}

// control is a :reload or :shutdown waiting for its request to commit.
type control struct {
	shutdown  bool
	restart   bool // shutdown(restart=true)
	adminOnly bool // the mode a reload comes back in
}

// AdminOnly reports the running mode: true for ADMIN_ONLY (the model and
// the file change, the runtime does not), false for NORMAL. It starts as
// Options.AdminOnly and changes with a reload. Safe for concurrent use.
func (c *Controller) AdminOnly() bool { return c.adminOnly.Load() }

// SuspendUnsupported is the failure-description of a reload with
// start-mode suspend, which no server of this project supports.
const SuspendUnsupported = "start-mode suspend is not supported: this server cannot " +
	"start suspended; reload with start-mode normal or admin-only"

// opReload records the reload the request asks for. admin-only (or
// start-mode) picks the mode the server comes back in; without them it is
// the mode the server was started in (Options.AdminOnly), so that an
// embedded server stays offline after :reload (user report BR-22). A
// network node handles :reload itself and comes back in normal mode, as
// WildFly does.
func opReload(t *txn, cl *call) (*opResult, error) {
	admin := t.c.opts.AdminOnly
	if v, ok := cl.op.Get("admin-only"); ok && v.IsDefined() {
		b, err := v.AsBool()
		if err != nil {
			return nil, errWrongType("admin-only", dmr.Boolean, v.Type())
		}
		admin = b
	}
	if v, ok := cl.op.Get("start-mode"); ok && v.IsDefined() {
		modes := []string{"normal", "admin-only", "suspend"}
		switch v.AsString() {
		case "admin-only":
			admin = true
		case "normal":
			admin = false
		case "suspend":
			return nil, Failf("", SuspendUnsupported)
		default:
			return nil, errNotAllowed("start-mode", v.AsString(), modes)
		}
	}
	t.control = &control{adminOnly: admin}
	return result(dmr.Value{}), nil
}

// opShutdown records the shutdown the request asks for.
func opShutdown(t *txn, cl *call) (*opResult, error) {
	restart, err := boolParam(cl.op, "restart", false)
	if err != nil {
		return nil, err
	}
	t.control = &control{shutdown: true, restart: restart, adminOnly: t.c.AdminOnly()}
	return result(dmr.Value{}), nil
}

// runControlLocked acts on a committed :reload or :shutdown: it runs the
// server's hook, then a reload brings the process state back to running
// (restart-required survives it) in the requested mode. The caller holds
// writeMu.
func (c *Controller) runControlLocked(k *control) error {
	if k.shutdown {
		if c.opts.Shutdown != nil {
			if err := c.opts.Shutdown(k.restart); err != nil {
				return Failf("", "Failed to shut down the server: %v", err)
			}
		}
		return nil
	}
	if c.opts.Reload != nil {
		if err := c.opts.Reload(k.adminOnly); err != nil {
			return Failf("", "Failed to reload the server: %v", err)
		}
	}
	c.adminOnly.Store(k.adminOnly)
	if c.ProcessState() == StateReloadRequired {
		c.state.Store(StateRunning)
	}
	return nil
}
