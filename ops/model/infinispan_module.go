package model

import (
	"wfcli/ops"
	"wfcli/ops/dmr"
)

// A cache container's module attribute gave way to the modules list
// (infinispan schema 9.0). WildFly keeps module as a deprecated alias: a
// write of module sets modules to a list of that one module. Keycloak's
// migrate scripts write module on every run, so the alias decides whether
// the file keeps its modules="..." or gains a module="..." beside it.
//
// Limitation: a read of module does not read modules (the controller has
// no per-attribute read hook), so it is undefined in a file that holds
// modules, where WildFly answers with the first of them.

// ispnWriteOperation is the container's write-attribute: the global one,
// except for module as described above.
func ispnWriteOperation() *ops.Operation {
	name := required(noExpr(str("name")))
	name.Description = "The attribute to write."
	value := attr("value", dmr.Undefined)
	value.Description = "The new value; undefined undefines the attribute."
	return &ops.Operation{Name: "write-attribute",
		Description: "Writes an attribute of the container; module is an alias that " +
			"writes modules.",
		Params: []*ops.Attribute{name, value}, Handler: ispnWriteAttribute}
}

// ispnWriteAttribute writes module as modules when the container holds no
// module of its own (a file of the modules era); any other attribute, and
// module in an older file, as the global write-attribute does.
func ispnWriteAttribute(ctx *ops.Context, op dmr.Value) (dmr.Value, error) {
	n, _ := op.Get("name")
	v, _ := op.Get("value")
	if n.AsString() != "module" || !v.IsDefined() {
		return dmr.Value{}, ctx.WriteAttribute(n.AsString(), v)
	}
	r, err := ispnTarget(ctx)
	if err != nil {
		return dmr.Value{}, err
	}
	if r.Attr("module").IsDefined() || !r.Attr("modules").IsDefined() {
		return dmr.Value{}, ctx.WriteAttribute("module", v)
	}
	return dmr.Value{}, ctx.WriteAttribute("modules", dmr.NewList(v))
}
