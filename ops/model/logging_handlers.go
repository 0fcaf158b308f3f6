package model

import (
	"wfcli/ops"
	"wfcli/ops/dmr"
)

// lgHandlerTypes are the handler child types in the order WildFly writes
// them inside <subsystem> and <logging-profile>.
var lgHandlerTypes = []string{"async-handler", "console-handler", "file-handler",
	"custom-handler", "periodic-rotating-file-handler", "periodic-size-rotating-file-handler",
	"size-rotating-file-handler", "socket-handler", "syslog-handler"}

// lgHandlerChildren returns one child per handler type.
func lgHandlerChildren() []*ops.Child {
	cs := make([]*ops.Child, len(lgHandlerTypes))
	for i, typ := range lgHandlerTypes {
		cs[i] = &ops.Child{Type: typ, Definition: lgHandler(typ, i+1)}
	}
	return cs
}

// lgHandler returns the definition of handler type typ, written at position
// pos among the handlers of its container.
func lgHandler(typ string, pos int) *ops.Definition {
	var as []*ops.Attribute
	switch typ {
	case "async-handler":
		as = lgAsyncAttributes()
	case "syslog-handler":
		as = lgSyslogAttributes()
	case "socket-handler":
		as = lgSocketAttributes()
	default:
		as = append(lgCommonAttributes(), lgTypeAttributes(typ)...)
	}
	return &ops.Definition{
		Description:   "A log handler (" + typ + ").",
		Attributes:    as,
		Operations:    lgHandlerOperations(typ),
		AddRestart:    ops.NoServices,
		RemoveRestart: ops.NoServices,
		XML:           &ops.XMLResource{NameAttr: "name", Order: nestedOrder(lgPosHandlers, pos)},
	}
}

// The positions of the children of a handler's element shared by most
// handler types.
const (
	lgPosLevel = iota + 1
	lgPosEncoding
	lgPosFilterSpec
	lgPosFormatter
	lgPosFile // then rotate-size, max-backup-index, suffix, append
)

// lgCommonAttributes are the attributes of the console, file and custom
// handlers: level, encoding, filter, the formatter and the enabled flag.
func lgCommonAttributes() []*ops.Attribute {
	formatter := def(str("formatter"), dmr.NewString(lgDefaultPattern))
	formatter.Alternatives = []string{"named-formatter"}
	named := noExpr(str("named-formatter"))
	named.Alternatives = []string{"formatter"}
	return []*ops.Attribute{
		lgHandlerLevel(),
		lg(def(boolean("enabled"), dmr.NewBool(true))),
		lgValueAt(str("encoding"), "encoding", lgPosEncoding),
		lgValueAt(str("filter-spec"), "filter-spec", lgPosFilterSpec),
		xmlAt(lg(formatter), ops.XMLAttribute{Path: "formatter/pattern-formatter",
			Attr: "pattern", Order: nestedOrder(lgPosFormatter, 1)}),
		xmlAt(lg(named), ops.XMLAttribute{Path: "formatter/named-formatter", Attr: "name",
			Order: nestedOrder(lgPosFormatter, 1)}),
		lgDeprecated(lg(attr("filter", dmr.Object))),
	}
}

// lgHandlerLevel is a handler's level, which defaults to ALL.
func lgHandlerLevel() *ops.Attribute {
	return def(lgLevel(lgPosLevel), dmr.NewString("ALL"))
}

// lgTypeAttributes are the attributes particular to the console, file and
// custom handler types.
func lgTypeAttributes(typ string) []*ops.Attribute {
	autoflush := lg(def(boolean("autoflush"), dmr.NewBool(true)))
	switch typ {
	case "console-handler":
		target := def(oneOf(str("target"), "System.out", "System.err", "console"),
			dmr.NewString("System.out"))
		return []*ops.Attribute{autoflush, xmlAt(lg(target), ops.XMLAttribute{
			Path: "target", Attr: "name", Order: nestedOrder(lgPosFile)})}
	case "custom-handler":
		return []*ops.Attribute{
			lg(required(str("class"))),
			lg(required(str("module"))),
			xmlAt(lg(mapOf("properties", dmr.String)), ops.XMLAttribute{Path: "properties",
				Form: ops.PropertyMap, Item: "property", KeyAttr: "name", ItemAttr: "value",
				Order: nestedOrder(lgPosFile)}),
		}
	}
	return append([]*ops.Attribute{autoflush}, lgFileAttributes(typ)...)
}

