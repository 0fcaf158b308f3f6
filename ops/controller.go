// Package ops owns the management model of a node: resources and their
// definitions, the management controller that runs requests against the
// model as transactions (the global operations, composites with rollback,
// resource-specific operation handlers, validation against the
// definitions), expression resolution and the process state. It leaves the
// definitions themselves to package ops/model, the XML file to the server
// (through Persister), and the wire forms of values to ops/dmr.
package ops

import (
	"io"
	"log/slog"
	"sync"
	"sync/atomic"

	"wfcli/ops/dmr"
)

// The process states of a node, as root attribute server-state and the
// response header process-state spell them.
const (
	StateRunning         = "running"
	StateReloadRequired  = "reload-required"
	StateRestartRequired = "restart-required"
)

// Options configure a Controller. The zero Options is a controller without
// persistence, with a runtime stage, no system properties and the process
// environment.
type Options struct {
	// Persister writes each committed change; nil means none.
	Persister Persister
	// AdminOnly is the embedded server's mode: operations change only the
	// model (and the file), and no change sets reload-required.
	AdminOnly bool
	// Properties looks up a system property for expression resolution; nil
	// means there are none.
	Properties func(name string) (string, bool)
	// Env looks up an environment variable; nil means os.LookupEnv.
	Env func(name string) (string, bool)
	// Logger receives one debug line per request; nil means no logging.
	Logger *slog.Logger
	// RootOperations are extra operations of the root resource
	// (read-config-as-xml, take-snapshot, reload, ...), owned by the server.
	// Their Handler gets a Context whose Root is the current model: a
	// private copy for operations that are not ReadOnly (their changes
	// commit as any other change), the shared snapshot for ReadOnly ones
	// (which must not change it). They win over the built-in operations.
	RootOperations []*Operation
	// Identity is the user name whoami reports; "" means "$local", the
	// identity of a local (embedded) caller.
	Identity string
	// StrictExpressions makes a change fail (WFLYCTL0211) when it stores an
	// expression that cannot be resolved now: no default, and no system
	// property, model system-property or environment variable defines it.
	// Without it such a change succeeds with a response warning, as an
	// offline edit should (the server's environment is not the CLI's).
	StrictExpressions bool
	// Reload, when set, rebuilds the node's runtime for a :reload, after
	// the request that asked for it has committed; adminOnly is the mode
	// the node comes back in. It runs under the management lock and must not
	// call Execute. Its error fails the reload, and the process state stays.
	Reload func(adminOnly bool) error
	// Shutdown, when set, runs after a :shutdown has committed; restart is
	// its restart parameter. Stopping the process is the hook's job: the
	// controller only answers. It runs under the management lock and must
	// not call Execute.
	Shutdown func(restart bool) error
	// RuntimeValue supplies the value of a runtime attribute (storage
	// runtime: metrics, bound ports, channel views) of the resource at the
	// address, from the running services; false means it has none, and the
	// model's value (or the default) is reported. nil means no services. It
	// must be safe for concurrent use and must not call Execute.
	RuntimeValue func(a Address, attr string) (dmr.Value, bool)
	// RuntimeOperation runs an operation on the running service of the
	// resource at the address (a data source's test-connection-in-pool,
	// its flushes), for the handlers that call Context.RunRuntime; false
	// means no running service has it. nil means no services. It must be
	// safe for concurrent use and must not call Execute.
	RuntimeOperation func(a Address, name string, op dmr.Value) (dmr.Value, bool, error)
	// Committed, when set, runs after each request that changed the model
	// has been persisted and published, on a node that is not admin-only,
	// so that the running services follow the model (see Commit). A
	// request that fails commits nothing and does not call it. It runs
	// under the management lock and must not call Execute.
	Committed func(Commit)
}

