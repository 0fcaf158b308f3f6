package model

import (
	"wfcli/ops"
	"wfcli/ops/dmr"
)

// The transactions subsystem is modelled: its resource holds every setting,
// although the XML keeps them in unnamed elements (<core-environment
// node-identifier>, <recovery-environment socket-binding>,
// <coordinator-environment statistics-enabled default-timeout>,
// <object-store path relative-to>, <jts/>, <jdbc-store>). Keycloak's
// migrate scripts set node-identifier when it reads as undefined and
// statistics-enabled when it reads as false.
//
// Limitation: commit-markable-resource=* is kept but not validated, and the
// runtime resource log-store=log-store is not modelled.

// The positions of the subsystem's elements, in the order the schema
// enforces.
const (
	orderTxCore = iota + 1
	orderTxRecovery
	orderTxCoordinator
	orderTxObjectStore
	orderTxJTS
	orderTxJournal
	orderTxJDBC
	orderTxCommitMarkable
)

func init() { registerSubsystem("transactions", transactions) }

// transactions is /subsystem=transactions.
func transactions() *ops.Definition {
	attrs := append(txCoreAttributes(), txCoordinatorAttributes()...)
	attrs = append(attrs, txStoreAttributes()...)
	cmr := lenientAt(ops.XMLResource{Wrapper: "commit-markable-resources",
		RemoveEmptyWrapper: true, Element: "commit-markable-resource", NameAttr: "jndi-name",
		Order: orderTxCommitMarkable})
	cmr.Description = "A data source that takes part in transactions as a last resource."
	return &ops.Definition{
		Description: "The transaction manager.",
		Attributes:  attrs,
		Children:    []*ops.Child{{Type: "commit-markable-resource", Definition: cmr}},
		AddRestart:  ops.AllServices, RemoveRestart: ops.AllServices,
		XML: &ops.XMLResource{Element: "subsystem", NoName: true,
			Namespace: "urn:jboss:domain:transactions:6.0"},
	}
}

// txAt places a at the XML attribute attr of the element at path, and
// describes it.
func txAt(a *ops.Attribute, path, attr string, order int, desc string) *ops.Attribute {
	return described(xmlAt(a, ops.XMLAttribute{Path: path, Attr: attr, Order: order}), desc)
}

// txFlag is a BOOLEAN that is true when the element at path exists.
func txFlag(name, path string, order int, desc string) *ops.Attribute {
	return described(xmlAt(def(boolean(name), dmr.NewBool(false)),
		ops.XMLAttribute{Path: path, Form: ops.Presence, Order: order}), desc)
}

// txCoreAttributes are the node's identity and recovery settings.
func txCoreAttributes() []*ops.Attribute {
	const socket = "core-environment/process-id/socket"
	uuid := txFlag("process-id-uuid", "core-environment/process-id/uuid", orderTxCore,
		"Whether the process identifier is a UUID.")
	uuid.Default = dmr.Value{}
	uuid.Alternatives = []string{"process-id-socket-binding"}
	sock := txAt(str("process-id-socket-binding"), socket, "socket-binding", orderTxCore,
		"The socket binding whose port is the process identifier.")
	sock.Alternatives = []string{"process-id-uuid"}
	return []*ops.Attribute{
		txAt(def(str("node-identifier"), dmr.NewString("1")), "core-environment",
			"node-identifier", orderTxCore,
			"The identifier of this node in transaction logs."),
		uuid, sock,
		txAt(def(integer("process-id-socket-max-ports"), dmr.NewInt(10)), socket,
			"socket-process-id-max-ports", orderTxCore,
			"How many ports are tried for the process identifier's socket."),
		txAt(str("socket-binding"), "recovery-environment", "socket-binding",
			orderTxRecovery, "The socket binding of the recovery manager."),
		txAt(str("status-socket-binding"), "recovery-environment",
			"status-socket-binding", orderTxRecovery,
			"The socket binding of the transaction status manager."),
		txAt(def(boolean("recovery-listener"), dmr.NewBool(false)), "recovery-environment",
			"recovery-listener", orderTxRecovery,
			"Whether the recovery manager listens on its socket."),
	}
}

// txCoordinatorAttributes are the coordinator's timeouts and statistics.
func txCoordinatorAttributes() []*ops.Attribute {
	const coord = "coordinator-environment"
	stats := txAt(def(boolean("statistics-enabled"), dmr.NewBool(false)), coord,
		"statistics-enabled", orderTxCoordinator,
		"Whether the transaction manager gathers statistics.")
	stats.Restart = ops.NoServices
	old := described(xmlAt(def(boolean("enable-statistics"), dmr.NewBool(false)),
		ops.XMLAttribute{Skip: true}), "Replaced by statistics-enabled.")
	old.Deprecated = true
	timeout := txAt(bounds(def(integer("default-timeout"), dmr.NewInt(300)), 0, 1<<31-1),
		coord, "default-timeout", orderTxCoordinator,
		"The timeout, in seconds, of a new transaction.")
	timeout.Restart = ops.NoServices
	maxTimeout := txAt(bounds(def(integer("maximum-timeout"), dmr.NewInt(31536000)), 0,
		1<<31-1), coord, "maximum-timeout", orderTxCoordinator,
		"The timeout, in seconds, of a transaction whose timeout is 0.")
	maxTimeout.Restart = ops.NoServices
	return []*ops.Attribute{stats, old, timeout, maxTimeout,
		txAt(def(boolean("enable-tsm-status"), dmr.NewBool(false)), coord,
			"enable-tsm-status", orderTxCoordinator,
			"Whether the transaction status manager runs."),
	}
}

// txStoreAttributes are where transaction logs are kept.
func txStoreAttributes() []*ops.Attribute {
	attrs := []*ops.Attribute{
		txAt(def(str("object-store-path"), dmr.NewString("tx-object-store")),
			"object-store", "path", orderTxObjectStore,
			"The directory of the object store."),
		txAt(def(str("object-store-relative-to"), dmr.NewString("jboss.server.data.dir")),
			"object-store", "relative-to", orderTxObjectStore,
			"The name of the path the object store's directory is relative to."),
		txFlag("jts", "jts", orderTxJTS, "Whether transactions are distributed over JTS."),
		txFlag("use-journal-store", "use-journal-store", orderTxJournal,
			"Whether the logs are kept in a journal rather than in files."),
		txAt(def(boolean("journal-store-enable-async-io"), dmr.NewBool(false)),
			"use-journal-store", "enable-async-io", orderTxJournal,
			"Whether the journal uses asynchronous I/O."),
		txFlag("use-jdbc-store", "jdbc-store", orderTxJDBC,
			"Whether the logs are kept in a database."),
		txAt(str("jdbc-store-datasource"), "jdbc-store", "datasource-jndi-name",
			orderTxJDBC, "The JNDI name of the data source of the JDBC store."),
	}
	for _, s := range []string{"action", "communication", "state"} {
		attrs = append(attrs,
			txAt(str("jdbc-"+s+"-store-table-prefix"), "jdbc-store/"+s, "table-prefix",
				orderTxJDBC, "The prefix of the tables of the "+s+" store."),
			txAt(def(boolean("jdbc-"+s+"-store-drop-table"), dmr.NewBool(false)),
				"jdbc-store/"+s, "drop-table", orderTxJDBC,
				"Whether the tables of the "+s+" store are dropped at start."))
	}
	return attrs
}