// lgFileAttributes are the attributes of the four file handler types, in
// the order of their elements: file, rotate-size, max-backup-index, suffix,
// append.
func lgFileAttributes(typ string) []*ops.Attribute {
	as := []*ops.Attribute{lgFileAttr()}
	sized := typ == "size-rotating-file-handler" || typ == "periodic-size-rotating-file-handler"
	if sized {
		as = append(as,
			lg(def(boolean("rotate-on-boot"), dmr.NewBool(false))),
			lgValueAt(def(str("rotate-size"), dmr.NewString("2m")), "rotate-size",
				lgPosFile+1),
			lgValueAt(bounds(def(integer("max-backup-index"), dmr.NewInt(1)), 1, 1<<31-1),
				"max-backup-index", lgPosFile+2))
	}
	switch typ {
	case "periodic-rotating-file-handler", "periodic-size-rotating-file-handler":
		as = append(as, lgValueAt(required(str("suffix")), "suffix", lgPosFile+3))
	case "size-rotating-file-handler":
		as = append(as, lgValueAt(str("suffix"), "suffix", lgPosFile+3))
	}
	return append(as, lgValueAt(def(boolean("append"), dmr.NewBool(true)), "append",
		lgPosFile+4))
}

// lgFileAttr is a file handler's file: an OBJECT {relative-to, path} written
// as <file relative-to="..." path="..."/>.
func lgFileAttr() *ops.Attribute {
	a := lg(required(attr("file", dmr.Object)))
	a.Description = "The file written to: a path, relative to a named path or absolute."
	a.Fields = []*ops.Attribute{str("relative-to"), required(str("path"))}
	return xmlAt(a, ops.XMLAttribute{Path: "file", Form: ops.FieldObject,
		Order: nestedOrder(lgPosFile)})
}

// lgAsyncAttributes are the attributes of async-handler, whose children are
// level, filter-spec, queue-length, overflow-action and subhandlers.
func lgAsyncAttributes() []*ops.Attribute {
	queue := bounds(required(integer("queue-length")), 1, 1<<31-1)
	queue.Restart = ops.ResourceServices
	overflow := def(oneOf(str("overflow-action"), "BLOCK", "DISCARD"), dmr.NewString("BLOCK"))
	// The file spells the action in lower case (<overflow-action value="block"/>).
	overflow = lgValueAt(overflow, "overflow-action", 4)
	overflow.XML.UpperCase = true
	return []*ops.Attribute{
		lgHandlerLevel(),
		lg(def(boolean("enabled"), dmr.NewBool(true))),
		lgValueAt(str("filter-spec"), "filter-spec", 2),
		xmlAt(queue, ops.XMLAttribute{Path: "queue-length", Attr: "value",
			Order: nestedOrder(3)}),
		overflow,
		lgHandlerList("subhandlers", "subhandlers", 5),
		lgDeprecated(lg(attr("filter", dmr.Object))),
	}
}

// lgSyslogFacilities are the allowed values of a syslog handler's facility.
var lgSyslogFacilities = []string{"kernel", "user-level", "mail-system", "system-daemons",
	"security", "syslogd", "line-printer", "network-news", "uucp", "clock-daemon",
	"security2", "ftp-daemon", "ntp", "log-audit", "log-alert", "clock-daemon2",
	"local-use-0", "local-use-1", "local-use-2", "local-use-3", "local-use-4",
	"local-use-5", "local-use-6", "local-use-7"}

// lgSyslogAttributes are the attributes of syslog-handler, whose children
// are level, server-address, hostname, port, app-name, formatter, facility.
func lgSyslogAttributes() []*ops.Attribute {
	format := def(oneOf(str("syslog-format"), "RFC5424", "RFC3164"), dmr.NewString("RFC5424"))
	return []*ops.Attribute{
		lgHandlerLevel(),
		lg(def(boolean("enabled"), dmr.NewBool(true))),
		lgValueAt(def(str("server-address"), dmr.NewString("localhost")), "server-address", 2),
		lgValueAt(str("hostname"), "hostname", 3),
		lgValueAt(def(integer("port"), dmr.NewInt(514)), "port", 4),
		lgValueAt(str("app-name"), "app-name", 5),
		xmlAt(lg(format), ops.XMLAttribute{Path: "formatter/syslog-format",
			Attr: "syslog-type", Order: nestedOrder(6, 1)}),
		lgValueAt(def(oneOf(str("facility"), lgSyslogFacilities...),
			dmr.NewString("user-level")), "facility", 7),
	}
}

// lgSocketAttributes are the attributes of socket-handler, whose children
// are level, encoding, filter-spec, named-formatter and protocol.
func lgSocketAttributes() []*ops.Attribute {
	protocol := def(oneOf(str("protocol"), "SSL_TCP", "TCP", "UDP"), dmr.NewString("TCP"))
	return []*ops.Attribute{
		lgHandlerLevel(),
		lg(def(boolean("enabled"), dmr.NewBool(true))),
		lg(def(boolean("autoflush"), dmr.NewBool(true))),
		lg(def(boolean("block-on-reconnect"), dmr.NewBool(false))),
		lg(required(str("outbound-socket-binding-ref"))),
		lg(str("ssl-context")),
		lgValueAt(str("encoding"), "encoding", lgPosEncoding),
		lgValueAt(str("filter-spec"), "filter-spec", lgPosFilterSpec),
		xmlAt(lg(required(str("named-formatter"))), ops.XMLAttribute{
			Path: "named-formatter", Attr: "name", Order: nestedOrder(lgPosFormatter)}),
		lgValueAt(protocol, "protocol", lgPosFile),
	}
}
