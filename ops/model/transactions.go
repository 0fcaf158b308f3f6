package model

import (
	"wfcli/ops"
	"wfcli/ops/dmr"
)

// The transactions subsystem is lenient: nothing in it is validated. Its
// definition declares the attributes Keycloak's migrate scripts read and
// set, which the subsystem's resource holds although the XML keeps them in
// unnamed elements: node-identifier in <core-environment>, set when it
// reads as undefined, and statistics-enabled in <coordinator-environment>,
// set when it reads as false.

func init() { registerSubsystem("transactions", transactions) }

// transactions is /subsystem=transactions.
func transactions() *ops.Definition {
	node := xmlAt(str("node-identifier"),
		ops.XMLAttribute{Path: "core-environment", Attr: "node-identifier", Order: 1})
	node.Description = "The identifier of this node in transaction logs."
	stats := xmlAt(def(boolean("statistics-enabled"), dmr.NewBool(false)),
		ops.XMLAttribute{Path: "coordinator-environment", Attr: "statistics-enabled",
			Order: 3})
	stats.Description = "Whether the transaction manager gathers statistics."
	d := Lenient()
	d.Attributes = []*ops.Attribute{node, stats}
	d.XML = &ops.XMLResource{Element: "subsystem", NoName: true,
		Namespace: "urn:jboss:domain:transactions:6.0"}
	return d
}
