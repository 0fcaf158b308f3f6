package model

import (
	"fmt"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

// The datasources subsystem: /subsystem=datasources with its data-source,
// xa-data-source and jdbc-driver children. The XML keeps most data source
// attributes in child elements (<security><user-name>, <pool><max-pool-size>),
// so almost every attribute here carries an XML hint. The attribute lists live
// in datasources_attrs.go.

func init() {
	registerSubsystem("datasources", buildDatasources)
}

// dsNamespace is the namespace a new datasources subsystem element is written
// with: datasources 6.0, the version of WildFly 26 (Keycloak 16).
const dsNamespace = "urn:jboss:domain:datasources:6.0"

// nestedOrder returns the Order hint of an element nested levels deep below a
// resource's element: each level takes two decimal digits, the outermost
// first, so that comparing the numbers of two siblings at any depth compares
// their positions at the first level where their paths part. nestedOrder(11)
// is <security> in <datasource>, nestedOrder(11, 1) its <user-name>.
func nestedOrder(levels ...int) int {
	n := 0
	for i := 0; i < 3; i++ {
		n *= 100
		if i < len(levels) {
			n += levels[i]
		}
	}
	return n
}

// Sentinel errors of the data source operations.
var (
	// errDSNoRuntime is returned by the operations that need a running pool
	// (test-connection-in-pool, flush-*-connection-in-pool) when the node
	// runs without its runtime, as an embedded server in admin-only mode does.
	errDSNoRuntime = &ops.Failure{Msg: "No running pool: the server runs in admin-only " +
		"mode (embedded), which starts no data source pools; run this operation against a " +
		"running node"}
	// errDSRuntimeMissing is returned by the same operations on a node with a
	// runtime when no pool runs for the data source: it is disabled, or was
	// added or enabled while a reload is pending.
	errDSRuntimeMissing = &ops.Failure{Msg: "No running pool: the data source is disabled " +
		"or waits for a reload"}
)

// buildDatasources returns the definition of /subsystem=datasources.
func buildDatasources() *ops.Definition {
	return describe(&ops.Definition{
		Description: "The data sources subsystem: JDBC data sources and drivers.",
		Children: []*ops.Child{
			{Type: "data-source", Definition: dsDataSource(false)},
			{Type: "xa-data-source", Definition: dsDataSource(true)},
			{Type: "jdbc-driver", Definition: dsDriver()},
		},
		AddRestart:    ops.AllServices,
		RemoveRestart: ops.AllServices,
		XML:           &ops.XMLResource{Element: "subsystem", NoName: true, Namespace: dsNamespace},
	}, dsTexts)
}

// dsDataSource returns the definition of a data-source, or of an
// xa-data-source when xa is set.
func dsDataSource(xa bool) *ops.Definition {
	l := dsLayoutFor(xa)
	d := &ops.Definition{
		Description: "A JDBC data source whose name is its pool name.",
		Attributes:  dsAttributes(l),
		Children: []*ops.Child{
			dsPropertiesChild(l),
			dsStatisticsChild(),
		},
		Operations: dsOperations(),
		AddRestart: ops.NoServices,
		// A removed data source keeps its pool until a reload, unless the
		// request allows the resource's services to restart.
		RemoveRestart: ops.ResourceServices,
		XML: &ops.XMLResource{Element: "datasource", NameAttr: "pool-name",
			Wrapper: "datasources", Order: nestedOrder(1)},
	}
	if xa {
		d.Description = "An XA data source whose name is its pool name."
		d.XML.Element = "xa-datasource"
	}
	return d
}

// dsPropertiesChild returns connection-properties=* (data-source) or
// xa-datasource-properties=* (xa-data-source): one element per property,
// the name in an attribute and the value as text.
func dsPropertiesChild(l *dsLayout) *ops.Child {
	typ, elem := "connection-properties", "connection-property"
	if l.xa {
		typ, elem = "xa-datasource-properties", "xa-datasource-property"
	}
	value := required(str("value"))
	value.Description = "The value of the property."
	value.XML = &ops.XMLAttribute{} // the element's own text
	return &ops.Child{Type: typ, Definition: &ops.Definition{
		Description:   "A property passed to the JDBC driver.",
		Attributes:    []*ops.Attribute{value},
		AddRestart:    ops.AllServices,
		RemoveRestart: ops.AllServices,
		XML: &ops.XMLResource{Element: elem, NameAttr: "name",
			Order: nestedOrder(l.top[elem])},
	}}
}

// dsStatisticsChild returns the runtime statistics=pool and statistics=jdbc
// resources, which exist only while the data source is deployed and are never
// persisted.
func dsStatisticsChild() *ops.Child {
	pool := &ops.Definition{Description: "Pool statistics of the running data source.",
		Attributes: append([]*ops.Attribute{dsStatisticsEnabled()}, dsPoolMetrics()...),
		Runtime:    true, XML: &ops.XMLResource{Skip: true}}
	jdbc := &ops.Definition{Description: "JDBC statistics of the running data source.",
		Attributes: append([]*ops.Attribute{dsStatisticsEnabled()}, dsJDBCMetrics()...),
		Runtime:    true, XML: &ops.XMLResource{Skip: true}}
	return &ops.Child{Type: "statistics", Names: []string{"pool", "jdbc"}, Definition: pool,
		ByName: map[string]*ops.Definition{"pool": pool, "jdbc": jdbc}}
}

// dsStatisticsEnabled is the switch of a statistics resource: runtime,
// writable and applied at once.
func dsStatisticsEnabled() *ops.Attribute {
	a := def(boolean("statistics-enabled"), dmr.NewBool(false))
	a.Description = "Whether the running data source collects these statistics."
	a.Storage, a.Restart, a.XML = ops.Runtime, ops.NoServices, &ops.XMLAttribute{Skip: true}
	return a
}

// dsPoolMetrics returns the metrics of statistics=pool.
func dsPoolMetrics() []*ops.Attribute {
	names := []string{"ActiveCount", "AvailableCount", "AverageBlockingTime",
		"AverageCreationTime", "AverageGetTime", "AveragePoolTime", "AverageUsageTime",
		"BlockingFailureCount", "CreatedCount", "DestroyedCount", "IdleCount", "InUseCount",
		"MaxCreationTime", "MaxGetTime", "MaxPoolTime", "MaxUsageTime", "MaxUsedCount",
		"MaxWaitCount", "MaxWaitTime", "TimedOut", "TotalBlockingTime", "TotalCreationTime",
		"TotalGetTime", "TotalPoolTime", "TotalUsageTime", "WaitCount"}
	for _, xa := range []string{"XACommit", "XAEnd", "XAForget", "XAPrepare", "XARecover",
		"XARollback", "XAStart"} {
		names = append(names, xa+"AverageTime", xa+"Count", xa+"MaxTime", xa+"TotalTime")
	}
	return dsMetrics(names)
}

// dsJDBCMetrics returns the metrics of statistics=jdbc.
func dsJDBCMetrics() []*ops.Attribute {
	return dsMetrics([]string{"PreparedStatementCacheAccessCount",
		"PreparedStatementCacheAddCount", "PreparedStatementCacheCurrentSize",
		"PreparedStatementCacheDeleteCount", "PreparedStatementCacheHitCount",
		"PreparedStatementCacheMissCount"})
}

// dsMetrics returns one LONG metric per name.
func dsMetrics(names []string) []*ops.Attribute {
	as := make([]*ops.Attribute, len(names))
	for i, n := range names {
		as[i] = metric(n, dmr.Long)
		as[i].XML = &ops.XMLAttribute{Skip: true}
	}
	return as
}

// dsDriver returns the definition of jdbc-driver=*. Every attribute is set
// through add and read-only afterwards (change means remove and add).
func dsDriver() *ops.Definition {
	ro := func(a *ops.Attribute, x ops.XMLAttribute) *ops.Attribute {
		a.Access, a.Expressions = ops.ReadOnly, false
		return xmlAt(a, x)
	}
	text := func(a *ops.Attribute, path string, pos int) *ops.Attribute {
		return ro(a, ops.XMLAttribute{Path: path, Order: nestedOrder(pos)})
	}
	runtime := func(a *ops.Attribute) *ops.Attribute {
		a.Access, a.Storage, a.Restart = ops.ReadOnly, ops.Runtime, ops.NoServices
		return xmlAt(a, ops.XMLAttribute{Skip: true})
	}
	return &ops.Definition{
		Description: "A JDBC driver installed from a module.",
		Attributes: []*ops.Attribute{
			// The name is both the resource name and driver-name; both are the
			// element's name attribute.
			ro(required(str("driver-name")), ops.XMLAttribute{Attr: "name"}),
			ro(str("driver-module-name"), ops.XMLAttribute{Attr: "module"}),
			ro(str("module-slot"), ops.XMLAttribute{Skip: true}),
			ro(integer("driver-major-version"), ops.XMLAttribute{Attr: "major-version"}),
			ro(integer("driver-minor-version"), ops.XMLAttribute{Attr: "minor-version"}),
			text(str("driver-class-name"), "driver-class", 1),
			text(str("driver-datasource-class-name"), "datasource-class", 2),
			text(str("driver-xa-datasource-class-name"), "xa-datasource-class", 3),
			ro(str("profile"), ops.XMLAttribute{Skip: true}),
			runtime(boolean("jdbc-compliant")),
			runtime(str("deployment-name")),
			runtime(listOf("datasource-class-info", dmr.Object)),
		},
		AddRestart:    ops.NoServices,
		RemoveRestart: ops.AllServices,
		XML: &ops.XMLResource{Element: "driver", NameAttr: "name",
			Wrapper: "datasources/drivers", Order: nestedOrder(2)},
	}
}

// dsOperations returns the operations of data-source and xa-data-source.
func dsOperations() []*ops.Operation {
	user := str("user-name")
	user.Description = "The user to connect as, instead of the configured one."
	password := sensitive(str("password"))
	password.Description = "The password of user-name."
	list := []*ops.Operation{
		{Name: "enable", Description: "Enables the data source (writes enabled=true).",
			Handler: dsEnableHandler(true)},
		{Name: "disable", Description: "Disables the data source (writes enabled=false).",
			Handler: dsEnableHandler(false)},
		{Name: "test-connection-in-pool", ReadOnly: true, ReplyType: dmr.List,
			Description: "Gets a connection from the pool and checks that it is valid.",
			Params:      []*ops.Attribute{user, password},
			Handler:     dsRuntimeOnly("test-connection-in-pool")},
		{Name: "dump-queued-threads-in-pool", ReadOnly: true, ReplyType: dmr.List,
			Description: "Lists the threads waiting for a connection.",
			Handler:     dsRuntimeOnly("dump-queued-threads-in-pool")},
	}
	for _, kind := range []string{"idle", "all", "invalid", "gracefully"} {
		name := "flush-" + kind + "-connection-in-pool"
		list = append(list, &ops.Operation{Name: name,
			Description: fmt.Sprintf("Flushes the %s connections of the pool.", kind),
			ReadOnly:    true, Handler: dsRuntimeOnly(name)})
	}
	return list
}

// dsEnableHandler returns the handler of enable (on) or disable (!on): both
// only write the enabled attribute, which needs a reload.
func dsEnableHandler(on bool) func(*ops.Context, dmr.Value) (dmr.Value, error) {
	return func(ctx *ops.Context, _ dmr.Value) (dmr.Value, error) {
		return dmr.NewUndefined(), ctx.WriteAttribute("enabled", dmr.NewBool(on))
	}
}

// dsRuntimeOnly returns the handler of the operation name, which acts on
// the running pool through the node's runtime (Context.RunRuntime).
func dsRuntimeOnly(name string) func(*ops.Context, dmr.Value) (dmr.Value, error) {
	return func(ctx *ops.Context, op dmr.Value) (dmr.Value, error) {
		if !ctx.Runtime {
			return dmr.NewUndefined(), errDSNoRuntime
		}
		res, ok, err := ctx.RunRuntime(name, op)
		if !ok {
			return dmr.NewUndefined(), errDSRuntimeMissing
		}
		return res, err
	}
}