// Controller is the management controller of one node: it holds the model,
// runs management requests against it as transactions, and keeps the
// process state. Writes are serialised by the management lock and applied
// to a private copy of the model that is published only when the request
// succeeds and is persisted; reads run concurrently on the committed
// snapshot. A Controller is safe for concurrent use.
type Controller struct {
	def  *Definition
	opts Options
	log  *slog.Logger

	// writeMu is the management lock: it serialises every request that may
	// change the model, from the copy to the publication.
	writeMu sync.Mutex
	// model is the committed snapshot; it is never changed once published.
	model atomic.Pointer[Resource]
	state atomic.Value // string
	// adminOnly is the running mode: Options.AdminOnly until a reload
	// changes it.
	adminOnly atomic.Bool
}

// NewController returns a controller over the model root described by def.
// A nil root starts from an empty model. The controller takes ownership of
// root: callers must not change it afterwards.
func NewController(root *Resource, def *Definition, opts Options) *Controller {
	if root == nil {
		root = NewResource()
	}
	if def == nil {
		def = &Definition{Lenient: true}
	}
	c := &Controller{def: def, opts: opts, log: opts.Logger}
	if c.log == nil {
		c.log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	c.model.Store(root)
	c.state.Store(StateRunning)
	c.adminOnly.Store(opts.AdminOnly)
	return c
}

// Model returns the committed model. It is a snapshot that never changes:
// a later change publishes a new one. Callers must not modify it. Safe for
// concurrent use.
func (c *Controller) Model() *Resource { return c.model.Load() }

// Definition returns the root definition the controller validates against.
func (c *Controller) Definition() *Definition { return c.def }

// ProcessState returns the process state: running, reload-required or
// restart-required. Safe for concurrent use.
func (c *Controller) ProcessState() string { return c.state.Load().(string) }

// SetProcessState sets the process state, e.g. back to running after a
// reload. restart-required survives anything but a restart, so the server
// passes running only after one or after a reload that found no restart
// pending. Safe for concurrent use.
func (c *Controller) SetProcessState(s string) { c.state.Store(s) }

// Execute runs one management request and returns its response; see
// Executor. Safe for concurrent use.
func (c *Controller) Execute(op dmr.Value) dmr.Value {
	if op.Type() != dmr.Object {
		return c.respond(nil, dmr.Value{}, false,
			Failf("", "Operation request is not an OBJECT: %s", op.CompactString()))
	}
	if c.isReadOnly(op) {
		t := c.newTxn(c.model.Load(), false, op)
		res, has, err := t.run(op)
		return c.respond(t, res, has, err)
	}
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	return c.executeWriteLocked(op)
}

// executeWriteLocked runs a request that may change the model on a private
// copy, persists it and publishes it. The caller holds writeMu.
func (c *Controller) executeWriteLocked(op dmr.Value) dmr.Value {
	before := c.model.Load()
	t := c.newTxn(before.Clone(), true, op)
	res, has, err := t.run(op)

	if err == nil && t.changed {
		res, err = t.checkReferences(res)
	}
	if err == nil && t.changed && c.opts.Persister != nil {
		if perr := c.opts.Persister.Persist(before, t.root); perr != nil {
			err = Failf("WFLYCTL0007", "Failed to persist configuration change: %v", perr)
			res = failSteps(res)
		}
	}
	if err == nil && t.changed {
		c.model.Store(t.root)
		c.raiseStateLocked(t)
		if c.opts.Committed != nil && !c.AdminOnly() {
			c.opts.Committed(Commit{Before: before, After: t.root, Requires: t.requires(),
				AllowServiceRestart: t.allowServiceRestart})
		}
	}
	if err == nil && t.control != nil {
		// Limitation: a hook that fails after a batch committed changes
		// reports the batch as failed and rolled back, although its changes
		// stay in the model and the file.
		if cerr := c.runControlLocked(t.control); cerr != nil {
			err = cerr
			if isStepMap(res) {
				res = failSteps(res)
			} else {
				has = false
			}
		}
	}
	c.log.Debug("management operation", "operation", opName(op), "failed", err != nil)
	return c.respond(t, res, has, err)
}

// raiseStateLocked moves the process state after a committed change that
// the running node cannot apply at once. The caller holds writeMu.
func (c *Controller) raiseStateLocked(t *txn) {
	switch t.requires() {
	case JVM:
		c.state.Store(StateRestartRequired)
	case AllServices:
		if c.ProcessState() == StateRunning {
			c.state.Store(StateReloadRequired)
		}
	}
}

// respond builds the response envelope in WildFly's key order: outcome,
// result, failure-description, rolled-back, response-headers.
func (c *Controller) respond(t *txn, res dmr.Value, has bool, err error) dmr.Value {
	r := dmr.NewObject()
	if err == nil {
		r.Set("outcome", dmr.NewString("success"))
	} else {
		r.Set("outcome", dmr.NewString("failed"))
	}
	if has {
		r.Set("result", res)
	}
	if err != nil {
		r.Set("failure-description", failureValue(err))
		r.Set("rolled-back", dmr.NewBool(true))
	}
	if h := c.responseHeaders(t, err == nil); h.Len() > 0 {
		r.Set("response-headers", h)
	}
	return r
}

func (c *Controller) responseHeaders(t *txn, ok bool) dmr.Value {
	h := dmr.NewObject()
	if ok && t != nil && t.changed {
		switch t.requires() {
		case JVM:
			h.Set("operation-requires-restart", dmr.NewBool(true))
		case AllServices:
			h.Set("operation-requires-reload", dmr.NewBool(true))
		}
	}
	if s := c.ProcessState(); s != StateRunning {
		h.Set("process-state", dmr.NewString(s))
	}
	if ok && t != nil && len(t.warnings) > 0 {
		h.Set("warnings", dmr.NewList(t.warnings...))
	}
	return h
}

func failureValue(err error) dmr.Value {
	if cf, ok := err.(*compositeFailure); ok {
		return cf.desc
	}
	return dmr.NewString(describeFailure(err))
}

// isReadOnly reports whether op changes nothing, so that it can run on the
// committed snapshot without the management lock.
func (c *Controller) isReadOnly(op dmr.Value) bool {
	name := opName(op)
	if name == "composite" {
		steps, _ := op.Get("steps")
		for _, s := range steps.Items() {
			if s.Type() != dmr.Object || !c.isReadOnly(s) {
				return false
			}
		}
		return true
	}
	if o := c.rootOperation(op); o != nil {
		return o.ReadOnly
	}
	if readOnlyGlobals[name] {
		return true
	}
	av, _ := op.Get("address")
	a, err := AddressFromValue(av)
	if err != nil {
		return false
	}
	d, err := definitionAt(c.def, a)
	if err != nil {
		return true // it fails without changing anything
	}
	o := d.Operation(name)
	return o != nil && o.ReadOnly
}

// rootOperation returns the extra root operation op names, or nil.
func (c *Controller) rootOperation(op dmr.Value) *Operation {
	av, _ := op.Get("address")
	if a, err := AddressFromValue(av); err != nil || len(a) != 0 {
		return nil
	}
	name := opName(op)
	for _, o := range c.opts.RootOperations {
		if o.Name == name {
			return o
		}
	}
	return nil
}

func opName(op dmr.Value) string {
	v, _ := op.Get("operation")
	if !v.IsDefined() {
		return ""
	}
	return v.AsString()
}

// failSteps turns the step responses of a composite result into failed,
// rolled-back ones (after a failure outside the steps, e.g. persistence).
func failSteps(res dmr.Value) dmr.Value {
	if res.Type() != dmr.Object {
		return res
	}
	for _, k := range res.Keys() {
		s, _ := res.Get(k)
		if s.Type() == dmr.Object {
			res.Set(k, rolledBack(s))
		}
	}
	return res
}
