package xmlmodel

import (
	"testing"

	"wfcli/internal/corpus"
	"wfcli/ops"
	"wfcli/ops/dmr"
)

// The definitions below are a small hand-built model in the shape of the
// real ones (package ops/model), covering every XML form the engine knows,
// so that these tests do not depend on the state of the full definitions.

func tAttr(name string, t dmr.Type) *ops.Attribute {
	return &ops.Attribute{Name: name, Type: t, Expressions: true}
}

func tAt(a *ops.Attribute, x ops.XMLAttribute) *ops.Attribute { a.XML = &x; return a }

func tChild(typ string, d *ops.Definition) *ops.Child {
	return &ops.Child{Type: typ, Definition: d}
}

func testRoot() *ops.Definition {
	sub := &ops.Child{Type: "subsystem", Definition: &ops.Definition{Lenient: true},
		ByName: map[string]*ops.Definition{
			"jgroups":     testJGroups(),
			"infinispan":  testInfinispan(),
			"datasources": testDatasources(),
			"logging":     testLogging(),
		}}
	return &ops.Definition{
		Attributes: []*ops.Attribute{tAttr("name", dmr.String), tAttr("organization", dmr.String)},
		Children: []*ops.Child{
			tChild("extension", &ops.Definition{
				Attributes: []*ops.Attribute{tAttr("module", dmr.String)},
				XML:        &ops.XMLResource{Wrapper: "extensions", NameAttr: "module", Order: 1}}),
			tChild("system-property", &ops.Definition{
				Attributes: []*ops.Attribute{tAttr("value", dmr.String)},
				XML: &ops.XMLResource{Element: "property", Wrapper: "system-properties",
					Order: 2, RemoveEmptyWrapper: true}}),
			sub,
			tChild("socket-binding-group", &ops.Definition{
				Attributes: []*ops.Attribute{tAttr("default-interface", dmr.String),
					tAttr("port-offset", dmr.Int)},
				Children: []*ops.Child{tChild("socket-binding", &ops.Definition{
					Attributes: []*ops.Attribute{tAttr("interface", dmr.String),
						tAttr("port", dmr.Int), tAttr("multicast-address", dmr.String),
						tAttr("multicast-port", dmr.Int)},
					XML: &ops.XMLResource{Order: 1}})},
				XML: &ops.XMLResource{Order: 8}}),
		},
	}
}

func testProtocolElement(name string, attrs dmr.Value) string {
	switch name {
	case "JDBC_PING":
		if v, _ := attrs.Get("data-source"); !v.IsDefined() {
			return "protocol"
		}
		return "jdbc-protocol"
	case "MPING", "FD_SOCK":
		return "socket-protocol"
	}
	return "protocol"
}

func testJGroups() *ops.Definition {
	props := tAt(&ops.Attribute{Name: "properties", Type: dmr.Object, ValueType: dmr.String},
		ops.XMLAttribute{Form: ops.PropertyMap, Item: "property", KeyAttr: "name"})
	proto := &ops.Definition{
		Attributes: []*ops.Attribute{tAttr("socket-binding", dmr.String),
			tAttr("data-source", dmr.String), props},
		XML: &ops.XMLResource{ElementFor: testProtocolElement, NameAttr: "type", Order: 2,
			Elements: []string{"protocol", "socket-protocol", "jdbc-protocol"}},
	}
	transport := &ops.Definition{
		Attributes: []*ops.Attribute{tAttr("socket-binding", dmr.String), props},
		XML:        &ops.XMLResource{Element: "transport", NameAttr: "type", Order: 1},
	}
	stack := &ops.Definition{
		Attributes: []*ops.Attribute{tAttr("statistics-enabled", dmr.Boolean)},
		Children: []*ops.Child{tChild("transport", transport),
			{Type: "protocol", Ordered: true, Definition: proto}},
		XML: &ops.XMLResource{Element: "stack", Wrapper: "stacks", Order: 2},
	}
	channel := &ops.Definition{
		Attributes: []*ops.Attribute{tAttr("stack", dmr.String), tAttr("cluster", dmr.String)},
		XML:        &ops.XMLResource{Wrapper: "channels", Order: 1},
	}
	return &ops.Definition{
		Attributes: []*ops.Attribute{
			tAt(tAttr("default-channel", dmr.String), ops.XMLAttribute{Path: "channels",
				Attr: "default", Order: 1}),
		},
		Children: []*ops.Child{tChild("channel", channel), tChild("stack", stack)},
		XML: &ops.XMLResource{Element: "subsystem", NoName: true,
			Namespace: "urn:jboss:domain:jgroups:8.0"},
	}
}

