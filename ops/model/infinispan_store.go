package model

import (
	"wfcli/ops"
	"wfcli/ops/dmr"
)

// ispnStoreNames are the store types a cache may have (at most one). The
// ones with an element come first: the XML engine reads a child type by the
// XML form of its first name.
var ispnStoreNames = []string{"file", "jdbc", "remote", "hotrod", "custom", "binary-jdbc",
	"mixed-jdbc", "none"}

// ispnStores is store=*: where a cache persists its entries. store=none has
// no element: a cache without a store element has it.
func ispnStores() *ops.Child {
	none := &ops.Definition{
		Description: "No store: entries live in memory only.",
		AddRestart:  ops.ResourceServices, RemoveRestart: ops.ResourceServices,
		XML: &ops.XMLResource{Skip: true},
	}
	return &ops.Child{Type: "store", Names: ispnStoreNames, Max: 1, Implicit: []string{"none"},
		ByName: map[string]*ops.Definition{
			"none": none,
			"file": ispnStore("file-store", nil, "A store in files on the local disk.",
				str("path"), def(str("relative-to"), dmr.NewString("jboss.server.data.dir"))),
			"jdbc": ispnJDBCStore("jdbc-store", []string{"jdbc-store",
				"string-keyed-jdbc-store"}, "A store in a database table.", "string"),
			"binary-jdbc": jgDeprecatedDef(ispnJDBCStore("binary-keyed-jdbc-store", nil,
				"Deprecated: a store in a database table of hash buckets.", "binary")),
			"mixed-jdbc": jgDeprecatedDef(ispnJDBCStore("mixed-keyed-jdbc-store", nil,
				"Deprecated: a store in two database tables.", "string", "binary")),
			"remote": ispnStore("remote-store", nil, "A store on a remote Infinispan server.",
				required(noExpr(ispnSpaceList("remote-servers"))),
				str("cache"),
				def(boolean("tcp-no-delay"), dmr.NewBool(true)),
				def(long("socket-timeout"), dmr.NewLong(60000))),
			"hotrod": ispnStore("hotrod-store", nil, "A store in a remote cache reached "+
				"through a remote-cache-container.",
				required(noExpr(str("remote-cache-container"))),
				str("cache-configuration")),
			"custom": ispnStore("store", nil, "A store implemented by a class of its own.",
				required(str("class"))),
		}}
}

// ispnStore builds a store definition written as elem (also read from
// elements, when given), with the attributes every store has.
func ispnStore(elem string, elements []string, description string,
	own ...*ops.Attribute) *ops.Definition {
	attrs := append(own,
		def(boolean("shared"), dmr.NewBool(false)),
		def(boolean("preload"), dmr.NewBool(false)),
		def(boolean("passivation"), dmr.NewBool(true)),
		def(boolean("fetch-state"), dmr.NewBool(true)),
		def(boolean("purge"), dmr.NewBool(true)),
		def(integer("max-batch-size"), dmr.NewInt(100)),
		jgDeprecated(def(boolean("singleton"), dmr.NewBool(false))),
		xmlAt(mapOf("properties", dmr.String), ops.XMLAttribute{Form: ops.PropertyMap,
			Item: "property", KeyAttr: "name"}),
		metric("cache-loader-loads", dmr.Long),
		metric("cache-loader-misses", dmr.Long),
	)
	return &ops.Definition{
		Description: description,
		Attributes:  attrs,
		Children:    []*ops.Child{ispnWrite(), jgPropertyChild()},
		AddRestart:  ops.ResourceServices, RemoveRestart: ops.ResourceServices,
		XML: &ops.XMLResource{Element: elem, Elements: elements, NoName: true,
			Order: ispnOrderStore},
	}
}

// ispnWrite is write=through (no element) or write=behind (<write-behind>).
func ispnWrite() *ops.Child {
	through := &ops.Definition{
		Description: "Changes reach the store before the write returns.",
		AddRestart:  ops.ResourceServices, RemoveRestart: ops.ResourceServices,
		XML: &ops.XMLResource{Skip: true},
	}
	behind := ispnComponent("write-behind", "Changes reach the store asynchronously.", 1,
		def(integer("modification-queue-size"), dmr.NewInt(1024)),
		jgDeprecated(def(integer("thread-pool-size"), dmr.NewInt(1))))
	return &ops.Child{Type: "write", Names: []string{"behind", "through"}, Max: 1,
		ByName: map[string]*ops.Definition{"through": through, "behind": behind}}
}

// ispnJDBCStore is a JDBC store with table children of the given kinds.
func ispnJDBCStore(elem string, elements []string, description string,
	tables ...string) *ops.Definition {
	d := ispnStore(elem, elements, description,
		required(noExpr(str("data-source"))),
		oneOf(noExpr(str("dialect")), "ACCESS", "DB2", "DB2_390", "DERBY", "FIREBIRD",
			"H2", "HSQL", "INFORMIX", "INTERBASE", "MARIA_DB", "MYSQL", "ORACLE",
			"POSTGRES", "SQLITE", "SQL_SERVER", "SYBASE"),
		jgDeprecated(str("datasource")))
	c := &ops.Child{Type: "table", Names: tables, ByName: map[string]*ops.Definition{}}
	for _, t := range tables {
		c.ByName[t] = ispnTable(t)
	}
	d.Children = append(d.Children, c)
	return d
}

// ispnTable is table=string (<table>, formerly <string-keyed-table>) or
// table=binary (<binary-keyed-table>).
func ispnTable(kind string) *ops.Definition {
	elem, elements, prefix := "table", []string{"table", "string-keyed-table"}, "ispn_entry"
	if kind == "binary" {
		elem, elements, prefix = "binary-keyed-table", nil, "ispn_bucket"
	}
	return &ops.Definition{
		Description: "The table of a JDBC store.",
		Attributes: []*ops.Attribute{
			def(str("prefix"), dmr.NewString(prefix)),
			def(integer("fetch-size"), dmr.NewInt(100)),
			jgDeprecated(def(integer("batch-size"), dmr.NewInt(100))),
			def(boolean("create-on-start"), dmr.NewBool(true)),
			def(boolean("drop-on-stop"), dmr.NewBool(false)),
			ispnColumn("id-column", "id", "VARCHAR", 1),
			ispnColumn("data-column", "datum", "BINARY", 2),
			ispnColumn("segment-column", "segment", "INTEGER", 3),
			ispnColumn("timestamp-column", "version", "BIGINT", 4),
		},
		AddRestart: ops.ResourceServices, RemoveRestart: ops.ResourceServices,
		XML: &ops.XMLResource{Element: elem, Elements: elements, NoName: true, Order: 2},
	}
}

// ispnColumn is a column of a JDBC store table: an OBJECT {name, type}
// written as the attributes of an element of the same name.
func ispnColumn(name, column, sqlType string, order int) *ops.Attribute {
	a := attr(name, dmr.Object)
	a.Fields = []*ops.Attribute{
		def(str("name"), dmr.NewString(column)),
		def(str("type"), dmr.NewString(sqlType)),
	}
	d := dmr.NewObject()
	d.Set("name", dmr.NewString(column))
	d.Set("type", dmr.NewString(sqlType))
	a.Default = d
	a.XML = &ops.XMLAttribute{Path: name, Form: ops.FieldObject, Order: order}
	return a
}
