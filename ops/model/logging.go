package model

import (
	"wfcli/ops"
	"wfcli/ops/dmr"
)

// The logging subsystem: handlers, loggers, the root logger, formatters and
// logging profiles. Every logging write applies at once (no reload). Handler
// definitions live in logging_handlers.go, operation handlers in
// logging_ops.go.

func init() {
	registerSubsystem("logging", buildLogging)
}

// lgNamespace is the namespace a new logging subsystem element is written
// with: logging 8.0, the version of WildFly Core 15 to 18.
const lgNamespace = "urn:jboss:domain:logging:8.0"

// lgLevels are the level names the logging subsystem accepts.
var lgLevels = []string{"ALL", "FINEST", "FINER", "TRACE", "DEBUG", "FINE", "CONFIG",
	"INFO", "WARN", "WARNING", "ERROR", "SEVERE", "FATAL", "OFF"}

// lgDefaultPattern is the pattern of a handler's or pattern formatter's
// default format.
const lgDefaultPattern = "%d{HH:mm:ss,SSS} %-5p [%c] (%t) %s%e%n"

// The positions of the children of <subsystem> (and <logging-profile>) as
// WildFly writes them: the two flags, the handlers, the loggers, the root
// logger, the formatters, the profiles.
const (
	lgPosAPIDependencies = iota + 1
	lgPosDeploymentConfig
	lgPosHandlers // handlers take lgPosHandlers*100 + their own index
	lgPosLogger
	lgPosRootLogger
	lgPosFormatters
	lgPosProfiles
)

// buildLogging returns the definition of /subsystem=logging.
func buildLogging() *ops.Definition {
	flag := func(name string, pos int) *ops.Attribute {
		a := lg(def(boolean(name), dmr.NewBool(true)))
		return xmlAt(a, ops.XMLAttribute{Path: name, Attr: "value", Order: nestedOrder(pos)})
	}
	profile := &ops.Definition{
		Description:   "A logging profile: a configuration deployments may select.",
		Children:      lgContainerChildren(),
		AddRestart:    ops.NoServices,
		RemoveRestart: ops.AllServices,
		XML: &ops.XMLResource{Element: "logging-profile", NameAttr: "name",
			Wrapper: "logging-profiles", Order: nestedOrder(lgPosProfiles)},
	}
	children := append(lgContainerChildren(), &ops.Child{Type: "logging-profile",
		Definition: profile})
	children = append(children, &ops.Child{Type: "log-file", Definition: lgLogFile()})
	return describe(&ops.Definition{
		Description: "The logging subsystem.",
		Attributes: []*ops.Attribute{
			flag("add-logging-api-dependencies", lgPosAPIDependencies),
			flag("use-deployment-logging-config", lgPosDeploymentConfig),
		},
		Children:      children,
		AddRestart:    ops.NoServices,
		RemoveRestart: ops.AllServices,
		XML:           &ops.XMLResource{Element: "subsystem", NoName: true, Namespace: lgNamespace},
	}, lgTexts)
}

// lgContainerChildren returns the child types the subsystem and a logging
// profile share: handlers, loggers, the root logger and formatters.
func lgContainerChildren() []*ops.Child {
	cs := lgHandlerChildren()
	return append(cs,
		&ops.Child{Type: "logger", Definition: lgLogger()},
		&ops.Child{Type: "root-logger", Names: []string{"ROOT"}, Max: 1,
			Definition: lgRootLogger()},
		&ops.Child{Type: "pattern-formatter", Definition: lgPatternFormatter()},
		&ops.Child{Type: "json-formatter", Definition: lgStructuredFormatter("json-formatter")},
		&ops.Child{Type: "xml-formatter", Definition: lgStructuredFormatter("xml-formatter")},
		&ops.Child{Type: "custom-formatter", Definition: lgCustomFormatter()},
	)
}

// lg makes an attribute apply at once, as every logging attribute does.
func lg(a *ops.Attribute) *ops.Attribute { return restart(a, ops.NoServices) }

// lgLevel returns a level attribute held in <level name="..."/> at position
// pos of the resource's element.
func lgLevel(pos int) *ops.Attribute {
	a := lg(oneOf(str("level"), lgLevels...))
	return xmlAt(a, ops.XMLAttribute{Path: "level", Attr: "name", Order: nestedOrder(pos)})
}

// lgValueAt returns a places at <elem value="..."/> at position pos.
func lgValueAt(a *ops.Attribute, elem string, pos int) *ops.Attribute {
	return xmlAt(lg(a), ops.XMLAttribute{Path: elem, Attr: "value", Order: nestedOrder(pos)})
}

// lgHandlerList returns a LIST of handler names written as
// <elem><handler name="..."/>...</elem>.
func lgHandlerList(name, elem string, pos int) *ops.Attribute {
	a := refs(lg(listOf(name, dmr.String)), "org.wildfly.logging.handler", lgHandlerTypes...)
	a.Expressions = false
	return xmlAt(a, ops.XMLAttribute{Path: elem, Form: ops.ItemList, Item: "handler",
		ItemAttr: "name", Order: nestedOrder(pos)})
}

// lgLogger returns the definition of logger=<category>.
func lgLogger() *ops.Definition {
	category := lg(str("category"))
	category.Access, category.Expressions = ops.ReadOnly, false
	category.XML = &ops.XMLAttribute{Attr: "category"}
	attrs := []*ops.Attribute{
		category,
		lgLevel(1),
		lgValueAt(str("filter-spec"), "filter-spec", 2),
		lgHandlerList("handlers", "handlers", 3),
		lg(def(boolean("use-parent-handlers"), dmr.NewBool(true))),
		lgDeprecated(lg(attr("filter", dmr.Object))),
	}
	return &ops.Definition{
		Description:   "A logger of a category.",
		Attributes:    attrs,
		Operations:    lgLoggerOperations(attrs),
		AddRestart:    ops.NoServices,
		RemoveRestart: ops.NoServices,
		XML: &ops.XMLResource{Element: "logger", NameAttr: "category",
			Order: nestedOrder(lgPosLogger)},
	}
}