func testInfinispan() *ops.Definition {
	cache := func(typ string) *ops.Child {
		return tChild(typ, &ops.Definition{
			Attributes: []*ops.Attribute{tAttr("owners", dmr.Int),
				tAttr("statistics-enabled", dmr.Boolean)},
			Children: []*ops.Child{{Type: "component", Names: []string{"expiration"},
				Definition: &ops.Definition{
					Attributes: []*ops.Attribute{tAttr("lifespan", dmr.Long),
						tAttr("max-idle", dmr.Long)},
					XML: &ops.XMLResource{Element: "expiration", NoName: true, Order: 3}}}},
			XML: &ops.XMLResource{Order: 4}})
	}
	container := &ops.Definition{
		Attributes: []*ops.Attribute{tAttr("default-cache", dmr.String),
			tAttr("marshaller", dmr.String)},
		Children: []*ops.Child{
			{Type: "transport", Names: []string{"jgroups"}, Definition: &ops.Definition{
				Attributes: []*ops.Attribute{tAttr("lock-timeout", dmr.Long)},
				XML:        &ops.XMLResource{Element: "transport", NoName: true, Order: 1}}},
			cache("local-cache"), cache("replicated-cache"), cache("distributed-cache"),
		},
		XML: &ops.XMLResource{Order: 1},
	}
	return &ops.Definition{Children: []*ops.Child{tChild("cache-container", container)}}
}

func testDatasources() *ops.Definition {
	text := func(name, path string, order int) *ops.Attribute {
		return tAt(tAttr(name, dmr.String), ops.XMLAttribute{Path: path, Order: order})
	}
	ds := &ops.Definition{
		Attributes: []*ops.Attribute{
			tAttr("jndi-name", dmr.String), tAttr("enabled", dmr.Boolean),
			tAttr("use-java-context", dmr.Boolean), tAttr("statistics-enabled", dmr.Boolean),
			text("connection-url", "connection-url", 10000),
			text("driver-name", "driver", 30000),
			tAt(tAttr("min-pool-size", dmr.Int), ops.XMLAttribute{Path: "pool/min-pool-size",
				Order: 50100}),
			tAt(tAttr("max-pool-size", dmr.Int), ops.XMLAttribute{Path: "pool/max-pool-size",
				Order: 50200}),
			tAt(tAttr("share-prepared-statements", dmr.Boolean), ops.XMLAttribute{
				Path: "statement/share-prepared-statements", Form: ops.Presence,
				Order: 130200}),
			text("user-name", "security/user-name", 110100),
			text("password", "security/password", 110200),
			tAt(tAttr("check-valid-connection-sql", dmr.String), ops.XMLAttribute{
				Path: "validation/check-valid-connection-sql", Order: 120100}),
		},
		Children: []*ops.Child{tChild("connection-properties", &ops.Definition{
			Attributes: []*ops.Attribute{tAt(tAttr("value", dmr.String), ops.XMLAttribute{})},
			XML:        &ops.XMLResource{Element: "connection-property", Order: 20000}})},
		XML: &ops.XMLResource{Element: "datasource", NameAttr: "pool-name",
			Wrapper: "datasources", Order: 10000},
	}
	driver := &ops.Definition{
		Attributes: []*ops.Attribute{
			tAt(tAttr("driver-module-name", dmr.String), ops.XMLAttribute{Attr: "module"}),
			text("driver-xa-datasource-class-name", "xa-datasource-class", 30000),
		},
		XML: &ops.XMLResource{Element: "driver", Wrapper: "datasources/drivers",
			Order: 20000},
	}
	return &ops.Definition{Children: []*ops.Child{tChild("data-source", ds),
		tChild("jdbc-driver", driver)}}
}

func testLogging() *ops.Definition {
	level := tAt(tAttr("level", dmr.String), ops.XMLAttribute{Path: "level", Attr: "name",
		Order: 1})
	handlers := tAt(&ops.Attribute{Name: "handlers", Type: dmr.List, ValueType: dmr.String},
		ops.XMLAttribute{Path: "handlers", Form: ops.ItemList, Item: "handler",
			ItemAttr: "name", Order: 3})
	file := tAt(&ops.Attribute{Name: "file", Type: dmr.Object, Fields: []*ops.Attribute{
		tAttr("relative-to", dmr.String), tAttr("path", dmr.String)}},
		ops.XMLAttribute{Path: "file", Form: ops.FieldObject, Order: 4})
	return &ops.Definition{Children: []*ops.Child{
		tChild("console-handler", &ops.Definition{Attributes: []*ops.Attribute{level},
			XML: &ops.XMLResource{Order: 1}}),
		tChild("periodic-rotating-file-handler", &ops.Definition{
			Attributes: []*ops.Attribute{tAttr("autoflush", dmr.Boolean), file},
			XML:        &ops.XMLResource{Order: 1}}),
		tChild("logger", &ops.Definition{Attributes: []*ops.Attribute{level, handlers},
			XML: &ops.XMLResource{NameAttr: "category", Order: 2}}),
		{Type: "root-logger", Names: []string{"ROOT"}, Definition: &ops.Definition{
			Attributes: []*ops.Attribute{level, handlers},
			XML:        &ops.XMLResource{Element: "root-logger", NoName: true, Order: 3}}},
	}}
}

// corpusDir returns ../shared/corpus/xml, found by walking up from the test's
// directory, or skips the test when it is absent.
func corpusDir(t testing.TB) string {
	t.Helper()
	return corpus.XMLDir(t)
}
