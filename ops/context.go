package ops

import (
	"wfcli/ops/dmr"
)

// Context is what an operation handler sees: the private copy of the model
// the operation changes, the target address, its definition and resource.
// A handler changes Root (or Resource) in place; the controller publishes
// the copy only if every step of the request succeeds, so a handler that
// returns an error needs no undo of its own.
type Context struct {
	Root       *Resource   // the model being changed (a private copy)
	Address    Address     // the operation's target
	Definition *Definition // the target's definition
	Resource   *Resource   // the target resource; nil for add
	// RootDefinition is the definition of the model's root, for looking up
	// other addresses (references, capabilities).
	RootDefinition *Definition
	// Restart collects the highest restart level the request's changes need.
	Restart Restart
	// Warnings collects texts for the response's warnings.
	Warnings []string
	// Runtime is false in admin-only mode (the embedded server): handlers
	// change only the model and no reload-required state is set.
	Runtime bool
	// Resolve resolves a ${...} expression against the node's system
	// properties and environment.
	Resolve func(expr string) (string, error)

	tx   *txn  // the request this handler runs in
	call *call // the operation being handled
	own  bool  // tx was made for a Context built by hand (in a test)
}

// Executor runs one management request and returns its response (an OBJECT
// with outcome, result, failure-description, rolled-back, response-headers).
// A failed operation is a response with outcome "failed", not an error.
// Executors are safe for concurrent use.
type Executor interface {
	Execute(op dmr.Value) dmr.Value
}

// Persister writes a committed change to the configuration file. The
// controller calls it under the management lock with the model as it was
// before the request and as it is after; if it returns an error the request
// fails and the model stays as it was.
type Persister interface {
	Persist(before, after *Resource) error
}

// RunRuntime runs the operation name with the request op on the running
// service of the handler's target through Options.RuntimeOperation. ok is
// false when the node has no runtime (admin-only) or no running service
// answers for the target; then result and err are zero.
func (ctx *Context) RunRuntime(name string, op dmr.Value) (result dmr.Value, ok bool,
	err error) {
	if !ctx.Runtime || ctx.tx == nil || ctx.tx.c == nil {
		return dmr.Value{}, false, nil
	}
	if f := ctx.tx.c.opts.RuntimeOperation; f != nil {
		return f(ctx.Address, name, op)
	}
	return dmr.Value{}, false, nil
}
