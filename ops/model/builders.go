// Package model holds the resource definitions of the management model: the
// root (extensions, system properties, paths, interfaces, socket bindings,
// management), the subsystems this project models in full (jgroups,
// infinispan, datasources, logging, undertow, keycloak-server, elytron
// essentials), and the lenient definition every other subsystem gets. It
// holds data only; the controller in package ops interprets it.
package model

import (
	"wfcli/ops"
	"wfcli/ops/dmr"
)

// attr starts an attribute definition with the common settings of a
// configuration attribute: read-write, expressions allowed, optional.
func attr(name string, t dmr.Type) *ops.Attribute {
	return &ops.Attribute{Name: name, Type: t, Expressions: true, Access: ops.ReadWrite,
		Storage: ops.Configuration, Restart: ops.AllServices}
}

// str, boolean, integer and long are the attribute kinds most definitions use.
func str(name string) *ops.Attribute     { return attr(name, dmr.String) }
func boolean(name string) *ops.Attribute { return attr(name, dmr.Boolean) }
func integer(name string) *ops.Attribute { return attr(name, dmr.Int) }
func long(name string) *ops.Attribute    { return attr(name, dmr.Long) }

// def sets the attribute's default and returns it.
func def(a *ops.Attribute, v dmr.Value) *ops.Attribute { a.Default = v; return a }

// required marks the attribute required and returns it.
func required(a *ops.Attribute) *ops.Attribute { a.Required = true; return a }

// noExpr marks the attribute as not accepting expressions and returns it.
func noExpr(a *ops.Attribute) *ops.Attribute { a.Expressions = false; return a }

// xmlAt places the attribute in the XML and returns it.
func xmlAt(a *ops.Attribute, x ops.XMLAttribute) *ops.Attribute { a.XML = &x; return a }

// oneOf restricts a STRING attribute to values and returns it.
func oneOf(a *ops.Attribute, values ...string) *ops.Attribute { a.Allowed = values; return a }

// restart sets what a change of the attribute needs and returns it.
func restart(a *ops.Attribute, r ops.Restart) *ops.Attribute { a.Restart = r; return a }

// sensitive marks a password or credential attribute and returns it.
func sensitive(a *ops.Attribute) *ops.Attribute { a.Sensitive = true; return a }

// bounds sets numeric bounds and returns the attribute.
func bounds(a *ops.Attribute, min, max int64) *ops.Attribute { a.Min, a.Max = &min, &max; return a }

// listOf returns a LIST attribute of items of type t.
func listOf(name string, t dmr.Type) *ops.Attribute {
	a := attr(name, dmr.List)
	a.ValueType = t
	return a
}

// mapOf returns an OBJECT attribute whose values have type t.
func mapOf(name string, t dmr.Type) *ops.Attribute {
	a := attr(name, dmr.Object)
	a.ValueType = t
	return a
}

// refs makes the attribute's value name a resource of one of the target
// types (see ops.Reference) and returns it.
func refs(a *ops.Attribute, capability string, targets ...string) *ops.Attribute {
	a.References = &ops.Reference{Capability: capability, Targets: targets}
	return a
}

// metric returns a runtime, read-only metric attribute.
func metric(name string, t dmr.Type) *ops.Attribute {
	return &ops.Attribute{Name: name, Type: t, Access: ops.Metric, Storage: ops.Runtime,
		Restart: ops.NoServices}
}