// lgRootLogger returns the definition of root-logger=ROOT.
func lgRootLogger() *ops.Definition {
	return &ops.Definition{
		Description: "The root logger.",
		Attributes: []*ops.Attribute{
			lgLevel(1),
			lgValueAt(str("filter-spec"), "filter-spec", 2),
			lgHandlerList("handlers", "handlers", 3),
			lgDeprecated(lg(attr("filter", dmr.Object))),
		},
		Operations:    lgLoggerOperations(nil),
		AddRestart:    ops.NoServices,
		RemoveRestart: ops.NoServices,
		XML: &ops.XMLResource{Element: "root-logger", NoName: true,
			Order: nestedOrder(lgPosRootLogger)},
	}
}

// lgDeprecated marks a and keeps it out of the XML (the deprecated filter
// OBJECT is written as filter-spec).
func lgDeprecated(a *ops.Attribute) *ops.Attribute {
	a.Deprecated = true
	a.XML = &ops.XMLAttribute{Skip: true}
	return a
}

// lgFormatter returns the definition of a formatter resource written as
// <formatter name="N"><elem .../></formatter>, attrs being placed relative to
// the <formatter> element.
func lgFormatter(elem, desc string, attrs []*ops.Attribute) *ops.Definition {
	return &ops.Definition{
		Description:   desc,
		Attributes:    attrs,
		AddRestart:    ops.NoServices,
		RemoveRestart: ops.NoServices,
		XML: &ops.XMLResource{Element: "formatter", NameAttr: "name", HasChild: elem,
			Order: nestedOrder(lgPosFormatters)},
	}
}

// lgOn places a at XML attribute name of the element at path.
func lgOn(a *ops.Attribute, path string) *ops.Attribute {
	return xmlAt(lg(a), ops.XMLAttribute{Path: path, Attr: a.Name})
}

// lgPatternFormatter returns the definition of pattern-formatter=*.
func lgPatternFormatter() *ops.Definition {
	const p = "pattern-formatter"
	return lgFormatter(p, "A formatter that formats log records by a pattern.",
		[]*ops.Attribute{
			lgOn(def(str("pattern"), dmr.NewString(lgDefaultPattern)), p),
			lgOn(str("color-map"), p),
		})
}

// lgStructuredFormatter returns the definition of json-formatter=* or
// xml-formatter=* (elem).
func lgStructuredFormatter(elem string) *ops.Definition {
	desc := "A formatter that writes log records as JSON."
	as := []*ops.Attribute{
		lgOn(str("date-format"), elem),
		lgOn(def(boolean("pretty-print"), dmr.NewBool(false)), elem),
		lgOn(def(boolean("print-details"), dmr.NewBool(false)), elem),
		lgOn(str("zone-id"), elem),
		lgValueAt(def(oneOf(str("exception-output-type"), "detailed", "formatted",
			"detailed-and-formatted"), dmr.NewString("detailed")),
			elem+"/exception-output-type", 1),
		lgValueAt(def(str("record-delimiter"), dmr.NewString("\n")),
			elem+"/record-delimiter", 2),
		xmlAt(lg(mapOf("key-overrides", dmr.String)), ops.XMLAttribute{
			Path: elem + "/key-overrides", Form: ops.FieldObject, Order: nestedOrder(3)}),
		xmlAt(lg(mapOf("meta-data", dmr.String)), ops.XMLAttribute{
			Path: elem + "/meta-data", Form: ops.PropertyMap, Item: "property",
			KeyAttr: "name", ItemAttr: "value", Order: nestedOrder(4)}),
	}
	if elem == "xml-formatter" {
		desc = "A formatter that writes log records as XML."
		as = append(as,
			lgOn(str("namespace-uri"), elem),
			lgOn(def(boolean("print-namespace"), dmr.NewBool(false)), elem))
	}
	return lgFormatter(elem, desc, as)
}

// lgCustomFormatter returns the definition of custom-formatter=*.
func lgCustomFormatter() *ops.Definition {
	const p = "custom-formatter"
	return lgFormatter(p, "A formatter implemented by a class of a module.",
		[]*ops.Attribute{
			lgOn(required(str("class")), p),
			lgOn(required(str("module")), p),
			xmlAt(lg(mapOf("properties", dmr.String)), ops.XMLAttribute{
				Path: p + "/properties", Form: ops.PropertyMap, Item: "property",
				KeyAttr: "name", ItemAttr: "value"}),
		})
}

// lgLogFile returns the definition of the runtime log-file=* resources (the
// files in jboss.server.log.dir); they are never persisted.
func lgLogFile() *ops.Definition {
	ro := func(a *ops.Attribute) *ops.Attribute {
		a.Access, a.Storage, a.Restart = ops.ReadOnly, ops.Runtime, ops.NoServices
		a.XML = &ops.XMLAttribute{Skip: true}
		return a
	}
	return &ops.Definition{
		Description: "A log file of the running server.",
		Attributes: []*ops.Attribute{ro(long("file-size")), ro(str("last-modified-time")),
			ro(long("last-modified-timestamp")), ro(str("stream"))},
		Runtime: true,
		XML:     &ops.XMLResource{Skip: true},
	}
}
